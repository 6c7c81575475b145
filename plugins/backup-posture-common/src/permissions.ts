import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows starting a scan now instead of waiting for the schedule.
 *
 * @public
 */
export const backupPostureScanRefreshPermission = createPermission({
  name: 'backup-posture.scan.refresh',
  attributes: { action: 'update' },
});

/** @public */
export const backupPosturePermissions = [backupPostureScanRefreshPermission];
