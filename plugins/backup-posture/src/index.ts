/**
 * Backstage frontend plugin: backup encryption posture, key lineage and scorecards on entity,
 * group and report pages.
 *
 * @packageDocumentation
 */
export {
  backupPosturePlugin,
  EntityBackupPostureCard,
  EntityBackupPostureContent,
  EntityGroupBackupPostureCard,
  BackupPostureReportPage,
} from './plugin';
export { backupPostureApiRef, BackupPostureClient } from './api';
export type { BackupPostureApi } from './api';
export { isBackupPostureAvailable } from './isBackupPostureAvailable';
export { rootRouteRef as backupPostureRootRouteRef } from './routes';
