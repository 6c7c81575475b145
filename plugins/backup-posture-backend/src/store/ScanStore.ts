import {
  FactError,
  ReportTrendResponse,
  ScanProgress,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { parseJson } from './encoding';
import { ScanStore, ScanTotals } from './types';

type ScanRow = {
  id: string;
  trigger: ScanProgress['trigger'];
  state: ScanProgress['state'];
  started_at: string;
  finished_at: string | null;
  scopes_total: number;
  scopes_done: number;
  errors: string;
  score: number | null;
  grade: string | null;
  entities: number | null;
  counts: string | null;
  heartbeat_at?: string | null;
  key_errors?: string | null;
  error?: string | null;
};

const toProgress = (r: ScanRow): ScanProgress => ({
  scanId: r.id,
  trigger: r.trigger,
  state: r.state,
  startedAt: r.started_at,
  ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
  scopesTotal: Number(r.scopes_total),
  scopesDone: Number(r.scopes_done),
  errors: parseJson(r.errors, []),
  errorCount: parseJson<unknown[]>(r.errors, []).length,
  keyErrors: parseJson(r.key_errors, []),
  keyErrorCount: parseJson<unknown[]>(r.key_errors, []).length,
  ...(r.error ? { error: JSON.parse(r.error) } : {}),
});

/**
 * A refresh asked for on any replica, kept in the facts table (where it has always been, so
 * replicas of an older version still see it) until the scan it triggered takes it.
 */
const SCAN_REQUEST = 'scan.manualRequest';

/** Scans (one row each: state, progress, errors, totals), the trend and refresh requests. */
export class DatabaseScanStore implements ScanStore {
  constructor(private readonly db: Knex) {}

  async startScan(scan: {
    id: string;
    trigger: ScanProgress['trigger'];
    startedAt: string;
  }): Promise<void> {
    // Only one scan runs at a time (global task lock): a leftover "running" row was interrupted,
    // or overran the lock; closing it makes its owner stop (its heartbeat finds it closed).
    await this.db('backup_posture_scans')
      .where({ state: 'running' })
      .where('started_at', '<', scan.startedAt)
      .update({
        state: 'interrupted',
        finished_at: scan.startedAt,
        error: JSON.stringify({
          name: 'ScanInterrupted',
          message: `Superseded by scan ${scan.id}, started ${scan.startedAt}`,
        }),
      });
    await this.db('backup_posture_scans').insert({
      id: scan.id,
      trigger: scan.trigger,
      state: 'running',
      started_at: scan.startedAt,
      heartbeat_at: scan.startedAt,
      scopes_total: 0,
      scopes_done: 0,
      errors: '[]',
    });
  }

  /** Marks a running scan alive; false when its row was closed meanwhile (it must stop). */
  async heartbeat(scanId: string, at: string): Promise<boolean> {
    const updated = await this.db('backup_posture_scans')
      .where({ id: scanId, state: 'running' })
      .update({ heartbeat_at: at });
    return updated > 0;
  }

  /**
   * Closes as `interrupted` each running scan not marked alive since `staleBefore` (its backend
   * was killed or lost its database). Returns the scans this call closed: when replicas race,
   * each stale scan is closed by exactly one of them.
   */
  async closeStaleScans(staleBefore: string, at: string): Promise<string[]> {
    const stale = await this.db<ScanRow>('backup_posture_scans')
      .where({ state: 'running' })
      .where(q =>
        q
          .where('heartbeat_at', '<', staleBefore)
          .orWhere(inner =>
            inner
              .whereNull('heartbeat_at')
              .where('started_at', '<', staleBefore),
          ),
      )
      .select('id', 'heartbeat_at', 'started_at');
    const closed: string[] = [];
    for (const row of stale) {
      const lastSeen = row.heartbeat_at ?? row.started_at;
      const updated = await this.db('backup_posture_scans')
        .where({ id: row.id, state: 'running' })
        .where(q =>
          row.heartbeat_at
            ? q.where({ heartbeat_at: row.heartbeat_at })
            : q.whereNull('heartbeat_at'),
        )
        .update({
          state: 'interrupted',
          finished_at: at,
          error: JSON.stringify({
            name: 'ScanInterrupted',
            message: `The scan stopped reporting progress at ${lastSeen} (its backend was stopped or lost its database)`,
          }),
        });
      if (updated) closed.push(row.id);
    }
    return closed;
  }

  /** Progress of a running scan; false when its row was closed meanwhile. */
  async updateProgress(
    scanId: string,
    p: {
      scopesTotal: number;
      scopesDone: number;
      errors: ScanProgress['errors'];
    },
  ): Promise<boolean> {
    const updated = await this.db('backup_posture_scans')
      .where({ id: scanId, state: 'running' })
      .update({
        scopes_total: p.scopesTotal,
        scopes_done: p.scopesDone,
        errors: JSON.stringify(p.errors),
      });
    return updated > 0;
  }

  /** The key reads that failed in a running scan. */
  async recordKeyErrors(
    scanId: string,
    keyErrors: NonNullable<ScanProgress['keyErrors']>,
  ): Promise<boolean> {
    const updated = await this.db('backup_posture_scans')
      .where({ id: scanId, state: 'running' })
      .update({ key_errors: JSON.stringify(keyErrors) });
    return updated > 0;
  }

  /** Closes a running scan; a row already closed (interrupted by a newer scan) is left as it is. */
  async finishScan(
    scanId: string,
    state: ScanProgress['state'],
    finishedAt: string,
    totals?: ScanTotals,
    error?: FactError,
  ): Promise<boolean> {
    const updated = await this.db('backup_posture_scans')
      .where({ id: scanId, state: 'running' })
      .update({
        state,
        finished_at: finishedAt,
        ...(error ? { error: JSON.stringify(error) } : {}),
        ...(totals
          ? {
              score: totals.score,
              grade: totals.grade,
              entities: totals.entities,
              counts: JSON.stringify(totals.counts),
            }
          : {}),
      });
    return updated > 0;
  }

  async scanStatus(): Promise<{ current?: ScanProgress; last?: ScanProgress }> {
    const current = await this.db<ScanRow>('backup_posture_scans')
      .where({ state: 'running' })
      .orderBy('started_at', 'desc')
      .first();
    const last = await this.db<ScanRow>('backup_posture_scans')
      .whereNot({ state: 'running' })
      .orderBy('started_at', 'desc')
      .first();
    return {
      ...(current ? { current: toProgress(current) } : {}),
      ...(last ? { last: toProgress(last) } : {}),
    };
  }

  async lastFinishedScan(): Promise<ScanProgress | undefined> {
    const row = await this.db<ScanRow>('backup_posture_scans')
      .whereIn('state', ['succeeded', 'partial'])
      .orderBy('started_at', 'desc')
      .first();
    return row ? toProgress(row) : undefined;
  }

  async countScans(): Promise<number> {
    const [{ n }] = await this.db('backup_posture_scans').count({ n: '*' });
    return Number(n);
  }

  async trend(limit: number): Promise<ReportTrendResponse> {
    const rows = await this.db<ScanRow>('backup_posture_scans')
      .whereIn('state', ['succeeded', 'partial'])
      .whereNotNull('counts')
      .orderBy('started_at', 'desc')
      .limit(limit);
    return {
      points: rows.reverse().map(r => ({
        scanId: r.id,
        finishedAt: r.finished_at ?? r.started_at,
        score: r.score === null ? null : Number(r.score),
        grade: (r.grade as any) ?? null,
        entities: Number(r.entities ?? 0),
        counts: parseJson(r.counts, {} as any),
      })),
    };
  }

  /** Deletes scan history older than the retention window (never the latest finished scan). */
  async pruneScans(olderThan: string) {
    const keep = await this.lastFinishedScan();
    await this.db('backup_posture_scans')
      .where('started_at', '<', olderThan)
      .whereNot({ state: 'running' })
      .modify(q => (keep ? q.whereNot({ id: keep.scanId }) : q))
      .delete();
  }

  async requestScan(requestedBy: string, at: string): Promise<void> {
    await this.db('backup_posture_facts')
      .insert({
        name: SCAN_REQUEST,
        value: JSON.stringify(requestedBy),
        updated_at: at,
      })
      .onConflict('name')
      .merge();
  }

  async takeScanRequest(): Promise<string | undefined> {
    const row = await this.db('backup_posture_facts')
      .where({ name: SCAN_REQUEST })
      .first();
    if (!row) return undefined;
    await this.db('backup_posture_facts')
      .where({ name: SCAN_REQUEST })
      .delete();
    return JSON.parse(row.value) as string;
  }
}
