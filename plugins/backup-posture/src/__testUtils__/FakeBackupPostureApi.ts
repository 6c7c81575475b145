import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  compareReportRows,
  EntityPostureResponse,
  EntityPostureSummary,
  FindingsQuery,
  GroupScorecardResponse,
  ReportQuery,
  ReportResponse,
  ReportTrendResponse,
  ScanRefreshResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureApi } from '../api';

/**
 * An in-memory BackupPostureApi for component tests. It implements the REST semantics (filters,
 * sorting with the backend's comparison, paging) over typed fixtures and records the report
 * queries it received.
 */
export class FakeBackupPostureApi implements BackupPostureApi {
  readonly reportQueries: ReportQuery[] = [];
  readonly entityRequests: CompoundEntityRef[] = [];

  constructor(
    private readonly data: {
      posture?: EntityPostureResponse | Error | Promise<never>;
      scorecard?: GroupScorecardResponse;
      rows?: EntityPostureSummary[];
      trend?: ReportTrendResponse;
      scanStatus?: ScanStatusResponse;
      refreshAllowed?: boolean;
    } = {},
  ) {}

  async getEntityPosture(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostureResponse> {
    this.entityRequests.push(entityRef);
    const posture = await this.data.posture;
    if (posture instanceof Error) throw posture;
    if (!posture) throw new NotFoundError('no posture');
    return posture;
  }

  async getGroupScorecard(): Promise<GroupScorecardResponse> {
    if (!this.data.scorecard) throw new NotFoundError('no scorecard');
    return this.data.scorecard;
  }

  async getReport(query: ReportQuery): Promise<ReportResponse> {
    this.reportQueries.push(query);
    const rows = (this.data.rows ?? []).filter(
      r =>
        (!query.owner || r.owner === query.owner) &&
        (!query.system || r.system === query.system) &&
        (!query.lifecycle || r.lifecycle === query.lifecycle) &&
        (!query.cloud || r.clouds.includes(query.cloud)) &&
        (!query.q || r.entityRef.includes(query.q)) &&
        (!query.status ||
          (query.check
            ? r.checkStatuses[query.check] === query.status
            : Object.values(r.checkStatuses).includes(query.status))),
    );
    rows.sort(compareReportRows(query.sort, query.order));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 25;
    return {
      items: rows.slice(offset, offset + limit),
      totalCount: rows.length,
      offset,
      limit,
      score: {
        score: 80,
        grade: 'B',
        counts: {
          pass: 1,
          fail: 1,
          warn: 0,
          unknown: 0,
          accepted: 0,
          'not-applicable': 0,
        },
      },
      topFailingChecks: [],
    };
  }

  readonly findingsQueries: FindingsQuery[] = [];

  async getFindingsExport(query: FindingsQuery): Promise<string> {
    this.findingsQueries.push(query);
    return query.format === 'json' ? '[]' : 'entityRef\r\n';
  }

  async getReportTrend(): Promise<ReportTrendResponse> {
    return this.data.trend ?? { points: [] };
  }

  async getScanStatus(): Promise<ScanStatusResponse> {
    return this.data.scanStatus ?? {};
  }

  async refreshScan(): Promise<ScanRefreshResponse> {
    if (!this.data.refreshAllowed) {
      throw new NotAllowedError('not allowed: backup-posture.scan.refresh');
    }
    return { accepted: true, message: 'Scan started.' };
  }
}
