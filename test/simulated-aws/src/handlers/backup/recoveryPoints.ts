import { epoch } from '../common/errors';
import { RequestContext } from '../common/context';
import {
  creatorOut,
  findVault,
  lifecycleOut,
  page,
  pointsIn,
  timestampParam,
} from './shared';

export function listRecoveryPointsByBackupVault(
  input: Record<string, any>,
  ctx: RequestContext,
) {
  const vault = findVault(
    ctx,
    input.BackupVaultName,
    input.backupVaultAccountId,
  );
  const after = timestampParam(input.createdAfter);
  const before = timestampParam(input.createdBefore);
  const points = pointsIn(ctx, vault)
    .filter(
      p =>
        (!input.resourceArn || p.resourceArn === input.resourceArn) &&
        (!input.resourceType || p.resourceType === input.resourceType) &&
        (!input.backupPlanId ||
          p.createdBy?.backupPlanId === input.backupPlanId) &&
        (!after || p.creationDate >= after) &&
        (!before || p.creationDate <= before) &&
        !input.parentRecoveryPointArn,
    )
    .sort((a, b) => b.creationDate.localeCompare(a.creationDate));
  const binding = `ListRecoveryPointsByBackupVault:${vault.arn}:${[input.resourceArn, input.resourceType, input.backupPlanId, after, before].join('|')}`;
  const { page: items, nextToken } = page(points, input, binding);
  return {
    NextToken: nextToken,
    RecoveryPoints: items.map(p => ({
      RecoveryPointArn: p.recoveryPointArn,
      BackupVaultName: p.backupVaultName,
      BackupVaultArn: p.backupVaultArn,
      SourceBackupVaultArn: p.sourceBackupVaultArn,
      ResourceArn: p.resourceArn,
      ResourceType: p.resourceType,
      CreatedBy: creatorOut(p.createdBy),
      IamRoleArn: p.iamRoleArn,
      Status: p.status,
      CreationDate: epoch(p.creationDate),
      CompletionDate: epoch(p.completionDate),
      BackupSizeInBytes: p.backupSizeInBytes,
      CalculatedLifecycle: p.calculatedLifecycle && {
        MoveToColdStorageAt: epoch(p.calculatedLifecycle.moveToColdStorageAt),
        DeleteAt: epoch(p.calculatedLifecycle.deleteAt),
      },
      Lifecycle: lifecycleOut(p.lifecycle),
      EncryptionKeyArn: p.encryptionKeyArn,
      IsEncrypted: p.isEncrypted,
      IsParent: false,
      ResourceName: p.resourceName,
      VaultType: p.vaultType,
      EncryptionKeyType: p.encryptionKeyType,
    })),
  };
}

export function listProtectedResources(
  input: Record<string, any>,
  ctx: RequestContext,
) {
  const resources =
    ctx.lookup.protectedByScope.get(`${ctx.caller.accountId}|${ctx.region}`) ??
    [];
  const { page: items, nextToken } = page(
    resources,
    input,
    'ListProtectedResources',
  );
  return {
    Results: items.map(r => ({
      ResourceArn: r.resourceArn,
      ResourceType: r.resourceType,
      LastBackupTime: epoch(r.lastBackupTime),
      ResourceName: r.resourceName,
      LastBackupVaultArn: r.lastBackupVaultArn,
      LastRecoveryPointArn: r.lastRecoveryPointArn,
    })),
    NextToken: nextToken,
  };
}
