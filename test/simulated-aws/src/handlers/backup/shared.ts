import { DerivedRecoveryPoint } from '../../derive/types';
import { SimVault } from '../../model/types';
import { AwsError } from '../common/errors';
import { pageSize, paginate } from '../common/pagination';
import { RequestContext } from '../common/context';

// Errors, paging, lookups and output shapes shared by the AWS Backup operations.

export const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterValueException', message);
export const notFound = (message: string) =>
  new AwsError('ResourceNotFoundException', message);

export function timestampParam(raw: string | undefined): string | undefined {
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

export function page<T>(
  items: T[],
  input: Record<string, any>,
  binding: string,
) {
  return paginate(items, {
    token: input.nextToken,
    pageSize: listSize(input),
    binding,
    invalidTokenError: () => invalidParameter('Invalid NextToken'),
  });
}

export function findVault(
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

export function pointsIn(
  ctx: RequestContext,
  vault: SimVault,
): DerivedRecoveryPoint[] {
  return ctx.lookup.pointsByVault.get(vault.arn) ?? [];
}

export function findPlan(ctx: RequestContext, planId: string) {
  const plan = ctx.estate.plans.find(
    p =>
      p.planId === planId &&
      p.accountId === ctx.caller.accountId &&
      p.region === ctx.region,
  );
  if (!plan) throw notFound(`Failed reading backup plan with id ${planId}`);
  return plan;
}

export const lifecycleOut = (l?: {
  moveToColdStorageAfterDays?: number;
  deleteAfterDays?: number;
}) =>
  l && {
    MoveToColdStorageAfterDays: l.moveToColdStorageAfterDays,
    DeleteAfterDays: l.deleteAfterDays,
    OptInToArchiveForSupportedResources: false,
  };

export function creatorOut(c: DerivedRecoveryPoint['createdBy']) {
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
