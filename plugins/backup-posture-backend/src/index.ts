/**
 * The backup-posture backend plugin.
 *
 * @packageDocumentation
 */
export { backupPosturePlugin as default } from './plugin';
export type { BackupPostureConfig } from './config';
