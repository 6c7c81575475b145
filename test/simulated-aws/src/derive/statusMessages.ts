/**
 * Copy job status messages. Where the seed documents or public reports quote AWS, the text is
 * AWS's own (marked "verbatim"); the others follow AWS's style and are marked "approximation".
 */
export const COPY_STATUS = {
  /** verbatim (B1; reported by AWS customers, see domain.md B1) */
  notSameOrganization:
    'Access denied: Copy job failed. Both source and destination account must be a member of the same organization',
  /** approximation (B1: cross-account backup disabled in the management account) */
  crossAccountDisabled:
    'Access denied: Copy job failed. Cross-account backup is not enabled for the organization. Enable it in the AWS Backup settings of the management account.',
  /** approximation (B3) */
  defaultVaultDestination: (vaultArn: string) =>
    `Copy job failed. The destination backup vault ${vaultArn} is a Default vault encrypted with an AWS managed key, which cannot be shared with another account.`,
  /** approximation of the IAM-style denial (B2) */
  copyIntoDenied: (sourceAccountId: string, vaultArn: string) =>
    `Access denied: User: arn:aws:sts::${sourceAccountId}:assumed-role/AWSBackupDefaultServiceRole/AWSBackup-AWSBackupDefaultServiceRole is not authorized to perform: backup:CopyIntoBackupVault on resource: ${vaultArn}`,
  /** verbatim fragment (B4) */
  keyNotAccessible: (keyArn: string) =>
    `Copy job failed. Given key ID is not accessible: ${keyArn}`,
  /** approximation (B6) */
  coldStorageCrossAccount:
    'Copy job failed. Cold storage is not supported for cross-account copies: remove MoveToColdStorageAfterDays from the copy action lifecycle.',
  /** approximation */
  destinationVaultMissing: (vaultArn: string) =>
    `Copy job failed. Backup vault ${vaultArn} does not exist.`,
  /** approximation (A6: DynamoDB without advanced DynamoDB backup has no AWS Backup copies) */
  dynamoDbNotFullyManaged:
    'Copy job failed. Copying Amazon DynamoDB backups requires advanced DynamoDB backup (full AWS Backup management) in the source Region: enable it in the AWS Backup settings.',
};
