import { fork } from 'node:child_process';
import { join } from 'node:path';
import { componentName, ENTITY_COUNT } from './entities';
import type { LoadJob, LoadResult } from './loadProcess';
import { TS_EXEC_ARGV } from './simChild';

/** Like a browser: the mock user's token, and compressed answers accepted. */
export const AUTH = {
  authorization: 'Bearer mock-user-token',
  'accept-encoding': 'gzip',
};

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[
        Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
      ];

export interface LatencySummary {
  concurrency: number;
  requests: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
  meanResponseBytes: number;
}

function runLoad(job: LoadJob): Promise<LoadResult> {
  // eslint-disable-next-line no-restricted-syntax -- run from source by the bench script, never built
  const child = fork(join(__dirname, 'loadProcess.ts'), [], {
    execArgv: TS_EXEC_ARGV,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    // The TypeScript hook also posts { type: 'watch' } messages: wait for the result.
    child.on('message', (m: any) => {
      if (m && Array.isArray(m.latenciesMs)) resolve(m as LoadResult);
    });
    child.once('exit', code => {
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
    });
    child.send(job);
  });
}

/** A shuffled list of entity posture paths over all 10,000 components (fixed seed). */
function posturePaths(): string[] {
  const paths = Array.from(
    { length: ENTITY_COUNT },
    (_, i) =>
      `/api/backup-posture/entities/component/default/${componentName(i)}/posture`,
  );
  let seed = 12345;
  for (let i = paths.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  return paths;
}

/** Entity posture route latency at a number of concurrent clients (after a warm-up round). */
export function entityApiLatency(
  baseUrl: string,
  concurrency: number,
  requests: number,
): Promise<LatencySummary> {
  return routeLatency(baseUrl, posturePaths(), concurrency, requests);
}

/**
 * The plugin's lightest route (scan status: one small indexed query) under the same load: the
 * ceiling this machine and the backend framework put on any route.
 */
export function baselineLatency(
  baseUrl: string,
  concurrency: number,
  requests: number,
): Promise<LatencySummary> {
  return routeLatency(
    baseUrl,
    ['/api/backup-posture/scan/status'],
    concurrency,
    requests,
  );
}

async function routeLatency(
  baseUrl: string,
  paths: string[],
  concurrency: number,
  requests: number,
): Promise<LatencySummary> {
  await runLoad({
    baseUrl,
    paths,
    concurrency,
    requests: Math.min(1000, requests),
    headers: AUTH,
  });
  const r = await runLoad({
    baseUrl,
    paths,
    concurrency,
    requests,
    headers: AUTH,
  });
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return {
    concurrency,
    requests,
    failures: r.failures,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1],
    requestsPerSecond: (requests / r.wallMs) * 1000,
    meanResponseBytes: r.bytes / requests,
  };
}

/** The report route as the report page asks for it (first page of 25, over every entity). */
export async function reportEndpointTime(baseUrl: string, rounds = 20) {
  const times: number[] = [];
  let totalCount = 0;
  for (let i = 0; i < rounds + 2; i++) {
    const t = performance.now();
    const res = await fetch(
      `${baseUrl}/api/backup-posture/report?offset=0&limit=25`,
      { headers: AUTH },
    );
    const body = (await res.json()) as { totalCount: number };
    if (!res.ok) throw new Error(`report: HTTP ${res.status}`);
    totalCount = body.totalCount;
    if (i >= 2) times.push(performance.now() - t);
  }
  const sorted = times.sort((a, b) => a - b);
  return {
    totalCount,
    p50Ms: percentile(sorted, 50),
    maxMs: sorted[sorted.length - 1],
    rounds,
  };
}
