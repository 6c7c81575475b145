import {
  CheckStatus,
  EntityPostureSummary,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { gzipJson } from './encoding';
import { assertLive, BATCH, fenceOf, notNewer, ScanFence } from './fence';
import {
  EntityPostureStore,
  EntityRow,
  ReportFilter,
  ReportRow,
} from './types';

const ENTITIES = 'backup_posture_entities';
const CHECKS = 'backup_posture_entity_checks';

/** `text` as a LIKE pattern matching any value that contains it (`%`, `_` and `\` escaped). */
const containing = (text: string) =>
  `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;

type LightRow = {
  entity_ref: string;
  kind: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
  state: ReportRow['state'];
  score_detail: string | null;
  last_scan_at: string | null;
  /** Only for a row written by an older replica, which left the report's columns empty. */
  legacy_summary: string | null;
};

/** Entity postures: a summary and the gzip-compressed posture per entity, and the report's query. */
export class DatabaseEntityPostureStore implements EntityPostureStore {
  constructor(private readonly db: Knex) {}

  async replaceEntities(rows: EntityRow[], scan: ScanFence, at: string) {
    await this.db.transaction(async tx => {
      await this.upsertEntities(rows, scan, at, tx);
      await this.deleteEntitiesNotInScan(fenceOf(scan, at), tx);
    });
  }

  /**
   * Writes one batch of a scan's entity rows and their check results; a scan streams its rows
   * through this and then calls `deleteEntitiesNotInScan`, so it never holds every row at once.
   * Readers meanwhile see each entity either from the previous scan or from this one, never a
   * half-written one. Rows a newer scan wrote stay as they are, with their check results.
   *
   * Returns, for each entity this call wrote that had check results before, those results: what
   * the entity's checks were at the previous scan (for regression notifications).
   */
  async upsertEntities(
    rows: EntityRow[],
    scan: ScanFence,
    at: string,
    db: Knex = this.db,
  ): Promise<Map<string, Record<string, CheckStatus>>> {
    assertLive(scan);
    const previous = new Map<string, Record<string, CheckStatus>>();
    const fence = fenceOf(scan, at);
    const gzipped = await Promise.all(
      rows.map(({ posture }) => gzipJson(posture)),
    );
    const records = rows.map(({ summary }, i) => ({
      entity_ref: summary.entityRef,
      kind: summary.kind,
      title: summary.title ?? null,
      search_title: summary.title?.toLocaleLowerCase('en-US') ?? null,
      owner: summary.owner ?? null,
      system: summary.system ?? null,
      lifecycle: summary.lifecycle ?? null,
      state: summary.state,
      score: summary.score.score,
      grade: summary.score.grade,
      score_detail: JSON.stringify(summary.score),
      last_scan_at: summary.lastScanAt ?? null,
      stale: summary.stale,
      clouds: summary.clouds.join(','),
      summary: JSON.stringify(summary),
      posture_gzip: gzipped[i],
      scan_id: fence.id,
      scan_started_at: fence.startedAt,
      updated_at: at,
    }));
    const checksOf = new Map(
      rows.map(({ summary }) => [summary.entityRef, summary.checkStatuses]),
    );
    for (let i = 0; i < records.length; i += BATCH) {
      assertLive(scan);
      const batch = records.slice(i, i + BATCH);
      await db.transaction(async tx => {
        await tx(ENTITIES)
          .insert(batch)
          .onConflict('entity_ref')
          .merge()
          .where(notNewer(ENTITIES, fence.startedAt));
        // The rows this scan now holds (not those a newer scan keeps) get its check results.
        const written: string[] = (
          await tx(ENTITIES)
            .whereIn(
              'entity_ref',
              batch.map(r => r.entity_ref),
            )
            .where({ scan_id: fence.id })
            .select('entity_ref')
        ).map((r: { entity_ref: string }) => r.entity_ref);
        if (!written.length) return;
        const before: Array<{
          entity_ref: string;
          check_id: string;
          status: CheckStatus;
        }> = await tx(CHECKS)
          .whereIn('entity_ref', written)
          .select('entity_ref', 'check_id', 'status');
        for (const r of before) {
          const statuses = previous.get(r.entity_ref) ?? {};
          statuses[r.check_id] = r.status;
          previous.set(r.entity_ref, statuses);
        }
        await tx(CHECKS).whereIn('entity_ref', written).delete();
        const checks = written.flatMap(ref =>
          Object.entries(checksOf.get(ref) ?? {}).map(([checkId, status]) => ({
            entity_ref: ref,
            check_id: checkId,
            status,
          })),
        );
        for (let j = 0; j < checks.length; j += BATCH * 4) {
          await tx(CHECKS).insert(checks.slice(j, j + BATCH * 4));
        }
      });
    }
    return previous;
  }

  /**
   * Drops the rows of entities the scan did not write (gone from the catalog or unmapped), with
   * their check results; rows a newer scan wrote stay.
   */
  async deleteEntitiesNotInScan(
    scan: Exclude<ScanFence, string>,
    db: Knex = this.db,
  ) {
    assertLive(scan);
    await db(ENTITIES)
      .whereNot({ scan_id: scan.id })
      .where(q =>
        q
          .whereNull('scan_started_at')
          .orWhere('scan_started_at', '<', scan.startedAt),
      )
      .delete();
    // Also the results an older replica left behind when it deleted an entity.
    await db(CHECKS)
      .whereNotExists(q =>
        q
          .select(db.raw('1'))
          .from(`${ENTITIES} as e`)
          .whereRaw(`e.entity_ref = ${CHECKS}.entity_ref`),
      )
      .delete();
  }

  /** The stored posture as gzip-compressed JSON, ready to be sent as is. */
  async getEntityPostureGzip(entityRef: string): Promise<Buffer | undefined> {
    const row = await this.db(ENTITIES)
      .where({ entity_ref: entityRef })
      .first('posture_gzip');
    return row?.posture_gzip ? Buffer.from(row.posture_gzip) : undefined;
  }

  /** The summaries of `entityRefs` that are stored, in the order asked for. */
  async getSummaries(entityRefs: string[]): Promise<EntityPostureSummary[]> {
    const byRef = new Map<string, EntityPostureSummary>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.db(ENTITIES)
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .select('entity_ref', 'summary');
      for (const r of rows as Array<{ entity_ref: string; summary: string }>)
        byRef.set(r.entity_ref, JSON.parse(r.summary));
    }
    return entityRefs.flatMap(ref => {
      const summary = byRef.get(ref);
      return summary ? [summary] : [];
    });
  }

  /** The entities the report's filter matches, as a query over `backup_posture_entities as e`. */
  private matching(filter: ReportFilter) {
    const { db } = this;
    const query = db(`${ENTITIES} as e`);
    if (filter.excludeKinds?.length) {
      query.whereRaw(
        `lower(e.kind) not in (${filter.excludeKinds.map(() => '?').join(', ')})`,
        filter.excludeKinds.map(k => k.toLocaleLowerCase('en-US')),
      );
    }
    if (filter.owner) query.where('e.owner', filter.owner);
    if (filter.system) query.where('e.system', filter.system);
    if (filter.lifecycle) query.where('e.lifecycle', filter.lifecycle);
    if (filter.cloud) {
      query.whereRaw(`(',' || e.clouds || ',') like ? escape '\\'`, [
        containing(`,${filter.cloud},`),
      ]);
    }
    if (filter.q) {
      const pattern = containing(filter.q.toLocaleLowerCase('en-US'));
      query.where(q =>
        q
          .whereRaw(`lower(e.entity_ref) like ? escape '\\'`, [pattern])
          .orWhereRaw(`e.search_title like ? escape '\\'`, [pattern])
          // Written by an older replica: no lower-cased title yet.
          .orWhereRaw(
            `(e.search_title is null and lower(e.title) like ? escape '\\')`,
            [pattern],
          ),
      );
    }
    if (filter.check || filter.status) {
      query.whereExists(q => {
        q.select(db.raw('1'))
          .from(`${CHECKS} as c`)
          .whereRaw('c.entity_ref = e.entity_ref');
        if (filter.check) q.where('c.check_id', filter.check);
        if (filter.status) q.where('c.status', filter.status);
      });
    }
    return query;
  }

  /**
   * The report's rows for `filter`, light: what sorting, paging, the score roll-up and the
   * failing-check counts need, without parsing any entity's summary.
   */
  async queryReportRows(filter: ReportFilter): Promise<ReportRow[]> {
    const rows: LightRow[] = await this.matching(filter).select(
      'e.entity_ref',
      'e.kind',
      'e.title',
      'e.owner',
      'e.system',
      'e.lifecycle',
      'e.state',
      'e.score_detail',
      'e.last_scan_at',
      this.db.raw(
        'case when e.score_detail is null then e.summary end as legacy_summary',
      ),
    );
    const failing = new Map<string, string[]>();
    const failingRows: Array<{ entity_ref: string; check_id: string }> =
      await this.db(`${CHECKS} as c`)
        .where('c.status', 'fail')
        .whereIn('c.entity_ref', this.matching(filter).select('e.entity_ref'))
        .orderBy('c.check_id')
        .select('c.entity_ref', 'c.check_id');
    for (const r of failingRows) {
      const ids = failing.get(r.entity_ref) ?? [];
      ids.push(r.check_id);
      failing.set(r.entity_ref, ids);
    }
    return rows.map(r => toReportRow(r, failing.get(r.entity_ref) ?? []));
  }
}

function toReportRow(r: LightRow, failingCheckIds: string[]): ReportRow {
  if (r.legacy_summary) {
    const s: EntityPostureSummary = JSON.parse(r.legacy_summary);
    return {
      entityRef: s.entityRef,
      kind: s.kind,
      ...(s.title ? { title: s.title } : {}),
      ...(s.owner ? { owner: s.owner } : {}),
      ...(s.system ? { system: s.system } : {}),
      ...(s.lifecycle ? { lifecycle: s.lifecycle } : {}),
      state: s.state,
      score: s.score,
      ...(s.lastScanAt ? { lastScanAt: s.lastScanAt } : {}),
      failingCheckIds: Object.keys(s.checkStatuses).filter(
        id => s.checkStatuses[id] === 'fail',
      ),
    };
  }
  return {
    entityRef: r.entity_ref,
    kind: r.kind,
    ...(r.title ? { title: r.title } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.system ? { system: r.system } : {}),
    ...(r.lifecycle ? { lifecycle: r.lifecycle } : {}),
    state: r.state,
    score: JSON.parse(r.score_detail!),
    ...(r.last_scan_at ? { lastScanAt: r.last_scan_at } : {}),
    failingCheckIds,
  };
}
