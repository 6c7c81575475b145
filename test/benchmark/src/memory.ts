import knexFactory from 'knex';

const gc = () => (global as any).gc?.();

/** Samples the process's heap and RSS; peaks are what a scan costs on top of the baseline. */
export class MemorySampler {
  private timer?: NodeJS.Timeout;
  baselineHeap = 0;
  baselineRss = 0;
  peakHeap = 0;
  peakRss = 0;

  start(intervalMs = 50) {
    gc();
    const m = process.memoryUsage();
    this.baselineHeap = this.peakHeap = m.heapUsed;
    this.baselineRss = this.peakRss = m.rss;
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample() {
    const m = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
    this.peakRss = Math.max(this.peakRss, m.rss);
  }

  stop() {
    this.sample();
    clearInterval(this.timer);
  }
}

/** Heap retained by what `make` returns (forced GCs around it). */
export function heapRetainedBy(make: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (!kept) throw new Error('nothing retained');
  return after - before;
}

/**
 * Heap retained by one in-memory copy of the stored estate: every scope snapshot and KMS key
 * fact the scan wrote, parsed (what the scan loads once to evaluate entities). The yardstick for
 * "not the whole estate held twice".
 */
export async function oneEstateCopyBytes(dbFile: string): Promise<number> {
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: dbFile },
    useNullAsDefault: true,
  });
  try {
    const scopes = await db('backup_posture_scope_snapshots').select(
      'snapshot',
    );
    const keys = await db('backup_posture_key_facts').select('fact');
    const texts = [
      ...scopes.map((r: { snapshot: string | null }) => r.snapshot ?? 'null'),
      ...keys.map((r: { fact: string }) => r.fact),
    ];
    return heapRetainedBy(() => texts.map(t => JSON.parse(t)));
  } finally {
    await db.destroy();
  }
}
