/** Converts AWS Backup SDK shapes into the plain inventory facts of -common. */
import type {
  BackupPlan,
  BackupSelection,
  BackupVaultListMember,
  CopyJob,
  DescribeBackupVaultCommandOutput,
  Lifecycle,
  RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import {
  AwsBackupPlanFact,
  AwsBackupSelectionFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsEncryptionKeyType,
  AwsLifecycleFact,
  AwsRecoveryPointFact,
  AwsVaultType,
} from '@backup-posture/plugin-backup-posture-common';
import { Scope } from './types';

export const iso = (d?: Date | string) =>
  d === undefined || d === null ? undefined : new Date(d).toISOString();

/** Drops keys whose value is undefined, so stored JSON never carries "unknown" as a value. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) {
    if (o[k] === undefined) delete o[k];
  }
  return o;
}

export function lifecycleFact(l?: Lifecycle): AwsLifecycleFact | undefined {
  if (!l) return undefined;
  return compact({
    moveToColdStorageAfterDays: l.MoveToColdStorageAfterDays,
    deleteAfterDays: l.DeleteAfterDays,
    optInToArchiveForSupportedResources: l.OptInToArchiveForSupportedResources,
  });
}

export function vaultFact(
  scope: Scope,
  v: BackupVaultListMember,
  fallbackType?: AwsVaultType,
): AwsBackupVaultFact {
  return compact({
    arn: v.BackupVaultArn!,
    name: v.BackupVaultName!,
    accountId: scope.accountId,
    region: scope.region,
    vaultType: (v.VaultType as AwsVaultType) ?? fallbackType ?? 'BACKUP_VAULT',
    vaultState: v.VaultState,
    encryptionKeyArn: v.EncryptionKeyArn,
    encryptionKeyType: v.EncryptionKeyType as AwsEncryptionKeyType | undefined,
    creationDate: iso(v.CreationDate),
    numberOfRecoveryPoints: v.NumberOfRecoveryPoints,
    locked: v.Locked,
    minRetentionDays: v.MinRetentionDays,
    maxRetentionDays: v.MaxRetentionDays,
    lockDate: iso(v.LockDate),
  });
}

/** Adds the DescribeBackupVault-only fields (source vault, MPA team and its latest update). */
export function withDescription(
  vault: AwsBackupVaultFact,
  d: DescribeBackupVaultCommandOutput,
): AwsBackupVaultFact {
  const u = d.LatestMpaApprovalTeamUpdate;
  return compact({
    ...vault,
    encryptionKeyArn: vault.encryptionKeyArn ?? d.EncryptionKeyArn,
    sourceBackupVaultArn: d.SourceBackupVaultArn,
    mpaApprovalTeamArn: d.MpaApprovalTeamArn,
    mpaSessionArn: d.MpaSessionArn,
    latestMpaApprovalTeamUpdate: u
      ? compact({
          status: u.Status,
          statusMessage: u.StatusMessage,
          initiationDate: iso(u.InitiationDate),
          expiryDate: iso(u.ExpiryDate),
          mpaSessionArn: u.MpaSessionArn,
        })
      : undefined,
  });
}

export function recoveryPointFact(
  scope: Scope,
  vault: AwsBackupVaultFact,
  p: RecoveryPointByBackupVault,
): AwsRecoveryPointFact {
  return compact({
    recoveryPointArn: p.RecoveryPointArn!,
    backupVaultArn: p.BackupVaultArn ?? vault.arn,
    backupVaultName: p.BackupVaultName ?? vault.name,
    accountId: scope.accountId,
    region: scope.region,
    resourceArn: p.ResourceArn ?? '',
    resourceType: p.ResourceType ?? 'unknown',
    sourceBackupVaultArn: p.SourceBackupVaultArn,
    parentRecoveryPointArn: p.ParentRecoveryPointArn,
    createdBy: p.CreatedBy
      ? compact({
          backupPlanId: p.CreatedBy.BackupPlanId,
          backupRuleId: p.CreatedBy.BackupRuleId,
          backupPlanArn: p.CreatedBy.BackupPlanArn,
        })
      : undefined,
    creationDate: iso(p.CreationDate) ?? '',
    completionDate: iso(p.CompletionDate),
    status: p.Status ?? 'UNKNOWN',
    statusMessage: p.StatusMessage,
    isEncrypted: p.IsEncrypted === true,
    encryptionKeyArn: p.EncryptionKeyArn,
    encryptionKeyType: p.EncryptionKeyType as AwsEncryptionKeyType | undefined,
    vaultType: (p.VaultType as AwsVaultType | undefined) ?? vault.vaultType,
    lifecycle: lifecycleFact(p.Lifecycle),
    calculatedLifecycle: p.CalculatedLifecycle
      ? compact({
          moveToColdStorageAt: iso(p.CalculatedLifecycle.MoveToColdStorageAt),
          deleteAt: iso(p.CalculatedLifecycle.DeleteAt),
        })
      : undefined,
  });
}

const tagConditions = (
  list?: Array<{ ConditionKey?: string; ConditionValue?: string }>,
) =>
  (list ?? []).map(c => ({
    conditionKey: c.ConditionKey ?? '',
    conditionValue: c.ConditionValue ?? '',
  }));

export function selectionFact(
  selectionId: string,
  s: BackupSelection,
): AwsBackupSelectionFact {
  return compact({
    selectionId,
    selectionName: s.SelectionName ?? selectionId,
    iamRoleArn: s.IamRoleArn,
    resources: s.Resources ?? [],
    notResources: s.NotResources ?? [],
    listOfTags: (s.ListOfTags ?? []).map(t => ({
      conditionType: t.ConditionType ?? 'STRINGEQUALS',
      conditionKey: t.ConditionKey ?? '',
      conditionValue: t.ConditionValue ?? '',
    })),
    conditions: {
      stringEquals: tagConditions(s.Conditions?.StringEquals),
      stringNotEquals: tagConditions(s.Conditions?.StringNotEquals),
      stringLike: tagConditions(s.Conditions?.StringLike),
      stringNotLike: tagConditions(s.Conditions?.StringNotLike),
    },
  });
}

export function planFact(
  scope: Scope,
  ids: { planId: string; planArn: string; versionId?: string },
  plan: BackupPlan,
  selections: AwsBackupSelectionFact[],
): AwsBackupPlanFact {
  return compact({
    planId: ids.planId,
    planArn: ids.planArn,
    planName: plan.BackupPlanName ?? ids.planId,
    versionId: ids.versionId,
    accountId: scope.accountId,
    region: scope.region,
    rules: (plan.Rules ?? []).map(r =>
      compact({
        ruleId: r.RuleId,
        ruleName: r.RuleName ?? '',
        targetBackupVaultName: r.TargetBackupVaultName ?? '',
        targetLogicallyAirGappedBackupVaultArn:
          r.TargetLogicallyAirGappedBackupVaultArn,
        scheduleExpression: r.ScheduleExpression,
        scheduleExpressionTimezone: r.ScheduleExpressionTimezone,
        enableContinuousBackup: r.EnableContinuousBackup,
        lifecycle: lifecycleFact(r.Lifecycle),
        copyActions: (r.CopyActions ?? []).map(c =>
          compact({
            destinationBackupVaultArn: c.DestinationBackupVaultArn ?? '',
            lifecycle: lifecycleFact(c.Lifecycle),
          }),
        ),
      }),
    ),
    selections,
  });
}

export function copyJobFact(scope: Scope, j: CopyJob): AwsCopyJobFact {
  return compact({
    copyJobId: j.CopyJobId ?? '',
    accountId: j.AccountId ?? scope.accountId,
    region: scope.region,
    state: j.State ?? 'UNKNOWN',
    statusMessage: j.StatusMessage,
    resourceArn: j.ResourceArn ?? '',
    resourceType: j.ResourceType ?? 'unknown',
    sourceBackupVaultArn: j.SourceBackupVaultArn ?? '',
    sourceRecoveryPointArn: j.SourceRecoveryPointArn,
    destinationBackupVaultArn: j.DestinationBackupVaultArn ?? '',
    destinationRecoveryPointArn: j.DestinationRecoveryPointArn,
    destinationEncryptionKeyArn: j.DestinationEncryptionKeyArn,
    destinationVaultType: j.DestinationVaultType,
    creationDate: iso(j.CreationDate) ?? '',
    completionDate: iso(j.CompletionDate),
    createdBy: j.CreatedBy
      ? compact({
          backupPlanId: j.CreatedBy.BackupPlanId,
          backupRuleId: j.CreatedBy.BackupRuleId,
        })
      : undefined,
  });
}
