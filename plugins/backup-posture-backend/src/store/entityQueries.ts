import { EntityPostureSummary } from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { PostureSource, ReportFilter, ReportRow } from './types';

export const ENTITIES = 'backup_posture_entities';
export const CHECKS = 'backup_posture_entity_checks';

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

/** The entities the report's filter matches, as a query over `backup_posture_entities as e`. */
export function matchingEntities(db: Knex, filter: ReportFilter) {
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
 * The stored postures of the entities `filter` matches, a page at a time in entity order, with
 * when each check entered its current status: the findings export's source. Nothing is held
 * beyond one page.
 */
export async function* streamPostures(
  db: Knex,
  filter: ReportFilter,
  pageSize = 200,
): AsyncGenerator<PostureSource[]> {
  let after = '';
  for (;;) {
    const rows: Array<{
      entity_ref: string;
      owner: string | null;
      system: string | null;
      lifecycle: string | null;
      posture_gzip: Buffer | null;
    }> = await matchingEntities(db, filter)
      .where('e.entity_ref', '>', after)
      .orderBy('e.entity_ref')
      .limit(pageSize)
      .select(
        'e.entity_ref',
        'e.owner',
        'e.system',
        'e.lifecycle',
        'e.posture_gzip',
      );
    if (!rows.length) return;
    const since: Array<{
      entity_ref: string;
      check_id: string;
      since: string | null;
    }> = await db(CHECKS)
      .whereIn(
        'entity_ref',
        rows.map(r => r.entity_ref),
      )
      .select('entity_ref', 'check_id', 'since');
    const sinceOf = new Map(
      since.map(r => [`${r.entity_ref}\u0000${r.check_id}`, r.since]),
    );
    yield rows.flatMap(r =>
      r.posture_gzip
        ? [
            {
              entityRef: r.entity_ref,
              ...(r.owner ? { owner: r.owner } : {}),
              ...(r.system ? { system: r.system } : {}),
              ...(r.lifecycle ? { lifecycle: r.lifecycle } : {}),
              postureGzip: Buffer.from(r.posture_gzip),
              since: (checkId: string) =>
                sinceOf.get(`${r.entity_ref}\u0000${checkId}`) ?? undefined,
            },
          ]
        : [],
    );
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].entity_ref;
  }
}

/**
 * The report's rows for `filter`, light: what sorting, paging, the score roll-up and the
 * failing-check counts need, without parsing any entity's summary.
 */
export async function queryReportRows(
  db: Knex,
  filter: ReportFilter,
): Promise<ReportRow[]> {
  const rows: LightRow[] = await matchingEntities(db, filter).select(
    'e.entity_ref',
    'e.kind',
    'e.title',
    'e.owner',
    'e.system',
    'e.lifecycle',
    'e.state',
    'e.score_detail',
    'e.last_scan_at',
    db.raw(
      'case when e.score_detail is null then e.summary end as legacy_summary',
    ),
  );
  const failing = new Map<string, string[]>();
  const failingRows: Array<{ entity_ref: string; check_id: string }> = await db(
    `${CHECKS} as c`,
  )
    .where('c.status', 'fail')
    .whereIn(
      'c.entity_ref',
      matchingEntities(db, filter).select('e.entity_ref'),
    )
    .orderBy('c.check_id')
    .select('c.entity_ref', 'c.check_id');
  for (const r of failingRows) {
    const ids = failing.get(r.entity_ref) ?? [];
    ids.push(r.check_id);
    failing.set(r.entity_ref, ids);
  }
  return rows.map(r => toReportRow(r, failing.get(r.entity_ref) ?? []));
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
