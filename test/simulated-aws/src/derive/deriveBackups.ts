import {
  awsManagedFallbackAlias,
  isSourceDependent,
  recoveryPointArn,
} from '../model/resourceTypes';
import { SeededRandom, daysAfter } from '../model/random';
import { dynamoDbUnmanaged, optedIn } from '../model/regionSettings';
import {
  Estate,
  SimBackupPlan,
  SimBackupRule,
  SimKmsKey,
  SimLifecycle,
  SimResource,
  SimStartedCopyJobs,
  SimVault,
} from '../model/types';
import { policyAllows } from './policy';
import { selectionAssigns } from './selection';
import { COPY_STATUS } from './statusMessages';
import {
  DerivedBackups,
  DerivedCopyJob,
  DerivedProtectedResource,
  DerivedRecoveryPoint,
} from './types';

const HOUR = 3_600_000;

function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/**
 * A random source for one recovery point (and the copies made from it), seeded by what identifies
 * it: AWS's ids of one service's backups do not change when another team adds a plan, a resource
 * or a copy job, so derived ids never depend on the order or presence of unrelated facts.
 */
function rngFor(seed: number, ...identity: Array<string | number>) {
  // FNV-1a over the identity, mixed with the estate's seed.
  let h = 0x811c9dc5;
  for (const ch of identity.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new SeededRandom((seed ^ 0x5eed ^ h) >>> 0);
}

function calculatedLifecycle(creationDate: string, lifecycle?: SimLifecycle) {
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

/** Lookups over an estate, shared by derivation and the handlers. */
export class EstateIndex {
  readonly vaultsByArn = new Map<string, SimVault>();
  readonly keysByArn = new Map<string, SimKmsKey>();

  constructor(readonly estate: Estate) {
    for (const v of estate.vaults) this.vaultsByArn.set(v.arn, v);
    for (const k of estate.keys) this.keysByArn.set(k.arn, k);
  }

  managedKey(
    accountId: string,
    region: string,
    alias: string,
  ): SimKmsKey | undefined {
    return this.estate.keys.find(
      k =>
        k.accountId === accountId &&
        k.region === region &&
        k.aliases.includes(alias),
    );
  }

  isAwsBackupKey(keyArn: string): boolean {
    return (
      this.keysByArn.get(keyArn)?.aliases.includes('alias/aws/backup') ?? false
    );
  }

  inOrganization(accountId: string): boolean {
    return (
      this.estate.accounts.find(a => a.id === accountId)?.inOrganization ??
      false
    );
  }

  organizationPaths(accountId: string): string[] {
    const org = this.estate.organization;
    const ou = org.organizationalUnits.find(o =>
      o.accountIds.includes(accountId),
    );
    return [`${org.id}/${org.rootId}/${ou ? `${ou.id}/` : ''}`];
  }
}

/**
 * The key of a primary recovery point (A1, A2): independent types get the vault's key;
 * source-dependent types keep the source's key, or none when the source was unencrypted then.
 */
export function primaryPointKey(
  resource: SimResource,
  vault: SimVault,
  creationDate: string,
  /** A6: DynamoDB without full AWS Backup management keeps the table's key. */
  unmanaged = false,
): { keyArn?: string; rule: string; awsOwned?: boolean } {
  if (unmanaged)
    return resource.kmsKeyArn
      ? { keyArn: resource.kmsKeyArn, rule: 'A6' }
      : { keyArn: undefined, rule: 'A6', awsOwned: true };
  if (!isSourceDependent(resource.type))
    return { keyArn: vault.encryptionKeyArn, rule: 'A1' };
  if (
    !resource.kmsKeyArn ||
    (resource.unencryptedBefore && creationDate < resource.unencryptedBefore)
  ) {
    return { keyArn: undefined, rule: 'A2' };
  }
  return { keyArn: resource.kmsKeyArn, rule: 'A1' };
}

/**
 * The key of a copy (A4, B5): the destination vault's key; RDS-family and EBS/EC2 copies into a
 * vault with the AWS-managed aws/backup key get aws/rds or aws/ebs of the destination instead.
 */
export function copyPointKey(
  index: EstateIndex,
  resource: SimResource,
  source: { keyArn?: string },
  destination: SimVault,
): { keyArn?: string; rule: string } {
  if (isSourceDependent(resource.type) && !source.keyArn)
    return { keyArn: undefined, rule: 'A2' };
  const fallback = awsManagedFallbackAlias(resource.type);
  if (fallback && index.isAwsBackupKey(destination.encryptionKeyArn)) {
    const key = index.managedKey(
      destination.accountId,
      destination.region,
      fallback,
    );
    return { keyArn: key?.arn, rule: 'A4' };
  }
  return {
    keyArn: destination.encryptionKeyArn,
    rule: resource.accountId !== destination.accountId ? 'B5' : 'A4',
  };
}

/**
 * Why AWS would reject a copy (B1-B6), or undefined when it goes through. The copy runs in
 * `sourceAccountId` (the source vault's account: the resource's for a plan's copy action, a
 * central account's for a second hop started there).
 */
export function copyRejection(
  index: EstateIndex,
  resource: SimResource,
  sourceKeyArn: string | undefined,
  destinationVaultArn: string,
  copyLifecycle: SimLifecycle | undefined,
  sourceAccountId: string = resource.accountId,
): { rule: string; message: string } | undefined {
  const destination = index.vaultsByArn.get(destinationVaultArn);
  if (!destination) {
    return {
      rule: 'missing-vault',
      message: COPY_STATUS.destinationVaultMissing(destinationVaultArn),
    };
  }
  const estate = index.estate;
  if (
    dynamoDbUnmanaged(
      estate,
      resource.accountId,
      resource.region,
      resource.type,
    )
  )
    return { rule: 'A6', message: COPY_STATUS.dynamoDbNotFullyManaged };
  if (destination.accountId === sourceAccountId) return undefined;
  if (
    !index.inOrganization(sourceAccountId) ||
    !index.inOrganization(destination.accountId)
  ) {
    return { rule: 'B1', message: COPY_STATUS.notSameOrganization };
  }
  if (!estate.globalSettings.isCrossAccountBackupEnabled) {
    return { rule: 'B1', message: COPY_STATUS.crossAccountDisabled };
  }
  if (destination.name === 'Default') {
    return {
      rule: 'B3',
      message: COPY_STATUS.defaultVaultDestination(destination.arn),
    };
  }
  const copyAllowed = policyAllows(
    destination.accessPolicy,
    'backup:CopyIntoBackupVault',
    {
      accountId: sourceAccountId,
      principalArn: `arn:aws:iam::${sourceAccountId}:role/service-role/AWSBackupDefaultServiceRole`,
      organizationId: estate.organization.id,
      organizationPaths: index.organizationPaths(sourceAccountId),
    },
  );
  if (!copyAllowed) {
    return {
      rule: 'B2',
      message: COPY_STATUS.copyIntoDenied(sourceAccountId, destination.arn),
    };
  }
  if (copyLifecycle?.moveToColdStorageAfterDays !== undefined) {
    return { rule: 'B6', message: COPY_STATUS.coldStorageCrossAccount };
  }
  if (isSourceDependent(resource.type) && sourceKeyArn) {
    const key = index.keysByArn.get(sourceKeyArn);
    const shareable =
      key?.keyManager === 'CUSTOMER' &&
      key.keyState === 'Enabled' &&
      policyAllows(key.policy, 'kms:Decrypt', {
        accountId: destination.accountId,
      }) &&
      policyAllows(key.policy, 'kms:CreateGrant', {
        accountId: destination.accountId,
      });
    if (!shareable)
      return {
        rule: 'B4',
        message: COPY_STATUS.keyNotAccessible(sourceKeyArn),
      };
  }
  return undefined;
}

/**
 * The fields that place a recovery point: its ARN, its vault and the resource it protects. A
 * DynamoDB backup AWS Backup does not fully manage (A6) is DynamoDB's own backup of the table.
 */
function pointIdentity(
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

function createdBy(plan: SimBackupPlan, rule: SimBackupRule) {
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

/** A primary point's encryption fields; a DynamoDB table on its AWS-owned key stays encrypted (A6). */
function pointEncryption(
  vault: SimVault,
  key: { keyArn?: string; rule: string; awsOwned?: boolean },
) {
  return {
    isEncrypted: key.keyArn !== undefined || key.awsOwned === true,
    encryptionKeyArn: key.keyArn,
    encryptionKeyType: key.awsOwned
      ? ('AWS_OWNED_KMS_KEY' as const)
      : keyType(vault, key.keyArn),
    keyRule: key.rule,
  };
}

function keyType(vault: SimVault, keyArn?: string) {
  if (!keyArn) return undefined;
  return keyArn === vault.encryptionKeyArn
    ? vault.encryptionKeyType
    : 'CUSTOMER_MANAGED_KMS_KEY';
}

/**
 * Everything AWS Backup would have produced from the estate's plans: the primary recovery
 * points each rule kept, one copy job per copy action and point (FAILED when AWS rejects it),
 * the copies, and the protected resources per account and region.
 */
export function deriveBackups(estate: Estate): DerivedBackups {
  const index = new EstateIndex(estate);
  const recoveryPoints: DerivedRecoveryPoint[] = [];
  const copyJobs: DerivedCopyJob[] = [];
  const now = estate.now;

  for (const plan of estate.plans) {
    const candidates = estate.resources.filter(
      r => r.accountId === plan.accountId && r.region === plan.region,
    );
    // A6: a type not opted in in the plan's Region is never backed up, selected or not.
    const assigned = candidates.filter(
      r =>
        plan.selections.some(s => selectionAssigns(s, r)) &&
        optedIn(estate, plan.accountId, plan.region, r.type),
    );
    for (const rule of plan.rules) {
      const vault = estate.vaults.find(
        v =>
          v.accountId === plan.accountId &&
          v.region === plan.region &&
          v.name === rule.targetBackupVaultName,
      );
      if (!vault) continue;
      const role = plan.selections[0]?.iamRoleArn ?? '';
      for (const resource of assigned) {
        for (const age of rule.pointAgesDays) {
          if (
            rule.lifecycle?.deleteAfterDays !== undefined &&
            age > rule.lifecycle.deleteAfterDays
          )
            continue;
          const rng = rngFor(
            estate.seed,
            plan.arn,
            rule.ruleId,
            resource.arn,
            age,
          );
          const creationDate = addMs(now, -age * 24 * HOUR - 6 * HOUR);
          const completionDate = addMs(creationDate, HOUR / 2);
          const size = 1_000_000_000 + rng.int(50_000_000_000);
          const unmanaged = dynamoDbUnmanaged(
            estate,
            resource.accountId,
            resource.region,
            resource.type,
          );
          const key = primaryPointKey(resource, vault, creationDate, unmanaged);
          const primary: DerivedRecoveryPoint = {
            ...pointIdentity(resource, vault, rng.uuid(), unmanaged),
            createdBy: createdBy(plan, rule),
            iamRoleArn: role,
            status: 'COMPLETED',
            creationDate,
            completionDate,
            backupSizeInBytes: size,
            lifecycle: rule.lifecycle,
            calculatedLifecycle: calculatedLifecycle(
              creationDate,
              rule.lifecycle,
            ),
            ...pointEncryption(vault, key),
          };
          recoveryPoints.push(primary);

          for (const action of rule.copyActions) {
            if (
              action.lifecycle?.deleteAfterDays !== undefined &&
              age > action.lifecycle.deleteAfterDays
            )
              continue;
            const jobCreated = addMs(completionDate, HOUR / 4);
            const rejection = copyRejection(
              index,
              resource,
              key.keyArn,
              action.destinationBackupVaultArn,
              action.lifecycle,
            );
            const destination = index.vaultsByArn.get(
              action.destinationBackupVaultArn,
            );
            const job: DerivedCopyJob = {
              copyJobId: rng.uuid().toUpperCase(),
              accountId: vault.accountId,
              region: vault.region,
              state: rejection ? 'FAILED' : 'COMPLETED',
              statusMessage: rejection?.message,
              failedBy: rejection?.rule,
              resourceArn: resource.arn,
              resourceType: resource.type,
              resourceName: resource.name,
              sourceBackupVaultArn: vault.arn,
              sourceRecoveryPointArn: primary.recoveryPointArn,
              destinationBackupVaultArn: action.destinationBackupVaultArn,
              destinationVaultType: destination?.type,
              destinationRecoveryPointLifecycle: action.lifecycle,
              creationDate: jobCreated,
              completionDate: addMs(jobCreated, rejection ? 60_000 : HOUR),
              backupSizeInBytes: size,
              iamRoleArn: role,
              createdBy: createdBy(plan, rule),
            };
            if (!rejection && destination) {
              const copyKey = copyPointKey(index, resource, key, destination);
              const copy: DerivedRecoveryPoint = {
                ...primary,
                ...pointIdentity(resource, destination, rng.uuid()),
                sourceBackupVaultArn: vault.arn,
                creationDate: jobCreated,
                completionDate: job.completionDate!,
                lifecycle: action.lifecycle,
                calculatedLifecycle: calculatedLifecycle(
                  jobCreated,
                  action.lifecycle,
                ),
                isEncrypted: copyKey.keyArn !== undefined,
                encryptionKeyArn: copyKey.keyArn,
                encryptionKeyType: keyType(destination, copyKey.keyArn),
                keyRule: copyKey.rule,
              };
              recoveryPoints.push(copy);
              job.destinationRecoveryPointArn = copy.recoveryPointArn;
              job.destinationEncryptionKeyArn = copy.encryptionKeyArn;
            }
            copyJobs.push(job);
          }
        }
      }
    }
  }

  for (const started of estate.startedCopyJobs ?? []) {
    deriveStartedCopies(index, started, recoveryPoints, copyJobs);
  }

  for (const manual of estate.manualRecoveryPoints) {
    const resource = estate.resources.find(r => r.arn === manual.resourceArn);
    const vault = index.vaultsByArn.get(manual.vaultArn);
    if (!resource || !vault) continue;
    const rng = rngFor(
      estate.seed,
      manual.resourceArn,
      manual.vaultArn,
      manual.creationDate,
    );
    const unmanaged = dynamoDbUnmanaged(
      estate,
      resource.accountId,
      resource.region,
      resource.type,
    );
    const key = primaryPointKey(
      resource,
      vault,
      manual.creationDate,
      unmanaged,
    );
    const lifecycle = manual.deleteAfterDays
      ? { deleteAfterDays: manual.deleteAfterDays }
      : undefined;
    recoveryPoints.push({
      ...pointIdentity(resource, vault, rng.uuid(), unmanaged),
      iamRoleArn: `arn:aws:iam::${vault.accountId}:role/service-role/AWSBackupDefaultServiceRole`,
      status: 'COMPLETED',
      creationDate: manual.creationDate,
      completionDate: addMs(manual.creationDate, HOUR / 2),
      backupSizeInBytes: 1_000_000_000,
      lifecycle,
      calculatedLifecycle: calculatedLifecycle(manual.creationDate, lifecycle),
      ...pointEncryption(vault, key),
    });
  }

  return {
    recoveryPoints,
    copyJobs,
    protectedResources: protectedResources(recoveryPoints),
  };
}

/**
 * Copy jobs started outside plans (StartCopyJob) in the source vault's account, one per point
 * there: a copy's `SourceBackupVaultArn` is the vault it was copied from, its `ResourceArn` the
 * original resource; no `CreatedBy` (no plan made it) and no `ParentRecoveryPointArn` (AWS keeps
 * that for composite points). The job (`ListCopyJobs` in the source account) links the source
 * point to the copy.
 */
function deriveStartedCopies(
  index: EstateIndex,
  started: SimStartedCopyJobs,
  recoveryPoints: DerivedRecoveryPoint[],
  copyJobs: DerivedCopyJob[],
) {
  const estate = index.estate;
  const source = index.vaultsByArn.get(started.sourceBackupVaultArn);
  if (!source) return;
  const destination = index.vaultsByArn.get(started.destinationBackupVaultArn);
  const sourcePoints = recoveryPoints.filter(
    p =>
      p.backupVaultArn === source.arn &&
      (!started.resourceArns || started.resourceArns.includes(p.resourceArn)),
  );
  for (const point of sourcePoints) {
    const resource = estate.resources.find(r => r.arn === point.resourceArn);
    if (!resource) continue;
    const rng = rngFor(
      estate.seed,
      started.sourceBackupVaultArn,
      started.destinationBackupVaultArn,
      point.recoveryPointArn,
    );
    const jobCreated = addMs(
      point.completionDate,
      (started.delayHours ?? 2) * HOUR,
    );
    if (jobCreated > estate.now) continue;
    const deleteAfter = started.lifecycle?.deleteAfterDays;
    if (
      deleteAfter !== undefined &&
      Date.parse(estate.now) - Date.parse(jobCreated) > deleteAfter * 24 * HOUR
    )
      continue;
    const rejection = copyRejection(
      index,
      resource,
      point.encryptionKeyArn,
      started.destinationBackupVaultArn,
      started.lifecycle,
      source.accountId,
    );
    const job: DerivedCopyJob = {
      copyJobId: rng.uuid().toUpperCase(),
      accountId: source.accountId,
      region: source.region,
      state: rejection ? 'FAILED' : 'COMPLETED',
      statusMessage: rejection?.message,
      failedBy: rejection?.rule,
      resourceArn: resource.arn,
      resourceType: resource.type,
      resourceName: resource.name,
      sourceBackupVaultArn: source.arn,
      sourceRecoveryPointArn: point.recoveryPointArn,
      destinationBackupVaultArn: started.destinationBackupVaultArn,
      destinationVaultType: destination?.type,
      destinationRecoveryPointLifecycle: started.lifecycle,
      creationDate: jobCreated,
      completionDate: addMs(jobCreated, rejection ? 60_000 : HOUR),
      backupSizeInBytes: point.backupSizeInBytes,
      iamRoleArn: started.iamRoleArn,
    };
    if (!rejection && destination) {
      const copyKey = copyPointKey(
        index,
        resource,
        { keyArn: point.encryptionKeyArn },
        destination,
      );
      const copy: DerivedRecoveryPoint = {
        ...pointIdentity(resource, destination, rng.uuid()),
        sourceBackupVaultArn: source.arn,
        iamRoleArn: started.iamRoleArn,
        status: 'COMPLETED',
        creationDate: jobCreated,
        completionDate: job.completionDate!,
        backupSizeInBytes: point.backupSizeInBytes,
        lifecycle: started.lifecycle,
        calculatedLifecycle: calculatedLifecycle(jobCreated, started.lifecycle),
        isEncrypted: copyKey.keyArn !== undefined,
        encryptionKeyArn: copyKey.keyArn,
        encryptionKeyType: keyType(destination, copyKey.keyArn),
        keyRule: copyKey.rule,
      };
      recoveryPoints.push(copy);
      job.destinationRecoveryPointArn = copy.recoveryPointArn;
      job.destinationEncryptionKeyArn = copy.encryptionKeyArn;
    }
    copyJobs.push(job);
  }
}

/** ListProtectedResources: every resource with a recovery point in the account and region. */
function protectedResources(
  points: DerivedRecoveryPoint[],
): DerivedProtectedResource[] {
  const latest = new Map<string, DerivedRecoveryPoint>();
  for (const p of points) {
    const k = `${p.accountId}|${p.region}|${p.resourceArn}`;
    const current = latest.get(k);
    if (!current || current.creationDate < p.creationDate) latest.set(k, p);
  }
  return [...latest.values()].map(p => ({
    accountId: p.accountId,
    region: p.region,
    resourceArn: p.resourceArn,
    resourceType: p.resourceType,
    resourceName: p.resourceName,
    lastBackupTime: p.creationDate,
    lastBackupVaultArn: p.backupVaultArn,
    lastRecoveryPointArn: p.recoveryPointArn,
  }));
}
