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

/**
 * Allows reading scan details beyond progress: the errors of each AWS account × region and Azure
 * subscription (account ids, subscription ids, principal ARNs, AWS and Azure error messages) and
 * the scan's own error. Without it, `GET /scan/status` answers progress only (state, times, scopes
 * done of total, how many scopes failed).
 *
 * @public
 */
export const backupPostureScanReadPermission = createPermission({
  name: 'backup-posture.scan.read',
  attributes: { action: 'read' },
});

/** @public */
export const backupPosturePermissions = [
  backupPostureScanRefreshPermission,
  backupPostureScanReadPermission,
];
