import { Knex } from 'knex';

/**
 * The scan a write belongs to. Writes land only over rows of the same or an older scan (by start
 * time), and none once the scan's signal is aborted: a late, older or failed scan never overwrites
 * what a newer one wrote. A bare scan id (tests, tools) is a scan started at the write's time.
 */
export type ScanFence =
  string | { id: string; startedAt: string; signal?: AbortSignal };

export const fenceOf = (scan: ScanFence, at: string) =>
  typeof scan === 'string' ? { id: scan, startedAt: at } : scan;

/** Throws the abort reason once the scan's signal is aborted: no write after that. */
export function assertLive(scan: ScanFence) {
  if (typeof scan !== 'string' && scan.signal?.aborted) {
    throw scan.signal.reason ?? new Error('The scan was aborted');
  }
}

/** Rows of `table` not written by a scan newer than `startedAt`. */
export function notNewer(table: string, startedAt: string) {
  return (q: Knex.QueryBuilder) =>
    q
      .whereNull(`${table}.scan_started_at`)
      .orWhere(`${table}.scan_started_at`, '<=', startedAt);
}

/** Rows are written in batches to stay under SQLite's bound-parameter limit. */
export const BATCH = 50;
