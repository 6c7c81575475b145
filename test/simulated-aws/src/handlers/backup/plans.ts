import { epoch } from '../common/errors';
import { RequestContext } from '../common/context';
import { findPlan, lifecycleOut, notFound, page } from './shared';

export function listBackupPlans(
  input: Record<string, any>,
  ctx: RequestContext,
) {
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

export function getBackupPlan(input: Record<string, any>, ctx: RequestContext) {
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

export function listBackupSelections(
  input: Record<string, any>,
  ctx: RequestContext,
) {
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

export function getBackupSelection(
  input: Record<string, any>,
  ctx: RequestContext,
) {
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
