import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { BackupPostureApi } from '@backup-posture/plugin-backup-posture';
import {
  ReportQuery,
  ReportResponse,
} from '@backup-posture/plugin-backup-posture-common';

/**
 * The plugin's API before the first scan: no posture or scorecard yet, an empty report. It records
 * what the app's pages asked for. (The plugin's own component tests cover the data they show.)
 */
export class StubBackupPostureApi implements BackupPostureApi {
  readonly entityRequests: CompoundEntityRef[] = [];
  readonly reportQueries: ReportQuery[] = [];

  async getEntityPosture(entityRef: CompoundEntityRef): Promise<never> {
    this.entityRequests.push(entityRef);
    throw new NotFoundError('no posture yet');
  }

  async getGroupScorecard(): Promise<never> {
    throw new NotFoundError('no scorecard yet');
  }

  async getReport(query: ReportQuery): Promise<ReportResponse> {
    this.reportQueries.push(query);
    return {
      items: [],
      totalCount: 0,
      offset: 0,
      limit: query.limit ?? 25,
      score: {
        score: 0,
        grade: 'F',
        counts: {
          pass: 0,
          fail: 0,
          warn: 0,
          unknown: 0,
          accepted: 0,
          'not-applicable': 0,
        },
      },
      topFailingChecks: [],
    };
  }

  async getFindingsExport() {
    return '';
  }

  async getReportTrend() {
    return { points: [] };
  }

  async getScanStatus() {
    return {};
  }

  async refreshScan(): Promise<never> {
    throw new NotFoundError('no scans in this test');
  }
}
