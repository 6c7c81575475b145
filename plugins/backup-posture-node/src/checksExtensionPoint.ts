import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { BackupPostureCheck } from '@backup-posture/plugin-backup-posture-common';

/**
 * Adds posture checks to the backup-posture backend. The built-in checks are added through it
 * too (by the backend's built-in checks module), so a module's check is evaluated, scored,
 * accepted by exceptions, filtered in the report and shown in the UI exactly like them.
 *
 * @public
 */
export interface BackupPostureChecksExtensionPoint {
  /**
   * Registers checks. Check ids must be unique across every module (lowercase words joined by
   * `-`, as in `vault-lock`): a duplicate or malformed id stops the backend at startup.
   */
  addChecks(...checks: BackupPostureCheck[]): void;
}

/**
 * The extension point of {@link BackupPostureChecksExtensionPoint}, for backend modules of the
 * `backup-posture` plugin.
 *
 * @public
 */
export const backupPostureChecksExtensionPoint =
  createExtensionPoint<BackupPostureChecksExtensionPoint>({
    id: 'backup-posture.checks',
  });
