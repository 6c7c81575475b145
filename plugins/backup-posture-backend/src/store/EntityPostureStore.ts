import {
  CheckStatus,
  EntityPostureSummary,
  PostureEvaluation,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { gzipJson } from './encoding';
import {
  CHECKS,
  ENTITIES,
  queryReportRows,
  streamPostures,
} from './entityQueries';
import {
  getEvaluations,
  getReuseKeys,
  markReused,
  withLastScanAt,
} from './entityReuse';
import { assertLive, BATCH, fenceOf, notNewer, ScanFence } from './fence';
import {
  EntityPostureStore,
  EntityRow,
  PostureSource,
  ReportFilter,
  ReportRow,
  StoredReuseKey,
} from './types';

/** Entity postures: a summary and the gzip-compressed posture per entity, and the report's query. */
export class DatabaseEntityPostureStore implements EntityPostureStore {
  constructor(private readonly db: Knex) {}

  async replaceEntities(rows: EntityRow[], scan: ScanFence, at: string) {
    await this.db.transaction(async tx => {
      await this.upsertEntities(rows, scan, at, tx);
      await this.deleteEntitiesNotInScan(fenceOf(scan, at), {}, tx);
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
      posture_last_scan_at: summary.lastScanAt ?? null,
      // Every write sets both: an older row's key never outlives the row it was made for.
      input_hash: rows[i].inputHash ?? null,
      header_hash: rows[i].headerHash ?? null,
      index_fingerprint: rows[i].indexFingerprint ?? null,
      valid_until: rows[i].validUntil ?? null,
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
          since: string | null;
        }> = await tx(CHECKS)
          .whereIn('entity_ref', written)
          .select('entity_ref', 'check_id', 'status', 'since');
        const sinceOf = new Map<string, string | null>();
        for (const r of before) {
          const statuses = previous.get(r.entity_ref) ?? {};
          statuses[r.check_id] = r.status;
          previous.set(r.entity_ref, statuses);
          sinceOf.set(
            `${r.entity_ref}\u0000${r.check_id}\u0000${r.status}`,
            r.since,
          );
        }
        await tx(CHECKS).whereIn('entity_ref', written).delete();
        // A status that did not change keeps the time it was first seen.
        const checks = written.flatMap(ref =>
          Object.entries(checksOf.get(ref) ?? {}).map(([checkId, status]) => {
            const key = `${ref}\u0000${checkId}\u0000${status}`;
            return {
              entity_ref: ref,
              check_id: checkId,
              status,
              since: sinceOf.has(key) ? sinceOf.get(key) : at,
            };
          }),
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
    { writtenAt }: { writtenAt?: string } = {},
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
    if (writtenAt) {
      // An evaluation of the same scan again (the catalog follower): rows it did not rewrite
      // belong to entities gone from the catalog since the previous one.
      await db(ENTITIES)
        .where({ scan_id: scan.id })
        .where('updated_at', '<', writtenAt)
        .delete();
    }
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

  getReuseKeys(): Promise<Map<string, StoredReuseKey>> {
    return getReuseKeys(this.db);
  }

  markReused(
    rows: Array<{ entityRef: string; inputHash: string }>,
    scan: ScanFence,
    at: string,
    lastScanAt: string,
    indexFingerprint?: string,
  ): Promise<number> {
    return markReused(this.db, rows, scan, at, lastScanAt, indexFingerprint);
  }

  getEvaluations(
    entityRefs: string[],
  ): Promise<Map<string, PostureEvaluation>> {
    return getEvaluations(this.db, entityRefs);
  }

  /** The stored posture as gzip-compressed JSON, ready to be sent as is. */
  async getEntityPostureGzip(entityRef: string): Promise<Buffer | undefined> {
    const row = await this.db(ENTITIES)
      .where({ entity_ref: entityRef })
      .first('posture_gzip', 'last_scan_at', 'posture_last_scan_at');
    if (!row?.posture_gzip) return undefined;
    const gzipped = Buffer.from(row.posture_gzip);
    // A row kept by a later scan (evaluation reused) says that scan's time.
    return row.posture_last_scan_at &&
      row.last_scan_at &&
      row.last_scan_at !== row.posture_last_scan_at
      ? withLastScanAt(this.db, entityRef, gzipped, row)
      : gzipped;
  }

  /** The summaries of `entityRefs` that are stored, in the order asked for. */
  async getSummaries(entityRefs: string[]): Promise<EntityPostureSummary[]> {
    const byRef = new Map<string, EntityPostureSummary>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.db(ENTITIES)
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .select('entity_ref', 'summary', 'last_scan_at');
      for (const r of rows as Array<{
        entity_ref: string;
        summary: string;
        last_scan_at: string | null;
      }>) {
        const summary: EntityPostureSummary = JSON.parse(r.summary);
        // A row kept by a later scan (its evaluation reused) has that scan's time in the column.
        if (r.last_scan_at) summary.lastScanAt = r.last_scan_at;
        byRef.set(r.entity_ref, summary);
      }
    }
    return entityRefs.flatMap(ref => {
      const summary = byRef.get(ref);
      return summary ? [summary] : [];
    });
  }

  /**
   * The stored postures of the entities `filter` matches, a page at a time in entity order, with
   * when each check entered its current status: the findings export's source.
   */
  streamPostures(
    filter: ReportFilter,
    pageSize = 200,
  ): AsyncGenerator<PostureSource[]> {
    return streamPostures(this.db, filter, pageSize);
  }

  /** The report's rows for `filter`, light (no entity's summary is parsed). */
  queryReportRows(filter: ReportFilter): Promise<ReportRow[]> {
    return queryReportRows(this.db, filter);
  }
}
