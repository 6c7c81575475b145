import {
  FactError,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { parseJson } from './encoding';
import { assertLive, fenceOf, notNewer, ScanFence } from './fence';

/** Snapshot rows read per query (each row is one account × region, up to a few hundred KB). */
const SNAPSHOT_PAGE_ROWS = 200;

/** Writes a scope's snapshot as this scan's, unless a newer scan wrote the row. */
export async function saveSnapshotRow(
  db: Knex,
  table: string,
  key: Record<string, string>,
  snapshot: unknown,
  scan: ScanFence,
  at: string,
) {
  assertLive(scan);
  const fence = fenceOf(scan, at);
  await db(table)
    .insert({
      ...key,
      state: 'ok',
      snapshot: JSON.stringify(snapshot),
      last_attempt_at: at,
      last_success_at: at,
      error: null,
      scan_id: fence.id,
      scan_started_at: fence.startedAt,
    })
    .onConflict(Object.keys(key))
    .merge()
    .where(notNewer(table, fence.startedAt));
}

/** A failed scope keeps its last good snapshot: it becomes `stale` (or `error` if it never had one). */
export async function saveFailureRow(
  db: Knex,
  table: string,
  key: Record<string, string>,
  error: FactError,
  scan: ScanFence,
  at: string,
) {
  assertLive(scan);
  const fence = fenceOf(scan, at);
  const updated = await db(table)
    .where(key)
    .where(notNewer(table, fence.startedAt))
    .update({
      state: db.raw("CASE WHEN snapshot IS NULL THEN 'error' ELSE 'stale' END"),
      last_attempt_at: at,
      error: JSON.stringify(error),
      scan_id: fence.id,
      scan_started_at: fence.startedAt,
    });
  if (!updated) {
    // No row yet (a row of a newer scan stays as it is).
    await db(table)
      .insert({
        ...key,
        state: 'error',
        snapshot: null,
        last_attempt_at: at,
        last_success_at: null,
        error: JSON.stringify(error),
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
      })
      .onConflict(Object.keys(key))
      .ignore();
  }
}

/**
 * Every row, read a page at a time and parsed as it comes: the JSON text of the whole estate is
 * never held beside its parsed form (at 300 accounts × 16 regions that was hundreds of MiB).
 * `where` selects a part of the table (one cloud); `keyColumns` are the rest of its primary key, in
 * order.
 */
export async function listSnapshotRows<T>(
  db: Knex,
  table: string,
  where: Record<string, string>,
  keyColumns: string[],
  status: (row: any) => Pick<ScopeStatus, 'cloud' | 'account' | 'region'>,
): Promise<Array<{ status: ScopeStatus; snapshot?: T }>> {
  const out: Array<{ status: ScopeStatus; snapshot?: T }> = [];
  // Keyset pages (after the last key read), so a row written meanwhile shifts no page.
  let after: unknown[] | undefined;
  for (;;) {
    const query = db(table)
      .where(where)
      .select()
      .orderBy(keyColumns)
      .limit(SNAPSHOT_PAGE_ROWS);
    if (after) {
      const last = after;
      query.where(function afterKey() {
        keyColumns.forEach((column, i) =>
          this.orWhere(inner => {
            keyColumns
              .slice(0, i)
              .forEach((c, j) => inner.where(c, last[j] as any));
            inner.where(column, '>', last[i] as any);
          }),
        );
      });
    }
    const rows = await query;
    if (rows.length) {
      const lastRow = rows[rows.length - 1];
      after = keyColumns.map(c => lastRow[c]);
    }
    for (const r of rows) {
      out.push({
        status: {
          ...status(r),
          state: r.state,
          ...(r.last_attempt_at ? { lastAttemptAt: r.last_attempt_at } : {}),
          ...(r.last_success_at ? { lastSuccessAt: r.last_success_at } : {}),
          ...(r.error ? { error: JSON.parse(r.error) } : {}),
        },
        snapshot: parseJson<T | undefined>(r.snapshot, undefined),
      });
    }
    if (rows.length < SNAPSHOT_PAGE_ROWS) return out;
  }
}
