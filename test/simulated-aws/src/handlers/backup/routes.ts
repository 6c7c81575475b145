/** restJson1 routes of the AWS Backup operations discovery uses (checked against client-backup's schemas). */
export const ROUTES: Array<{
  method: string;
  pattern: RegExp;
  operation: string;
  labels: string[];
}> = [
  {
    method: 'GET',
    pattern: /^\/backup-vaults$/,
    operation: 'ListBackupVaults',
    labels: [],
  },
  {
    method: 'GET',
    pattern: /^\/backup-vaults\/([^/]+)$/,
    operation: 'DescribeBackupVault',
    labels: ['BackupVaultName'],
  },
  {
    method: 'GET',
    pattern: /^\/backup-vaults\/([^/]+)\/access-policy$/,
    operation: 'GetBackupVaultAccessPolicy',
    labels: ['BackupVaultName'],
  },
  {
    method: 'GET',
    pattern: /^\/backup-vaults\/([^/]+)\/recovery-points$/,
    operation: 'ListRecoveryPointsByBackupVault',
    labels: ['BackupVaultName'],
  },
  {
    method: 'GET',
    pattern: /^\/backup\/plans$/,
    operation: 'ListBackupPlans',
    labels: [],
  },
  {
    method: 'GET',
    pattern: /^\/backup\/plans\/([^/]+)$/,
    operation: 'GetBackupPlan',
    labels: ['BackupPlanId'],
  },
  {
    method: 'GET',
    pattern: /^\/backup\/plans\/([^/]+)\/selections$/,
    operation: 'ListBackupSelections',
    labels: ['BackupPlanId'],
  },
  {
    method: 'GET',
    pattern: /^\/backup\/plans\/([^/]+)\/selections\/([^/]+)$/,
    operation: 'GetBackupSelection',
    labels: ['BackupPlanId', 'SelectionId'],
  },
  {
    method: 'GET',
    pattern: /^\/resources$/,
    operation: 'ListProtectedResources',
    labels: [],
  },
  {
    method: 'GET',
    pattern: /^\/copy-jobs$/,
    operation: 'ListCopyJobs',
    labels: [],
  },
  {
    method: 'GET',
    pattern: /^\/account-settings$/,
    operation: 'DescribeRegionSettings',
    labels: [],
  },
  {
    method: 'GET',
    pattern: /^\/global-settings$/,
    operation: 'DescribeGlobalSettings',
    labels: [],
  },
  {
    method: 'GET',
    pattern:
      /^\/logically-air-gapped-backup-vaults\/([^/]+)\/restore-access-backup-vaults$/,
    operation: 'ListRestoreAccessBackupVaults',
    labels: ['BackupVaultName'],
  },
];
