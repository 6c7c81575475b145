import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityPostureResponse,
  GroupScorecardResponse,
  FindingsQuery,
  ReportQuery,
  ReportResponse,
  ReportTrendResponse,
  ScanRefreshResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';

/**
 * The frontend's view of the backup-posture REST API (mounted at /api/backup-posture).
 *
 * @public
 */
export interface BackupPostureApi {
  /** GET /entities/:kind/:namespace/:name/posture */
  getEntityPosture(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostureResponse>;
  /** GET /groups/:namespace/:name/scorecard */
  getGroupScorecard(groupRef: {
    namespace: string;
    name: string;
  }): Promise<GroupScorecardResponse>;
  /** GET /report (paged and filtered on the server) */
  getReport(query: ReportQuery): Promise<ReportResponse>;
  /**
   * GET /report/findings: one row per failing, unknown or accepted finding of the entities the
   * report's filters select, as the CSV or JSON text to save.
   */
  getFindingsExport(query: FindingsQuery): Promise<string>;
  /** GET /report/trend */
  getReportTrend(): Promise<ReportTrendResponse>;
  /** GET /scan/status */
  getScanStatus(): Promise<ScanStatusResponse>;
  /** POST /scan/refresh; rejects with a 403 ResponseError when not permitted. */
  refreshScan(): Promise<ScanRefreshResponse>;
}

/** @public */
export const backupPostureApiRef = createApiRef<BackupPostureApi>({
  id: 'plugin.backup-posture.api',
});
