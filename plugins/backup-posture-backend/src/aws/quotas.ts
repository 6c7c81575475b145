/**
 * AWS's request-rate quotas per account × region for the read calls a scan makes (requests per
 * second), from the services' "endpoints and quotas" pages; docs/iam-policy.md lists the calls.
 * A scan uses a share of them (`backupPosture.aws.concurrency.quotaShare`): other tools call the
 * same accounts. The benchmark computes its lower bound from this same table.
 */
export interface RateQuota {
  /** Requests per second, sustained. */
  perSecond: number;
  /** Where the figure comes from. */
  source: string;
}

const BACKUP = 'AWS Backup endpoints and quotas';
const KMS = 'AWS KMS request quotas';

/** Every call of one service together (per account × region). */
export const SERVICE_QUOTAS: Readonly<Record<string, RateQuota>> = {
  backup: { perSecond: 50, source: `${BACKUP}: all API calls together` },
};

/**
 * Per operation (`service:Operation`), or per operation family (`service:Get*`). An operation
 * that matches neither has only its service's quota, or none.
 */
export const OPERATION_QUOTAS: Readonly<Record<string, RateQuota>> = {
  'backup:DescribeBackupVault': { perSecond: 5, source: BACKUP },
  // Read as one quota for the whole family (all Get calls together), the conservative reading of
  // "Get* 15/s": if AWS counts each API on its own, the scan is merely slower than it could be.
  'backup:Get*': { perSecond: 15, source: `${BACKUP}: Get APIs` },
  'backup:List*': { perSecond: 20, source: `${BACKUP}: List APIs` },
  'kms:DescribeKey': { perSecond: 2000, source: KMS },
  'kms:GetKeyPolicy': { perSecond: 1000, source: KMS },
  'kms:GetKeyRotationStatus': { perSecond: 1000, source: KMS },
  'kms:ListAliases': { perSecond: 500, source: KMS },
};

/** The SDK client names of the services the quotas name. */
const SERVICE_OF_CLIENT: Readonly<Record<string, string>> = {
  BackupClient: 'backup',
  KMSClient: 'kms',
};

/** The quotas one call counts against: its service's and its operation's (or family's). */
export function quotasOf(
  service: string,
  operation: string,
): Array<{ key: string; quota: RateQuota }> {
  const found: Array<{ key: string; quota: RateQuota }> = [];
  const whole = SERVICE_QUOTAS[service];
  if (whole) found.push({ key: service, quota: whole });
  const exact = `${service}:${operation}`;
  const family = `${service}:${/^[A-Z][a-z]+/.exec(operation)?.[0] ?? ''}*`;
  // The exact operation wins over its family (DescribeBackupVault is not a Describe* family).
  if (OPERATION_QUOTAS[exact])
    found.push({ key: exact, quota: OPERATION_QUOTAS[exact] });
  else if (OPERATION_QUOTAS[family])
    found.push({ key: family, quota: OPERATION_QUOTAS[family] });
  return found;
}

/** `BackupClient` + `ListBackupVaultsCommand` → `backup`, `ListBackupVaults`. */
export function callOf(
  clientName: string | undefined,
  commandName: string | undefined,
): { service: string; operation: string } {
  return {
    service:
      SERVICE_OF_CLIENT[clientName ?? ''] ??
      (clientName ?? 'unknown').replace(/Client$/, '').toLowerCase(),
    operation: (commandName ?? 'unknown').replace(/Command$/, ''),
  };
}
