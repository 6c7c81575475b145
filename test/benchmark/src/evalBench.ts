/**
 * Evaluation time at 10,000 components (issue 18.3): the scan of the 10-account estate with no
 * latency, then a rescan with nothing changed. For each, the time from the scan's `finishedAt`
 * (discovery done) until its row is closed, i.e. evaluating and storing every entity's posture
 * (status polled every 20 ms). Run: `npm run bench:eval` in test/benchmark.
 */
import { startBenchBackend } from './backend';
import { AUTH } from './apiBench';
import { benchmarkEntities, ENTITY_COUNT } from './entities';
import { SimChild } from './simChild';
import { ScanStatusResponse } from '@backup-posture/plugin-backup-posture-common';

async function status(baseUrl: string): Promise<ScanStatusResponse> {
  const res = await fetch(`${baseUrl}/api/backup-posture/scan/status`, {
    headers: { ...AUTH, connection: 'close' },
  });
  return (await res.json()) as ScanStatusResponse;
}

/** Waits for a scan started after `after` to close; returns it and when it was seen closed. */
async function closedScan(baseUrl: string, after?: string) {
  for (;;) {
    const s = await status(baseUrl).catch(() => undefined);
    if (s?.last && !s.current && (!after || s.last.startedAt > after))
      return { scan: s.last, seenAt: Date.now() };
    await new Promise(r => setTimeout(r, 20));
  }
}

async function main() {
  const accounts = Number(process.argv[2] ?? 10);
  const sim = await SimChild.start({
    accounts,
    regions: 16,
    resourcesPerRegion: 3,
    latencyMs: 0,
    copyJobsLookbackDays: 14,
  });
  const entities = benchmarkEntities(sim.ready.resourceArns, ENTITY_COUNT);
  const bench = await startBenchBackend({
    endpoint: sim.ready.url,
    regions: [...new Set(sim.ready.minimum.scopes.map(s => s.region))],
    entities,
    // The benchmark's defaults (npm run bench).
    settings: { scopeConcurrency: 64, requestsInFlight: 128, quotaShare: 0.5 },
    copyJobsLookbackDays: 14,
  });
  try {
    const evalMs = ({ scan, seenAt }: Awaited<ReturnType<typeof closedScan>>) =>
      seenAt - Date.parse(scan.finishedAt!);
    const first = await closedScan(bench.baseUrl);
    console.log(
      `full evaluation (first scan, ${ENTITY_COUNT} components, ${accounts} accounts): ${evalMs(first)} ms`,
    );
    for (let i = 0; i < 2; i++) {
      const after = (await status(bench.baseUrl)).last!.startedAt;
      await fetch(`${bench.baseUrl}/api/backup-posture/scan/refresh`, {
        method: 'POST',
        headers: AUTH,
      });
      const again = await closedScan(bench.baseUrl, after);
      console.log(
        `rescan with nothing changed #${i + 1}: ${evalMs(again)} ms (${again.scan.state})`,
      );
    }
  } finally {
    await bench.stop();
    await sim.stop();
  }
}

main().then(
  // The test backend's scheduler keeps timers: end the process once the figures are printed.
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
