import { SimVault } from '../../model/types';
import { epoch } from '../common/errors';
import { RequestContext } from '../common/context';
import {
  findVault,
  invalidParameter,
  notFound,
  page,
  pointsIn,
} from './shared';

function vaultSummary(ctx: RequestContext, v: SimVault) {
  return {
    BackupVaultName: v.name,
    BackupVaultArn: v.arn,
    VaultType: v.type,
    VaultState: v.state,
    CreationDate: epoch(v.creationDate),
    EncryptionKeyArn: v.encryptionKeyArn,
    CreatorRequestId: v.creatorRequestId,
    NumberOfRecoveryPoints: pointsIn(ctx, v).length,
    Locked: v.lock !== undefined,
    MinRetentionDays: v.lock?.minRetentionDays,
    MaxRetentionDays: v.lock?.maxRetentionDays,
    LockDate: epoch(v.lock?.lockDate),
    EncryptionKeyType: v.encryptionKeyType,
  };
}

export function listBackupVaults(
  input: Record<string, any>,
  ctx: RequestContext,
) {
  const shared = input.shared === 'true';
  let vaults = ctx.estate.vaults.filter(
    v =>
      v.region === ctx.region &&
      (shared
        ? v.accountId !== ctx.caller.accountId &&
          v.sharedWithAccountIds?.includes(ctx.caller.accountId)
        : v.accountId === ctx.caller.accountId),
  );
  if (input.vaultType) vaults = vaults.filter(v => v.type === input.vaultType);
  const { page: items, nextToken } = page(
    vaults,
    input,
    `ListBackupVaults:${input.vaultType ?? ''}:${shared}`,
  );
  return {
    BackupVaultList: items.map(v => vaultSummary(ctx, v)),
    NextToken: nextToken,
  };
}

export function describeBackupVault(
  input: Record<string, any>,
  ctx: RequestContext,
) {
  const v = findVault(ctx, input.BackupVaultName, input.backupVaultAccountId);
  const update = v.latestMpaApprovalTeamUpdate;
  return {
    ...vaultSummary(ctx, v),
    SourceBackupVaultArn: v.sourceBackupVaultArn,
    MpaApprovalTeamArn: v.mpaApprovalTeamArn,
    MpaSessionArn: v.mpaSessionArn,
    LatestMpaApprovalTeamUpdate: update && {
      MpaSessionArn: update.mpaSessionArn,
      Status: update.status,
      StatusMessage: update.statusMessage,
      InitiationDate: epoch(update.initiationDate),
      ExpiryDate: epoch(update.expiryDate),
    },
  };
}

export function getBackupVaultAccessPolicy(
  input: Record<string, any>,
  ctx: RequestContext,
) {
  const v = findVault(ctx, input.BackupVaultName);
  if (!v.accessPolicy) {
    throw notFound(`Backup vault ${v.name} does not have an access policy`);
  }
  return {
    BackupVaultName: v.name,
    BackupVaultArn: v.arn,
    Policy: JSON.stringify(v.accessPolicy),
  };
}

export function listRestoreAccessBackupVaults(
  input: Record<string, any>,
  ctx: RequestContext,
) {
  const lag = findVault(ctx, input.BackupVaultName);
  if (lag.type !== 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT') {
    throw invalidParameter(
      `Backup vault ${lag.name} is not a logically air-gapped backup vault`,
    );
  }
  const vaults = ctx.estate.vaults.filter(
    v => v.sourceBackupVaultArn === lag.arn,
  );
  const { page: items, nextToken } = page(
    vaults,
    input,
    `ListRestoreAccessBackupVaults:${lag.arn}`,
  );
  return {
    NextToken: nextToken,
    RestoreAccessBackupVaults: items.map(v => ({
      RestoreAccessBackupVaultArn: v.arn,
      CreationDate: epoch(v.creationDate),
      ApprovalDate: epoch(v.approvalDate),
      VaultState: v.state,
    })),
  };
}
