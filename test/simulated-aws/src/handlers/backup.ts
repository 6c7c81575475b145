import { DerivedCopyJob, DerivedRecoveryPoint } from '../derive/types';
import { regionSettingsOf } from '../model/regionSettings';
import { SimVault } from '../model/types';
import { AwsError, epoch, jsonResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterValueException', message);
const notFound = (message: string) =>
  new AwsError('ResourceNotFoundException', message);

/** restJson1 routes of the AWS Backup operations discovery uses (checked against client-backup's schemas). */
const ROUTES: Array<{
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

function timestampParam(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
  if (Number.isNaN(ms)) throw invalidParameter(`Invalid timestamp ${raw}`);
  return new Date(ms).toISOString();
}

function listSize(input: Record<string, any>) {
  return pageSize(input.maxResults, {
    min: 1,
    max: 1000,
    default: 1000,
    error: invalidParameter,
    name: 'maxResults',
  });
}

function page<T>(items: T[], input: Record<string, any>, binding: string) {
  return paginate(items, {
    token: input.nextToken,
    pageSize: listSize(input),
    binding,
    invalidTokenError: () => invalidParameter('Invalid NextToken'),
  });
}

function findVault(
  ctx: RequestContext,
  name: string,
  accountId = ctx.caller.accountId,
): SimVault {
  const vault = ctx.estate.vaults.find(
    v =>
      v.accountId === accountId && v.region === ctx.region && v.name === name,
  );
  const visible =
    vault &&
    (accountId === ctx.caller.accountId ||
      vault.sharedWithAccountIds?.includes(ctx.caller.accountId));
  if (!vault || !visible) {
    throw notFound(
      `Backup vault ${name} does not exist in account ${accountId} and region ${ctx.region}`,
    );
  }
  return vault;
}

function pointsIn(
  ctx: RequestContext,
  vault: SimVault,
): DerivedRecoveryPoint[] {
  return ctx.lookup.pointsByVault.get(vault.arn) ?? [];
}

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

function listBackupVaults(input: Record<string, any>, ctx: RequestContext) {
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

function describeBackupVault(input: Record<string, any>, ctx: RequestContext) {
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

function getBackupVaultAccessPolicy(
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

function findPlan(ctx: RequestContext, planId: string) {
  const plan = ctx.estate.plans.find(
    p =>
      p.planId === planId &&
      p.accountId === ctx.caller.accountId &&
      p.region === ctx.region,
  );
  if (!plan) throw notFound(`Failed reading backup plan with id ${planId}`);
  return plan;
}

function listBackupPlans(input: Record<string, any>, ctx: RequestContext) {
  const plans = ctx.estate.plans.filter(
    p => p.accountId === ctx.caller.accountId && p.region === ctx.region,
  );
  const { page: items, nextToken } = page(plans, input, 'ListBackupPlans');
  return {
    BackupPlansList: items.map(p => ({
      BackupPlanArn: p.arn,
      BackupPlanId: p.planId,
      CreationDate: epoch(p.creationDate),
      VersionId: p.versionId,
      BackupPlanName: p.name,
      LastExecutionDate: epoch(p.lastExecutionDate),
    })),
    NextToken: nextToken,
  };
}

const lifecycleOut = (l?: {
  moveToColdStorageAfterDays?: number;
  deleteAfterDays?: number;
}) =>
  l && {
    MoveToColdStorageAfterDays: l.moveToColdStorageAfterDays,
    DeleteAfterDays: l.deleteAfterDays,
    OptInToArchiveForSupportedResources: false,
  };

function getBackupPlan(input: Record<string, any>, ctx: RequestContext) {
  const p = findPlan(ctx, input.BackupPlanId);
  if (input.versionId && input.versionId !== p.versionId) {
    throw notFound(
      `Failed reading backup plan with id ${p.planId} and version ${input.versionId}`,
    );
  }
  return {
    BackupPlan: {
      BackupPlanName: p.name,
      Rules: p.rules.map(r => ({
        RuleName: r.ruleName,
        TargetBackupVaultName: r.targetBackupVaultName,
        TargetLogicallyAirGappedBackupVaultArn:
          r.targetLogicallyAirGappedBackupVaultArn,
        ScheduleExpression: r.scheduleExpression,
        StartWindowMinutes: r.startWindowMinutes ?? 480,
        CompletionWindowMinutes: r.completionWindowMinutes ?? 10080,
        Lifecycle: lifecycleOut(r.lifecycle),
        RuleId: r.ruleId,
        CopyActions: r.copyActions.map(c => ({
          Lifecycle: lifecycleOut(c.lifecycle),
          DestinationBackupVaultArn: c.destinationBackupVaultArn,
        })),
        EnableContinuousBackup: r.enableContinuousBackup ?? false,
        ScheduleExpressionTimezone: r.scheduleExpressionTimezone ?? 'Etc/UTC',
      })),
    },
    BackupPlanId: p.planId,
    BackupPlanArn: p.arn,
    VersionId: p.versionId,
    CreationDate: epoch(p.creationDate),
    LastExecutionDate: epoch(p.lastExecutionDate),
  };
}

function listBackupSelections(input: Record<string, any>, ctx: RequestContext) {
  const p = findPlan(ctx, input.BackupPlanId);
  const { page: items, nextToken } = page(
    p.selections,
    input,
    `ListBackupSelections:${p.planId}`,
  );
  return {
    BackupSelectionsList: items.map(s => ({
      SelectionId: s.selectionId,
      SelectionName: s.selectionName,
      BackupPlanId: p.planId,
      CreationDate: epoch(s.creationDate),
      IamRoleArn: s.iamRoleArn,
    })),
    NextToken: nextToken,
  };
}

function getBackupSelection(input: Record<string, any>, ctx: RequestContext) {
  const p = findPlan(ctx, input.BackupPlanId);
  const s = p.selections.find(x => x.selectionId === input.SelectionId);
  if (!s)
    throw notFound(
      `Failed reading backup selection with id ${input.SelectionId}`,
    );
  const params = (
    list: Array<{ conditionKey: string; conditionValue: string }>,
  ) =>
    list.map(c => ({
      ConditionKey: c.conditionKey,
      ConditionValue: c.conditionValue,
    }));
  return {
    BackupSelection: {
      SelectionName: s.selectionName,
      IamRoleArn: s.iamRoleArn,
      Resources: s.resources,
      ListOfTags: s.listOfTags.map(t => ({
        ConditionType: t.conditionType,
        ConditionKey: t.conditionKey,
        ConditionValue: t.conditionValue,
      })),
      NotResources: s.notResources,
      Conditions: {
        StringEquals: params(s.conditions.stringEquals),
        StringNotEquals: params(s.conditions.stringNotEquals),
        StringLike: params(s.conditions.stringLike),
        StringNotLike: params(s.conditions.stringNotLike),
      },
    },
    SelectionId: s.selectionId,
    BackupPlanId: p.planId,
    CreationDate: epoch(s.creationDate),
  };
}

function creatorOut(c: DerivedRecoveryPoint['createdBy']) {
  return (
    c && {
      BackupPlanId: c.backupPlanId,
      BackupPlanArn: c.backupPlanArn,
      BackupPlanName: c.backupPlanName,
      BackupPlanVersion: c.backupPlanVersion,
      BackupRuleId: c.backupRuleId,
      BackupRuleName: c.backupRuleName,
      BackupRuleCron: c.backupRuleCron,
      BackupRuleTimezone: c.backupRuleTimezone,
    }
  );
}

function listRecoveryPointsByBackupVault(
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

function listProtectedResources(
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

function copyJobOut(j: DerivedCopyJob) {
  return {
    AccountId: j.accountId,
    CopyJobId: j.copyJobId,
    SourceBackupVaultArn: j.sourceBackupVaultArn,
    SourceRecoveryPointArn: j.sourceRecoveryPointArn,
    DestinationBackupVaultArn: j.destinationBackupVaultArn,
    DestinationVaultType: j.destinationVaultType,
    DestinationRecoveryPointArn: j.destinationRecoveryPointArn,
    DestinationEncryptionKeyArn: j.destinationEncryptionKeyArn,
    DestinationRecoveryPointLifecycle: lifecycleOut(
      j.destinationRecoveryPointLifecycle,
    ),
    ResourceArn: j.resourceArn,
    CreationDate: epoch(j.creationDate),
    CompletionDate: epoch(j.completionDate),
    State: j.state,
    StatusMessage: j.statusMessage,
    BackupSizeInBytes: j.backupSizeInBytes,
    IamRoleArn: j.iamRoleArn,
    CreatedBy: creatorOut(j.createdBy),
    ResourceType: j.resourceType,
    IsParent: false,
    ResourceName: j.resourceName,
  };
}

function listCopyJobs(input: Record<string, any>, ctx: RequestContext) {
  const after = timestampParam(input.createdAfter);
  const before = timestampParam(input.createdBefore);
  const completeAfter = timestampParam(input.completeAfter);
  const completeBefore = timestampParam(input.completeBefore);
  const jobs = (
    ctx.lookup.copyJobsByScope.get(`${ctx.caller.accountId}|${ctx.region}`) ??
    []
  )
    .filter(
      j =>
        (!input.resourceArn || j.resourceArn === input.resourceArn) &&
        (!input.state || j.state === input.state) &&
        (!input.resourceType || j.resourceType === input.resourceType) &&
        (!input.destinationVaultArn ||
          j.destinationBackupVaultArn === input.destinationVaultArn) &&
        (!input.accountId || j.accountId === input.accountId) &&
        (!input.sourceRecoveryPointArn ||
          j.sourceRecoveryPointArn === input.sourceRecoveryPointArn) &&
        (!after || j.creationDate >= after) &&
        (!before || j.creationDate <= before) &&
        (!completeAfter || (j.completionDate ?? '') >= completeAfter) &&
        (!completeBefore || (j.completionDate ?? '') <= completeBefore) &&
        (!input.messageCategory ||
          (input.messageCategory === 'SUCCESS'
            ? j.state === 'COMPLETED'
            : j.state === 'FAILED')),
    )
    .sort((a, b) => b.creationDate.localeCompare(a.creationDate));
  const binding = `ListCopyJobs:${JSON.stringify({ ...input, nextToken: undefined, maxResults: undefined })}`;
  const { page: items, nextToken } = page(jobs, input, binding);
  return { CopyJobs: items.map(copyJobOut), NextToken: nextToken };
}

function describeGlobalSettings(ctx: RequestContext) {
  const { accountId } = ctx.caller;
  if (!ctx.index.inOrganization(accountId)) {
    // What AWS answers outside an organization (a 400 with this code, reported by AWS users).
    throw new AwsError(
      'ERROR_9601',
      'Your account is not a member of an organization.',
    );
  }
  if (accountId !== ctx.estate.organization.managementAccountId) {
    throw new AwsError(
      'AccessDeniedException',
      'Insufficient privileges to perform this action. Only the management account of the organization can describe global settings.',
      403,
    );
  }
  const g = ctx.estate.globalSettings;
  return {
    GlobalSettings: {
      isCrossAccountBackupEnabled: String(g.isCrossAccountBackupEnabled),
      isMpaEnabled: String(g.isMpaEnabled),
      isDelegatedAdministratorEnabled: 'false',
    },
    LastUpdateTime: epoch(g.lastUpdateTime),
  };
}

/**
 * DescribeRegionSettings (`GET /account-settings`): the caller's account in the signed Region;
 * every account may read its own, no organization needed (rule A6).
 */
function describeRegionSettings(ctx: RequestContext) {
  const { optIn, management } = regionSettingsOf(
    ctx.estate,
    ctx.caller.accountId,
    ctx.region,
  );
  return {
    ResourceTypeOptInPreference: optIn,
    ResourceTypeManagementPreference: management,
  };
}

function listRestoreAccessBackupVaults(
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

const OPERATIONS: Record<
  string,
  (input: Record<string, any>, ctx: RequestContext) => unknown
> = {
  ListBackupVaults: listBackupVaults,
  DescribeBackupVault: describeBackupVault,
  GetBackupVaultAccessPolicy: getBackupVaultAccessPolicy,
  ListBackupPlans: listBackupPlans,
  GetBackupPlan: getBackupPlan,
  ListBackupSelections: listBackupSelections,
  GetBackupSelection: getBackupSelection,
  ListRecoveryPointsByBackupVault: listRecoveryPointsByBackupVault,
  ListProtectedResources: listProtectedResources,
  ListCopyJobs: listCopyJobs,
  DescribeGlobalSettings: (_input, ctx) => describeGlobalSettings(ctx),
  DescribeRegionSettings: (_input, ctx) => describeRegionSettings(ctx),
  ListRestoreAccessBackupVaults: listRestoreAccessBackupVaults,
};

/** AWS Backup (restJson1). Accepts paths with or without a trailing slash, as AWS does. */
export const backupSimulator: ServiceSimulator = {
  signingName: 'backup',
  protocol: 'restJson1',
  parse(request, url) {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    for (const route of ROUTES) {
      const match =
        route.method === request.method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const input: Record<string, any> = {};
      url.searchParams.forEach((value, key) => {
        input[key] = value;
      });
      route.labels.forEach((label, i) => {
        input[label] = decodeURIComponent(match[i + 1]);
      });
      return { operation: route.operation, input };
    }
    return { operation: `${request.method} ${path}`, input: {} };
  },
  handle({ operation, input }: ParsedOperation, ctx) {
    const fn = OPERATIONS[operation];
    if (!fn)
      throw new AwsError(
        'UnknownOperationException',
        `No operation matches ${operation}`,
        404,
      );
    return jsonResponse('restJson1', fn(input, ctx));
  },
};
