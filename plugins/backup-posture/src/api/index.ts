export { backupPostureApiRef } from './BackupPostureApi';
export type { BackupPostureApi } from './BackupPostureApi';
export { BackupPostureClient } from './BackupPostureClient';
