import { availableParallelism } from 'node:os';
/* eslint-disable no-console */
import { SCALE_REGION_COUNT } from './settings';
import {
  baselineLatency,
  entityApiLatency,
  LatencySummary,
  reportEndpointTime,
} from './apiBench';
import { ScanSettings, startBenchBackend, waitForFirstScan } from './backend';
import { benchmarkEntities, ENTITY_COUNT } from './entities';
import { heapRetainedBy, MemorySampler, oneEstateCopyBytes } from './memory';
import { awsLimitMs } from './awsLimit';
import {
  reportPageTiming,
  ReportPageTiming,
} from './reportPage/reportPageBench';
import { SimChild } from './simChild';
import type { SimReady } from './simProcess';

export interface PresetOptions {
  accounts: number;
  latencyMs: number;
  settings: ScanSettings;
  resourcesPerRegion: number;
  apiRequests: number;
  browserRuns: number;
  skipBrowser?: boolean;
}

export interface PresetResult {
  preset: string;
  ranAt: string;
  accounts: number;
  regions: number;
  scopes: number;
  latencyMs: number;
  settings: ScanSettings;
  estate: SimReady['counts'];
  calls: {
    made: number;
    minimum: number;
    ratio: number;
    byOperation: Array<{ operation: string; made: number; minimum: number }>;
    errors: Record<string, number>;
  };
  wall: {
    scanMs: number;
    discoveryMs?: number;
    /** Scan start → the status poll (every 250 ms) sees it done: entities evaluated and stored. */
    storedMs?: number;
    /** The lower bound AWS's quotas and the in-flight budget set (awsLimit.ts). */
    awsLimitMs: number;
    /** scanMs / awsLimitMs. */
    ratio: number;
    limit: ReturnType<typeof awsLimitMs>;
    scanState: string;
    /**
     * CPU time over the scan: the backend's (one event loop) and the simulator's (its own process),
     * and the wall time this machine's cores allow at those costs (`machineBoundMs`).
     */
    cpu?: {
      backendMs: number;
      simulatorMs: number;
      cores: number;
      machineBoundMs: number;
    };
  };
  memory: {
    baselineHeapBytes: number;
    peakHeapBytes: number;
    peakHeapGrowthBytes: number;
    peakRssBytes: number;
    oneEstateCopyBytes: number;
    catalogEntitiesBytes: number;
    /** Peak growth over (one estate copy + one copy of the catalog's entities). */
    growthOverOneCopy: number;
    simulatorPeakRssBytes: number;
  };
  database: { bytesAfterFirstScan: number };
  /** The backend process's V8 heap limit (--max-old-space-size), when set. */
  heapLimitMiB?: number;
  api?: {
    entities: number;
    latency: LatencySummary[];
    /** The lightest route under the same load, for the framework's ceiling. */
    baseline?: LatencySummary;
    report: Awaited<ReturnType<typeof reportEndpointTime>>;
  };
  reportPage?: ReportPageTiming;
}

function heapLimitMiB(): number | undefined {
  const flag = process.execArgv.find(a =>
    a.startsWith('--max-old-space-size='),
  );
  return flag ? Number(flag.split('=')[1]) : undefined;
}

const log = (m: string) => console.error(`[bench] ${m}`);

