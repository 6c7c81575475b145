/** Recovery points (primary and copies) and copy jobs of test inventories. */
import {
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsKmsKeyFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../../inventory';
import { hoursAgo } from './ids';

let pointSeq = 0;
export function recoveryPoint(
  res: AwsResourceFact,
  inVault: AwsBackupVaultFact,
  key: AwsKmsKeyFact | undefined,
  extra: Partial<AwsRecoveryPointFact> = {},
): AwsRecoveryPointFact {
  pointSeq += 1;
  return {
    recoveryPointArn: `arn:aws:backup:${inVault.region}:${inVault.accountId}:recovery-point:rp-${pointSeq}`,
    backupVaultArn: inVault.arn,
    backupVaultName: inVault.name,
    accountId: inVault.accountId,
    region: inVault.region,
    resourceArn: res.arn,
    resourceType: res.resourceType,
    creationDate: hoursAgo(6),
    status: 'COMPLETED',
    isEncrypted: Boolean(key),
    encryptionKeyArn: key?.arn,
    encryptionKeyType: key ? 'CUSTOMER_MANAGED_KMS_KEY' : undefined,
    vaultType: inVault.vaultType,
    ...extra,
  };
}

/** A copy recovery point of `source` in `inVault`. */
export function copyPoint(
  source: AwsRecoveryPointFact,
  inVault: AwsBackupVaultFact,
  key: AwsKmsKeyFact | undefined,
  extra: Partial<AwsRecoveryPointFact> = {},
): AwsRecoveryPointFact {
  return recoveryPoint(
    {
      arn: source.resourceArn,
      resourceType: source.resourceType,
    } as AwsResourceFact,
    inVault,
    key,
    {
      sourceBackupVaultArn: source.backupVaultArn,
      parentRecoveryPointArn: source.recoveryPointArn,
      creationDate: source.creationDate,
      ...extra,
    },
  );
}

export function copyJob(
  res: AwsResourceFact,
  from: AwsBackupVaultFact,
  to: AwsBackupVaultFact | string,
  state: string,
  extra: Partial<AwsCopyJobFact> = {},
): AwsCopyJobFact {
  return {
    copyJobId: `job-${state}-${typeof to === 'string' ? to : to.name}`,
    accountId: res.accountId,
    region: res.region,
    state,
    resourceArn: res.arn,
    resourceType: res.resourceType,
    sourceBackupVaultArn: from.arn,
    destinationBackupVaultArn: typeof to === 'string' ? to : to.arn,
    creationDate: hoursAgo(5),
    ...extra,
  };
}
