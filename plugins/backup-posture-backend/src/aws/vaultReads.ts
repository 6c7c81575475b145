import {
  DescribeBackupVaultCommand,
  GetBackupVaultAccessPolicyCommand,
  paginateListRecoveryPointsByBackupVault,
  paginateListRestoreAccessBackupVaults,
} from '@aws-sdk/client-backup';
import {
  AwsBackupVaultFact,
  AwsRecoveryPointFact,
} from '@backup-posture/plugin-backup-posture-common';
import { iso, recoveryPointFact, withDescription } from './backupFacts';
import { ScopeClients } from './clients';
import { isAccessDenied, isNotFound, PartialError } from './readErrors';
import { Scope } from './types';

/**
 * A vault's access policy and, where they matter, its description (MPA fields, source vault) and
 * its restore-access vaults. A denied optional read is recorded as partial, not fatal.
 */
export async function readVault(
  scope: Scope,
  { backup }: ScopeClients,
  vault: AwsBackupVaultFact,
  partial: PartialError,
  pageSize: number,
): Promise<AwsBackupVaultFact> {
  let result = vault;
  try {
    const policy = await backup.send(
      new GetBackupVaultAccessPolicyCommand({ BackupVaultName: vault.name }),
    );
    result = { ...result, accessPolicy: policy.Policy ?? null };
  } catch (e) {
    if (isNotFound(e)) result = { ...result, accessPolicy: null };
    else if (isAccessDenied(e))
      partial('GetBackupVaultAccessPolicy', vault.arn, e);
    else throw e;
  }
  // MPA and source-vault fields exist only on DescribeBackupVault (5/s): read them where they matter.
  if (vault.vaultType !== 'BACKUP_VAULT') {
    try {
      const d = await backup.send(
        new DescribeBackupVaultCommand({ BackupVaultName: vault.name }),
      );
      result = withDescription(result, d);
    } catch (e) {
      if (isAccessDenied(e)) partial('DescribeBackupVault', vault.arn, e);
      else throw e;
    }
  }
  if (vault.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT') {
    try {
      const restore: NonNullable<AwsBackupVaultFact['restoreAccessVaults']> =
        [];
      for await (const page of paginateListRestoreAccessBackupVaults(
        { client: backup, pageSize },
        { BackupVaultName: vault.name },
      )) {
        for (const r of page.RestoreAccessBackupVaults ?? []) {
          if (!r.RestoreAccessBackupVaultArn) continue;
          restore.push({
            restoreAccessBackupVaultArn: r.RestoreAccessBackupVaultArn,
            ...(r.VaultState ? { vaultState: r.VaultState } : {}),
            ...(r.CreationDate ? { creationDate: iso(r.CreationDate) } : {}),
            ...(r.ApprovalDate ? { approvalDate: iso(r.ApprovalDate) } : {}),
          });
        }
      }
      result = { ...result, restoreAccessVaults: restore };
    } catch (e) {
      if (isAccessDenied(e))
        partial('ListRestoreAccessBackupVaults', vault.arn, e);
      else throw e;
    }
  }
  void scope;
  return result;
}

/** Every recovery point of a vault. */
export async function readRecoveryPoints(
  scope: Scope,
  { backup }: ScopeClients,
  vault: AwsBackupVaultFact,
  pageSize: number,
): Promise<AwsRecoveryPointFact[]> {
  const points: AwsRecoveryPointFact[] = [];
  for await (const page of paginateListRecoveryPointsByBackupVault(
    { client: backup, pageSize },
    { BackupVaultName: vault.name },
  )) {
    for (const p of page.RecoveryPoints ?? []) {
      if (p.RecoveryPointArn) points.push(recoveryPointFact(scope, vault, p));
    }
  }
  return points;
}