export async function runPreset(opts: PresetOptions): Promise<PresetResult> {
  const regions = SCALE_REGION_COUNT;
  log(
    `preset ${opts.accounts} accounts × ${regions} regions: building the estate`,
  );
  const copyJobsLookbackDays = 14;
  const sim = await SimChild.start({
    accounts: opts.accounts,
    regions,
    resourcesPerRegion: opts.resourcesPerRegion,
    latencyMs: opts.latencyMs,
    copyJobsLookbackDays,
  });
  const { minimum, counts } = sim.ready;
  const regionNames = [...new Set(minimum.scopes.map(s => s.region))];
  const entitiesBytes = heapRetainedBy(() =>
    benchmarkEntities(sim.ready.resourceArns, ENTITY_COUNT),
  );
  const entities = benchmarkEntities(sim.ready.resourceArns, ENTITY_COUNT);
  const memory = new MemorySampler();
  memory.start();
  log(
    `estate: ${minimum.scopes.length} scopes, ${counts.resources} resources, ${counts.recoveryPoints} recovery points; minimum ${minimum.total} calls; scanning`,
  );
  const bench = await startBenchBackend({
    endpoint: sim.ready.url,
    regions: regionNames,
    entities,
    settings: opts.settings,
    // The same look-back as the minimum's count of ListCopyJobs pages.
    copyJobsLookbackDays,
  });
  let lastLog = Date.now();
  // The backend's CPU over the AWS phase (the benchmark's own polling included: a few ms),
  // sampled at every status poll and read at the scan's finishedAt, before entities are evaluated.
  const cpuAtStart = process.cpuUsage();
  const cpuSamples: Array<{ at: number; ms: number }> = [];
  try {
    const status = await waitForFirstScan(bench.baseUrl, () => {
      const used = process.cpuUsage(cpuAtStart);
      cpuSamples.push({ at: Date.now(), ms: (used.user + used.system) / 1000 });
      memory.sample();
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        log('scan running…');
      }
    });
    memory.stop();
    const last = status.last!;
    const finishedAt = new Date(last.finishedAt!).getTime();
    const backendCpuMs =
      cpuSamples.find(s => s.at >= finishedAt)?.ms ??
      cpuSamples[cpuSamples.length - 1]?.ms ??
      0;
    // A scan that failed part-way makes fewer calls: its ratios would look better, not worse.
    if (last.state !== 'succeeded')
      throw new Error(
        `the scan ended ${last.state}, not succeeded: ${JSON.stringify(last.errors.slice(0, 5))}`,
      );
    const seenFinishedAt = Date.now();
    const startedAt = new Date(last.startedAt).getTime();
    const scanMs = new Date(last.finishedAt!).getTime() - startedAt;
    const stats = await sim.stats();
    // The AWS phase: the scan's start to the last answer of the simulator (discovery and keys);
    // the rest of the wall time is evaluating entities and writing them.
    const discoveryMs = stats.lastAnswerAt - startedAt;
    const limit = awsLimitMs(minimum, {
      latencyMs: opts.latencyMs,
      quotaShare: opts.settings.quotaShare,
      requestsInFlight: opts.settings.requestsInFlight,
    });
    log(
      `scan ${last.state} in ${(scanMs / 1000).toFixed(1)} s (AWS limit ${(limit.totalMs / 1000).toFixed(1)} s); ${stats.total} calls (minimum ${minimum.total})`,
    );
    const ops = new Set([
      ...Object.keys(stats.byOperation),
      ...Object.keys(minimum.byOperation),
    ]);
    const oneCopy = await oneEstateCopyBytes(bench.dbFile);
    const result: PresetResult = {
      preset: String(opts.accounts),
      ranAt: new Date().toISOString(),
      accounts: opts.accounts,
      regions,
      scopes: minimum.scopes.length,
      latencyMs: opts.latencyMs,
      settings: opts.settings,
      estate: counts,
      calls: {
        made: stats.total,
        minimum: minimum.total,
        ratio: stats.total / minimum.total,
        byOperation: [...ops].sort().map(operation => ({
          operation,
          made: stats.byOperation[operation] ?? 0,
          minimum: minimum.byOperation[operation] ?? 0,
        })),
        errors: stats.errors,
      },
      wall: {
        scanMs,
        discoveryMs,
        storedMs: seenFinishedAt - startedAt,
        awsLimitMs: limit.totalMs,
        ratio: scanMs / limit.totalMs,
        limit,
        scanState: last.state,
        cpu: {
          backendMs: backendCpuMs,
          simulatorMs: stats.cpuMs,
          cores: availableParallelism(),
          // Each process runs one event loop; together they share the cores.
          machineBoundMs: Math.max(
            backendCpuMs,
            stats.cpuMs,
            (backendCpuMs + stats.cpuMs) / availableParallelism(),
          ),
        },
      },
      memory: {
        baselineHeapBytes: memory.baselineHeap,
        peakHeapBytes: memory.peakHeap,
        peakHeapGrowthBytes: memory.peakHeap - memory.baselineHeap,
        peakRssBytes: memory.peakRss,
        oneEstateCopyBytes: oneCopy,
        catalogEntitiesBytes: entitiesBytes,
        growthOverOneCopy:
          (memory.peakHeap - memory.baselineHeap) / (oneCopy + entitiesBytes),
        simulatorPeakRssBytes: stats.peakRssBytes,
      },
      database: {
        bytesAfterFirstScan: bench.dbBytes(),
      },
      heapLimitMiB: heapLimitMiB(),
    };
    if (opts.apiRequests > 0) {
      const latency: LatencySummary[] = [];
      for (const c of [50, 200]) {
        log(`entity API at ${c} concurrent clients`);
        latency.push(
          await entityApiLatency(bench.baseUrl, c, opts.apiRequests),
        );
      }
      log('baseline: scan status route at 200 concurrent clients');
      const baseline = await baselineLatency(
        bench.baseUrl,
        200,
        opts.apiRequests,
      );
      log('report endpoint');
      const report = await reportEndpointTime(bench.baseUrl);
      result.api = { entities: ENTITY_COUNT, latency, baseline, report };
    }
    if (!opts.skipBrowser && opts.browserRuns > 0) {
      log('report page in headless Chromium');
      result.reportPage = await reportPageTiming(
        bench.baseUrl,
        opts.browserRuns,
      );
    }
    return result;
  } finally {
    await bench.stop();
    await sim.stop();
  }
}
