import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CheckDefinition,
  failingCheckIdsOf,
  FailingCheckCount,
  FindingRow,
  FindingsQuery,
  Grade,
  GroupScorecardResponse,
  ReportQuery,
  ReportResponse,
  ReportSortRow,
  ReportTrendResponse,
  rollUpScores,
  sortReportRows,
} from '@backup-posture/plugin-backup-posture-common';
import { isRollUpKind } from '../mapping/rollUp';
import { exportFindings } from './findingsExport';
import { readableFilter } from './readable';
import { reportFilterOf } from './reportFilter';
import { entityRefOf } from '../posture/entityPosture';
import { PostureStore } from '../store/PostureStore';

function topFailingChecks(
  items: ReportSortRow[],
  definitions: ReadonlyMap<string, CheckDefinition>,
  n = 10,
): FailingCheckCount[] {
  const counts = new Map<string, number>();
  for (const s of items) {
    for (const id of failingCheckIdsOf(s)) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([checkId, entities]) => ({
      checkId,
      title: definitions.get(checkId)?.title ?? checkId,
      severity: definitions.get(checkId)?.severity ?? 'medium',
      entities,
    }));
}

/** Report, trend and group scorecard, limited to what the caller may read in the catalog. */
export class ReportService {
  private readonly definitions: ReadonlyMap<string, CheckDefinition>;

  constructor(
    private readonly deps: {
      store: PostureStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      /** The registered checks' definitions (titles and severities of top failing checks). */
      definitions: readonly CheckDefinition[];
    },
  ) {
    this.definitions = new Map(deps.definitions.map(d => [d.id, d]));
  }

  async report(
    query: ReportQuery,
    credentials: BackstageCredentials,
  ): Promise<ReportResponse> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    // Filtered in SQL; light rows, so no entity's summary is parsed but those of the page.
    const matching = await this.deps.store.entities.queryReportRows(
      reportFilterOf(query),
    );
    const readable = await (
      await readableFilter(this.deps, credentials)
    )(matching);
    // Sorted here, in the order of compareReportRows (the collation the frontend's headers use,
    // which SQL has no portable equivalent of), over the light rows.
    const rows = sortReportRows(readable, query.sort, query.order);
    const page = rows.slice(offset, offset + limit);
    return {
      items: await this.deps.store.entities.getSummaries(
        page.map(r => r.entityRef),
      ),
      totalCount: rows.length,
      offset,
      limit,
      score: rollUpScores(rows.filter(i => i.state === 'ok').map(i => i.score)),
      topFailingChecks: topFailingChecks(rows, this.definitions),
    };
  }

  /** The findings export (GET /report/findings), a page of entities at a time. */
  findings(
    query: FindingsQuery,
    credentials: BackstageCredentials,
  ): AsyncGenerator<FindingRow[]> {
    return exportFindings(
      { ...this.deps, entities: this.deps.store.entities },
      query,
      credentials,
    );
  }

  /**
   * The platform score per scan covers every entity: only a caller who may read every entity
   * (catalog read allowed without conditions) sees it.
   */
  async trend(
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<ReportTrendResponse> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'The platform trend covers every catalog entity: it needs read access to all of them (catalog.entity.read without conditions)',
      );
    }
    return this.deps.store.scans.trend(limit);
  }

  /** Members: what the group owns, plus the members of systems it owns (catalog relations). */
  async groupScorecard(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<GroupScorecardResponse> {
    const { catalog, store } = this.deps;
    const group = await catalog.getEntityByRef(groupRef, { credentials });
    if (!group || group.kind.toLowerCase() !== 'group') {
      throw new NotFoundError(`Group ${groupRef} not found`);
    }
    const ref = entityRefOf(group);
    const owned = await catalog.getEntities(
      {
        filter: { 'relations.ownedBy': ref },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    const memberRefs = new Set<string>();
    const systems: string[] = [];
    for (const e of owned.items) {
      const r = entityRefOf(e);
      if (e.kind.toLowerCase() === 'system') systems.push(r);
      else if (!isRollUpKind(e.kind)) memberRefs.add(r);
    }
    if (systems.length) {
      const parts = await catalog.getEntities(
        {
          filter: { 'relations.partOf': systems },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      for (const e of parts.items)
        if (!isRollUpKind(e.kind)) memberRefs.add(entityRefOf(e));
    }
    const entities = (await store.entities.getSummaries([...memberRefs])).sort(
      (a, b) => a.entityRef.localeCompare(b.entityRef),
    );
    const gradeDistribution: Record<Grade | 'none', number> = {
      A: 0,
      B: 0,
      C: 0,
      D: 0,
      F: 0,
      none: 0,
    };
    for (const e of entities) gradeDistribution[e.score.grade ?? 'none']++;
    return {
      groupRef: ref,
      score: rollUpScores(
        entities.filter(e => e.state === 'ok').map(e => e.score),
      ),
      gradeDistribution,
      topFailingChecks: topFailingChecks(entities, this.definitions),
      entities,
    };
  }
}
