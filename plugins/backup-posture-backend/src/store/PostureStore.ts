import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AwsKmsKeyFact,
  AzureKeyFact,
  CloudProvider,
  EntityPostureSummary,
  FactError,
  ReportTrendResponse,
  ScanProgress,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Scope, ScopeSnapshot } from '../discovery/types';
import { AzureSubscriptionSnapshot } from '../azure/types';
import {
  EntityRow,
  ScanTotals,
  StoredAzureSubscription,
  StoredScope,
} from './types';

const migrationsDir = resolvePackagePath(
  '@backup-posture/plugin-backup-posture-backend',
  'migrations',
);

const gzipAsync = promisify(gzip);
/** Compressed on libuv's thread pool, so a scan's thousands of rows do not block the event loop. */
const gzipJson = (value: unknown): Promise<Buffer> =>
  gzipAsync(Buffer.from(JSON.stringify(value), 'utf8'));

const json = <T>(text: string | null | undefined, fallback: T): T =>
  text ? (JSON.parse(text) as T) : fallback;

/**
 * The scan a write belongs to. Writes land only over rows of the same or an older scan (by start
 * time), and none once the scan's signal is aborted: a late, older or failed scan never overwrites
 * what a newer one wrote. A bare scan id (tests, tools) is a scan started at the write's time.
 */
export type ScanFence =
  string | { id: string; startedAt: string; signal?: AbortSignal };

const fenceOf = (scan: ScanFence, at: string) =>
  typeof scan === 'string' ? { id: scan, startedAt: at } : scan;

function assertLive(scan: ScanFence) {
  if (typeof scan !== 'string' && scan.signal?.aborted) {
    throw scan.signal.reason ?? new Error('The scan was aborted');
  }
}

/** Rows are written in batches to stay under SQLite's bound-parameter limit. */
const BATCH = 50;
/** Snapshot rows read per query (each row is one account × region, up to a few hundred KB). */
const SNAPSHOT_PAGE_ROWS = 200;

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
  errors: json(r.errors, []),
  errorCount: json<unknown[]>(r.errors, []).length,
  keyErrors: json(r.key_errors, []),
  keyErrorCount: json<unknown[]>(r.key_errors, []).length,
  ...(r.error ? { error: JSON.parse(r.error) } : {}),
});

/**
 * Replicas starting together race to create knex's own bookkeeping tables; knex's migration lock
 * serialises the rest, so a failed attempt is retried.
 */
async function migrate(client: Knex, attempts = 5): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await client.migrate.latest({
        directory: migrationsDir,
        tableName: 'backup_posture__knex_migrations',
      });
      return;
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise(r => setTimeout(r, 200 * i + Math.random() * 200));
    }
  }
}

