import {
  scaleScenario,
  SimulatedAws,
  startOfTodayUtc,
  startSimulatedAwsServer,
} from '@internal/simulated-aws';
import { minimumCalls, MinimumCalls } from './minimumCalls';
import { ENTITY_COUNT } from './entities';

/**
 * The simulated estate in its own process (forked by the benchmark), so the simulator's CPU does
 * not share the event loop with the backend being measured. Talks over IPC:
 *   parent → { type: 'stats' } / { type: 'reset' }; child → { type: 'ready' | 'stats', ... }.
 */
export interface SimStartOptions {
  accounts: number;
  regions: number;
  resourcesPerRegion: number;
  latencyMs: number;
  copyJobsLookbackDays: number;
}

export type SimReady = {
  type: 'ready';
  url: string;
  minimum: MinimumCalls;
  resourceArns: string[];
  counts: {
    accounts: number;
    vaults: number;
    plans: number;
    resources: number;
    recoveryPoints: number;
    copyJobs: number;
    keys: number;
  };
};

export type SimStats = {
  type: 'stats';
  total: number;
  byOperation: Record<string, number>;
  errors: Record<string, number>;
  peakRssBytes: number;
  /** When the first call arrived and the last answer left (epoch ms), for the AWS phase's span. */
  firstCallAt: number;
  lastAnswerAt: number;
  /** CPU time (user + system) the simulator spent since it was ready, in ms. */
  cpuMs: number;
};

async function main() {
  const opts = JSON.parse(process.argv[2]) as SimStartOptions;
  const now = startOfTodayUtc();
  const estate = scaleScenario({
    accounts: opts.accounts,
    regions: opts.regions,
    resourcesPerRegion: opts.resourcesPerRegion,
    now,
  });
  const sim = new SimulatedAws(estate);
  if (opts.latencyMs > 0) sim.setLatency({ ms: opts.latencyMs });
  // AWS's per-account × region request quotas, as AWS answers them (ThrottlingException, counted
  // in the errors): a scan faster than the quotas allow is throttled, not measured as fast.
  sim.enforceRateQuotas();
  // The scanner's look-back is from its own clock; a minute of slack covers the start-up.
  const since = new Date(
    Date.now() - opts.copyJobsLookbackDays * 86400_000 + 60_000,
  );
  // The benchmark's catalog maps the first ENTITY_COUNT resources, one per component.
  const mappedArns = new Set(
    estate.resources.slice(0, ENTITY_COUNT).map(r => r.arn),
  );
  const minimum = minimumCalls(estate, sim.derived, {
    copyJobsSince: since,
    mappedArns,
  });
  const server = await startSimulatedAwsServer(sim, { port: 0 });
  // A call is logged when it arrives; its answer leaves after the injected latency.
  let lastAnswerAt = 0;
  const pushed = sim.calls.push.bind(sim.calls);
  sim.calls.push = (...records) => {
    lastAnswerAt = Math.max(
      lastAnswerAt,
      ...records.map(r => r.at + opts.latencyMs),
    );
    return pushed(...records);
  };
  let peakRss = process.memoryUsage().rss;
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200).unref();

  const ready: SimReady = {
    type: 'ready',
    url: server.url,
    minimum,
    resourceArns: estate.resources.map(r => r.arn),
    counts: {
      accounts: estate.accounts.length,
      vaults: estate.vaults.length,
      plans: estate.plans.length,
      resources: estate.resources.length,
      recoveryPoints: sim.derived.recoveryPoints.length,
      copyJobs: sim.derived.copyJobs.length,
      keys: estate.keys.length,
    },
  };
  process.send!(ready);
  const cpuAtReady = process.cpuUsage();
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stats') {
      const errors: Record<string, number> = {};
      for (const c of sim.calls) {
        if (c.status >= 400 || c.status === 0) {
          const k = `${c.service}:${c.operation}:${c.errorCode ?? c.status}`;
          errors[k] = (errors[k] ?? 0) + 1;
        }
      }
      const stats: SimStats = {
        type: 'stats',
        total: sim.calls.length,
        byOperation: sim.callCountsByOperation(),
        errors,
        peakRssBytes: peakRss,
        firstCallAt: sim.calls[0]?.at ?? 0,
        lastAnswerAt: lastAnswerAt,
        cpuMs: cpuMsSince(cpuAtReady),
      };
      process.send!(stats);
    } else if (m.type === 'reset') {
      sim.calls.length = 0;
      Object.assign(cpuAtReady, process.cpuUsage());
    } else if (m.type === 'stop') {
      server.close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** CPU time (user + system) since `start`, in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

main().catch(e => {
  // eslint-disable-next-line no-console
  console.error(e);
  process.exit(1);
});
