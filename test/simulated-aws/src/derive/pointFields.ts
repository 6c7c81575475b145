import { recoveryPointArn } from '../model/resourceTypes';
import { SeededRandom, daysAfter } from '../model/random';
import {
  SimBackupPlan,
  SimBackupRule,
  SimLifecycle,
  SimResource,
  SimVault,
} from '../model/types';

// Building blocks of derived recovery points and copy jobs: times, seeded ids, identity, creator.

export const HOUR = 3_600_000;

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/**
 * A random source for one recovery point (and the copies made from it), seeded by what identifies
 * it: AWS's ids of one service's backups do not change when another team adds a plan, a resource
 * or a copy job, so derived ids never depend on the order or presence of unrelated facts.
 */
export function rngFor(seed: number, ...identity: Array<string | number>) {
  // FNV-1a over the identity, mixed with the estate's seed.
  let h = 0x811c9dc5;
  for (const ch of identity.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new SeededRandom((seed ^ 0x5eed ^ h) >>> 0);
}

export function calculatedLifecycle(
  creationDate: string,
  lifecycle?: SimLifecycle,
) {
  if (!lifecycle) return undefined;
  return {
    moveToColdStorageAt:
      lifecycle.moveToColdStorageAfterDays !== undefined
        ? daysAfter(creationDate, lifecycle.moveToColdStorageAfterDays)
        : undefined,
    deleteAt:
      lifecycle.deleteAfterDays !== undefined
        ? daysAfter(creationDate, lifecycle.deleteAfterDays)
        : undefined,
  };
}

/**
 * The fields that place a recovery point: its ARN, its vault and the resource it protects. A
 * DynamoDB backup AWS Backup does not fully manage (A6) is DynamoDB's own backup of the table.
 */
export function pointIdentity(
  resource: SimResource,
  vault: SimVault,
  uuid: string,
  dynamoDbOwn = false,
) {
  return {
    recoveryPointArn: dynamoDbOwn
      ? `${resource.arn}/backup/${uuid.replace(/-/g, '').slice(0, 14)}-${uuid.slice(0, 8)}`
      : recoveryPointArn(resource.type, vault.accountId, vault.region, uuid),
    backupVaultName: vault.name,
    backupVaultArn: vault.arn,
    accountId: vault.accountId,
    region: vault.region,
    vaultType: vault.type,
    resourceArn: resource.arn,
    resourceType: resource.type,
    resourceName: resource.name,
  };
}

export function createdBy(plan: SimBackupPlan, rule: SimBackupRule) {
  return {
    backupPlanId: plan.planId,
    backupPlanArn: plan.arn,
    backupPlanName: plan.name,
    backupPlanVersion: plan.versionId,
    backupRuleId: rule.ruleId,
    backupRuleName: rule.ruleName,
    backupRuleCron: rule.scheduleExpression,
    backupRuleTimezone: rule.scheduleExpressionTimezone,
  };
}
