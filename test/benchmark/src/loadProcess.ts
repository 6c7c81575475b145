import { Agent, request } from 'node:http';

/**
 * HTTP load from its own process (forked by the benchmark), so the clients do not share the
 * backend's event loop: `concurrency` clients each send requests back to back until `requests`
 * have been answered; each latency is measured from send to the last byte.
 */
export interface LoadJob {
  baseUrl: string;
  paths: string[];
  concurrency: number;
  requests: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  latenciesMs: number[];
  failures: number;
  wallMs: number;
  bytes: number;
}

function get(agent: Agent, url: URL, headers: Record<string, string>) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = request(url, { agent, headers }, res => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latenciesMs: number[] = [];
  let failures = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= job.requests) return;
      const url = new URL(job.paths[i % job.paths.length], job.baseUrl);
      const t = performance.now();
      try {
        const res = await get(agent, url, job.headers);
        if (res.status !== 200) failures++;
        bytes += res.bytes;
      } catch {
        failures++;
      }
      latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const wallMs = performance.now() - started;
  agent.destroy();
  return { latenciesMs, failures, wallMs, bytes };
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    result => {
      process.send!(result, () => process.exit(0));
    },
    e => {
      // eslint-disable-next-line no-console
      console.error(e);
      process.exit(1);
    },
  );
});