/** Everything the plugin keeps, in the Backstage database (knex; SQLite and PostgreSQL). */
export class PostureStore {
  static async create(database: DatabaseService): Promise<PostureStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await migrate(client);
    }
    return new PostureStore(client);
  }

  private summaryMemo?: { key: string; items: EntityPostureSummary[] };

  constructor(private readonly db: Knex) {}

  // --- scans -------------------------------------------------------------------------------------

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
        counts: json(r.counts, {} as any),
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

  // --- scopes (AWS account × region, Azure subscription) -----------------------------------------

  /** Rows of `table` not written by a scan newer than `startedAt`. */
  private notNewer(table: string, startedAt: string) {
    return (q: Knex.QueryBuilder) =>
      q
        .whereNull(`${table}.scan_started_at`)
        .orWhere(`${table}.scan_started_at`, '<=', startedAt);
  }

  private async saveSnapshotRow(
    table: string,
    key: Record<string, string>,
    snapshot: unknown,
    scan: ScanFence,
    at: string,
  ) {
    assertLive(scan);
    const fence = fenceOf(scan, at);
    await this.db(table)
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
      .where(this.notNewer(table, fence.startedAt));
  }

  /** A failed scope keeps its last good snapshot: it becomes `stale` (or `error` if it never had one). */
  private async saveFailureRow(
    table: string,
    key: Record<string, string>,
    error: FactError,
    scan: ScanFence,
    at: string,
  ) {
    assertLive(scan);
    const fence = fenceOf(scan, at);
    const updated = await this.db(table)
      .where(key)
      .where(this.notNewer(table, fence.startedAt))
      .update({
        state: this.db.raw(
          "CASE WHEN snapshot IS NULL THEN 'error' ELSE 'stale' END",
        ),
        last_attempt_at: at,
        error: JSON.stringify(error),
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
      });
    if (!updated) {
      // No row yet (a row of a newer scan stays as it is).
      await this.db(table)
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
   * `keyColumns` are the table's primary key, in order.
   */
  private async listSnapshotRows<T>(
    table: string,
    keyColumns: string[],
    status: (row: any) => Pick<ScopeStatus, 'cloud' | 'account' | 'region'>,
  ): Promise<Array<{ status: ScopeStatus; snapshot?: T }>> {
    const out: Array<{ status: ScopeStatus; snapshot?: T }> = [];
    // Keyset pages (after the last key read), so a row written meanwhile shifts no page.
    let after: unknown[] | undefined;
    for (;;) {
      const query = this.db(table)
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
          snapshot: json<T | undefined>(r.snapshot, undefined),
        });
      }
      if (rows.length < SNAPSHOT_PAGE_ROWS) return out;
    }
  }

  async saveScopeSnapshot(
    snapshot: ScopeSnapshot,
    scan: ScanFence,
    at: string,
  ) {
    await this.saveSnapshotRow(
      'backup_posture_scopes',
      { account_id: snapshot.accountId, region: snapshot.region },
      snapshot,
      scan,
      at,
    );
  }

  async saveScopeFailure(
    scope: Scope,
    error: FactError,
    scan: ScanFence,
    at: string,
  ) {
    await this.saveFailureRow(
      'backup_posture_scopes',
      { account_id: scope.accountId, region: scope.region },
      error,
      scan,
      at,
    );
  }

  async listScopes(): Promise<StoredScope[]> {
    return this.listSnapshotRows<ScopeSnapshot>(
      'backup_posture_scopes',
      ['account_id', 'region'],
      r => ({
        cloud: 'aws',
        account: r.account_id,
        region: r.region,
      }),
    );
  }

  async saveAzureSnapshot(
    snapshot: AzureSubscriptionSnapshot,
    scan: ScanFence,
    at: string,
  ) {
    await this.saveSnapshotRow(
      'backup_posture_azure_subscriptions',
      { subscription_id: snapshot.subscriptionId },
      snapshot,
      scan,
      at,
    );
  }

  async saveAzureFailure(
    subscriptionId: string,
    error: FactError,
    scan: ScanFence,
    at: string,
  ) {
    await this.saveFailureRow(
      'backup_posture_azure_subscriptions',
      { subscription_id: subscriptionId },
      error,
      scan,
      at,
    );
  }

  /** Azure subscriptions as scopes: `region` is `global` (one scan covers every location). */
  async listAzureSubscriptions(): Promise<StoredAzureSubscription[]> {
    return this.listSnapshotRows<AzureSubscriptionSnapshot>(
      'backup_posture_azure_subscriptions',
      ['subscription_id'],
      r => ({ cloud: 'azure', account: r.subscription_id, region: 'global' }),
    );
  }

  // --- keys and account-wide facts ---------------------------------------------------------------

  /**
   * Stores key facts. A key read now gets `readAt`; a key that failed this time keeps its last
   * good description, marked with the error (`staleError`) and the attempt (`lastAttemptAt`), so
   * no check takes it for a fresh read; one never read keeps its `error`.
   */
  private async saveKeyRows<
    F extends {
      error?: FactError;
      readAt?: string;
      staleError?: FactError;
      lastAttemptAt?: string;
    },
  >(
    table: string,
    keyColumn: string,
    idOf: (fact: F) => string,
    facts: F[],
    previous: F[],
    scan: ScanFence,
    at: string,
  ) {
    assertLive(scan);
    const fence = fenceOf(scan, at);
    const old = new Map(previous.map(k => [idOf(k), k] as const));
    const rows = facts.map(f => {
      const last = old.get(idOf(f));
      let fact: F;
      if (!f.error) fact = { ...f, readAt: at };
      else if (last && !last.error)
        fact = { ...last, staleError: f.error, lastAttemptAt: at };
      else fact = { ...f, lastAttemptAt: at };
      return {
        [keyColumn]: idOf(f),
        fact: JSON.stringify(fact),
        described_at: at,
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
      };
    });
    for (let i = 0; i < rows.length; i += BATCH) {
      assertLive(scan);
      await this.db(table)
        .insert(rows.slice(i, i + BATCH))
        .onConflict(keyColumn)
        .merge()
        .where(this.notNewer(table, fence.startedAt));
    }
  }

  async saveKeys(facts: AwsKmsKeyFact[], scan: ScanFence, at: string) {
    await this.saveKeyRows(
      'backup_posture_keys',
      'key_arn',
      f => f.arn,
      facts,
      await this.listKeys(),
      scan,
      at,
    );
  }

  async listKeys(): Promise<AwsKmsKeyFact[]> {
    const rows = await this.db('backup_posture_keys').select('fact');
    return rows.map(r => JSON.parse(r.fact));
  }

  async saveAzureKeys(facts: AzureKeyFact[], scan: ScanFence, at: string) {
    await this.saveKeyRows(
      'backup_posture_azure_keys',
      'key_uri',
      f => f.keyUri,
      facts,
      await this.listAzureKeys(),
      scan,
      at,
    );
  }

  async listAzureKeys(): Promise<AzureKeyFact[]> {
    const rows = await this.db('backup_posture_azure_keys').select('fact');
    return rows.map(r => JSON.parse(r.fact));
  }

  async setFact(name: string, value: unknown, at: string) {
    await this.db('backup_posture_facts')
      .insert({ name, value: JSON.stringify(value), updated_at: at })
      .onConflict('name')
      .merge();
  }

  async getFact<T>(name: string): Promise<T | undefined> {
    const row = await this.db('backup_posture_facts').where({ name }).first();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async deleteFact(name: string) {
    await this.db('backup_posture_facts').where({ name }).delete();
  }

  // --- entities ----------------------------------------------------------------------------------

  /** Writes this scan's entity rows and drops the rows of entities no longer in the catalog. */
  async replaceEntities(rows: EntityRow[], scan: ScanFence, at: string) {
    await this.db.transaction(async tx => {
      await this.upsertEntities(rows, scan, at, tx);
      await this.deleteEntitiesNotInScan(fenceOf(scan, at), tx);
    });
  }

  /**
   * Writes one batch of a scan's entity rows; a scan streams its rows through this and then calls
   * `deleteEntitiesNotInScan`, so it never holds every row at once. Readers meanwhile see each row
   * either from the previous scan or from this one, never a half-written row.
   */
  async upsertEntities(
    rows: EntityRow[],
    scan: ScanFence,
    at: string,
    db: Knex = this.db,
  ) {
    assertLive(scan);
    const fence = fenceOf(scan, at);
    const gzipped = await Promise.all(
      rows.map(({ posture }) => gzipJson(posture)),
    );
    const records = rows.map(({ summary }, i) => ({
      entity_ref: summary.entityRef,
      kind: summary.kind,
      title: summary.title ?? null,
      owner: summary.owner ?? null,
      system: summary.system ?? null,
      lifecycle: summary.lifecycle ?? null,
      state: summary.state,
      score: summary.score.score,
      grade: summary.score.grade,
      stale: summary.stale,
      clouds: summary.clouds.join(','),
      summary: JSON.stringify(summary),
      posture_gzip: gzipped[i],
      scan_id: fence.id,
      scan_started_at: fence.startedAt,
      updated_at: at,
    }));
    for (let i = 0; i < records.length; i += BATCH) {
      assertLive(scan);
      await db('backup_posture_entities')
        .insert(records.slice(i, i + BATCH))
        .onConflict('entity_ref')
        .merge()
        .where(this.notNewer('backup_posture_entities', fence.startedAt));
    }
  }

  /**
   * Drops the rows of entities the scan did not write (gone from the catalog or unmapped); rows a
   * newer scan wrote stay.
   */
  async deleteEntitiesNotInScan(
    scan: Exclude<ScanFence, string>,
    db: Knex = this.db,
  ) {
    assertLive(scan);
    await db('backup_posture_entities')
      .whereNot({ scan_id: scan.id })
      .where(q =>
        q
          .whereNull('scan_started_at')
          .orWhere('scan_started_at', '<', scan.startedAt),
      )
      .delete();
  }

  /** The stored posture as gzip-compressed JSON, ready to be sent as is. */
  async getEntityPostureGzip(entityRef: string): Promise<Buffer | undefined> {
    const row = await this.db('backup_posture_entities')
      .where({ entity_ref: entityRef })
      .first('posture_gzip');
    return row?.posture_gzip ? Buffer.from(row.posture_gzip) : undefined;
  }

  async getSummaries(entityRefs: string[]): Promise<EntityPostureSummary[]> {
    const out: EntityPostureSummary[] = [];
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.db('backup_posture_entities')
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .select('summary');
      out.push(...rows.map((r: { summary: string }) => JSON.parse(r.summary)));
    }
    return out;
  }

  /**
   * Every summary row, parsed once per generation of the table: a cheap aggregate query tells
   * whether a scan (on any replica) rewrote the rows since, so each request does not parse them all.
   */
  private async allSummaries(): Promise<EntityPostureSummary[]> {
    const [gen] = await this.db('backup_posture_entities')
      .count({ n: '*' })
      .min({ lo: 'updated_at' })
      .max({ hi: 'updated_at' });
    const key = `${gen?.n}|${gen?.lo}|${gen?.hi}`;
    if (this.summaryMemo?.key === key) return this.summaryMemo.items;
    const rows = await this.db('backup_posture_entities')
      .orderBy('entity_ref')
      .select('summary');
    const items: EntityPostureSummary[] = rows.map((r: { summary: string }) =>
      JSON.parse(r.summary),
    );
    this.summaryMemo = { key, items };
    return items;
  }

  /** Summary rows filtered like the report's query string (callers must not mutate them). */
  async querySummaries(filter: {
    owner?: string;
    system?: string;
    lifecycle?: string;
    cloud?: string;
    q?: string;
  }): Promise<EntityPostureSummary[]> {
    const q = filter.q?.toLocaleLowerCase('en-US');
    return (await this.allSummaries()).filter(
      s =>
        (!filter.owner || s.owner === filter.owner) &&
        (!filter.system || s.system === filter.system) &&
        (!filter.lifecycle || s.lifecycle === filter.lifecycle) &&
        (!filter.cloud || s.clouds.includes(filter.cloud as CloudProvider)) &&
        (!q ||
          s.entityRef.toLocaleLowerCase('en-US').includes(q) ||
          (s.title ?? '').toLocaleLowerCase('en-US').includes(q)),
    );
  }
}
