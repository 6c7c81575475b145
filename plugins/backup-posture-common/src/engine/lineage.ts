/**
 * Key lineage (rule A5): for every protected resource, source key → primary recovery point key →
 * each copy's key, with the key the configuration predicts (A1, A4, B4, B5) beside the key the
 * newest recovery point shows.
 */
import {
  AwsCopyJobFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../inventory';
import { LineageChain, LineageKey, LineageLink } from '../posture';
import {
  describeKey,
  encryptionModelOf,
  EncryptionModel,
  fallbackAliasOf,
  parseArn,
  vaultNameFromArn,
} from './classify';
import { AwsContext } from './context';
import { explainAwsMessage } from './explanations';

const newest = <T extends { creationDate: string }>(
  items: T[],
): T | undefined =>
  [...items].sort((a, b) => b.creationDate.localeCompare(a.creationDate))[0];

/** Whether two keys are the same: by ARN, else by alias; undefined when it cannot be told. */
export function sameKey(
  expected: LineageKey | undefined,
  observed: LineageKey | undefined,
): boolean | undefined {
  if (!expected || !observed) return undefined;
  if (expected.manager === 'aws-owned' || observed.manager === 'aws-owned') {
    if (expected.manager === observed.manager) return true;
    if (expected.manager === 'unknown' || observed.manager === 'unknown')
      return undefined;
    return false;
  }
  if (expected.keyArn && observed.keyArn)
    return expected.keyArn === observed.keyArn;
  if (expected.alias && observed.alias)
    return expected.alias === observed.alias;
  // One side is known only by alias (e.g. the predicted aws/rds key, whose alias discovery could
  // not map to a key ARN): a different manager is a mismatch; the same AWS-managed kind matches.
  if (expected.manager === 'unknown' || observed.manager === 'unknown')
    return undefined;
  if (expected.manager !== observed.manager) return false;
  return expected.manager === 'aws-managed' ? true : undefined;
}

/** The key a copy into `destVaultArn` should get (A4, B4, B5), with the problems it predicts. */
export function expectedCopyKey(
  ctx: AwsContext,
  resource: AwsResourceFact,
  sourceKey: LineageKey,
  destVaultArn: string,
): { key?: LineageKey; issues: LineageLink['issues']; blocked?: boolean } {
  const dest = parseArn(destVaultArn);
  const destVault = ctx.vault(destVaultArn);
  const issues: LineageLink['issues'] = [];
  if (!dest || !destVault) return { issues };
  const destKey = ctx.keys.resolveVaultKey(destVault);
  const crossAccount = dest.account !== resource.accountId;
  const model = encryptionModelOf(resource.resourceType);
  if (
    crossAccount &&
    destKey.manager !== 'customer' &&
    destKey.manager !== 'unknown' &&
    destVault.vaultType !== 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
  ) {
    issues.push({
      rule: 'B5',
      message: `cross-account destination vault ${destVault.name} uses ${describeKey(destKey)}; it needs a customer-managed key`,
    });
  }
  if (
    model !== 'source-dependent' ||
    destVault.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
  ) {
    return { key: model === 'unknown' ? undefined : destKey, issues };
  }
  if (crossAccount && sourceKey.manager === 'aws-managed') {
    issues.push({
      rule: 'B4',
      message: `${resource.resourceType} is encrypted with ${describeKey(sourceKey)}: it cannot be copied to account ${dest.account} (AWS-managed keys cannot be shared)`,
    });
    return { issues, blocked: true };
  }
  if (destKey.manager === 'aws-managed') {
    const alias = fallbackAliasOf(resource.resourceType) ?? 'alias/aws/rds';
    const fallback = ctx.keys.findByAlias(alias, dest.account, dest.region);
    const key: LineageKey = {
      keyArn: fallback?.arn,
      alias,
      manager: 'aws-managed',
      keyState: fallback?.keyState,
    };
    let message = `destination vault ${destVault.name} uses ${describeKey(destKey)}: ${resource.resourceType} copies get ${alias}, not a customer-managed key`;
    const replica = sourceKey.keyArn
      ? ctx.keys.findMultiRegionRelative(sourceKey.keyArn, dest.region)
      : undefined;
    if (replica) {
      message += `; the multi-region replica ${replica.arn} in ${dest.region} is not used (create the destination vault with it)`;
    }
    issues.push({ rule: 'A4', message });
    return { key, issues };
  }
  return { key: destKey, issues };
}

function observedKeyOf(
  ctx: AwsContext,
  point: AwsRecoveryPointFact | undefined,
) {
  if (!point || !point.isEncrypted) return undefined;
  return ctx.keys.resolve(
    point.encryptionKeyArn,
    point.encryptionKeyType,
    point.accountId,
  );
}

function compareIssue(link: LineageLink): void {
  const same = sameKey(link.expectedKey, link.observedKey);
  if (same === false) {
    link.issues.push({
      rule: 'A5',
      message: `expected ${describeKey(link.expectedKey)}, got ${describeKey(link.observedKey)}`,
    });
  }
  if (link.recoveryPointArn && !link.observedKey) {
    link.issues.push({
      rule: 'A2',
      message: 'the newest recovery point here is not encrypted',
    });
  }
}

function vaultLink(
  ctx: AwsContext,
  kind: 'primary' | 'copy',
  vaultArn: string,
): LineageLink {
  const vault = ctx.vault(vaultArn);
  const parsed = parseArn(vaultArn);
  return {
    kind,
    cloud: 'aws',
    account: vault?.accountId ?? parsed?.account ?? 'unknown',
    region: vault?.region ?? parsed?.region ?? 'unknown',
    vaultArn,
    vaultName: vault?.name ?? vaultNameFromArn(vaultArn),
    vaultType: vault?.vaultType,
    issues: [],
  };
}

function latestJob(jobs: AwsCopyJobFact[]): AwsCopyJobFact | undefined {
  return newest(jobs);
}

function pseudoResource(point: AwsRecoveryPointFact): AwsResourceFact {
  const parsed = parseArn(point.resourceArn);
  return {
    arn: point.resourceArn,
    resourceType: point.resourceType,
    accountId: parsed?.account || point.accountId,
    region: parsed?.region || point.region,
    tags: {},
    matchedBy: 'arn',
  };
}

/** The lineage chain of one resource. */
export function buildChain(
  ctx: AwsContext,
  resource: AwsResourceFact,
): LineageChain {
  const model: EncryptionModel = encryptionModelOf(resource.resourceType);
  const points = ctx.aws.recoveryPoints.filter(
    p => p.resourceArn === resource.arn,
  );
  const primaries = points.filter(p => !p.sourceBackupVaultArn);
  const copies = points.filter(p => p.sourceBackupVaultArn);
  // A1: a source-dependent type's primary point keeps the source key, so when discovery does not
  // know the resource's own key, the newest primary point in a standard vault tells it.
  const inferredSourceKeyArn =
    !resource.encryptionKeyArn && model === 'source-dependent'
      ? newest(
          primaries.filter(
            p =>
              p.encryptionKeyArn &&
              ctx.vault(p.backupVaultArn)?.vaultType !==
                'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
          ),
        )?.encryptionKeyArn
      : undefined;
  const sourceKeyArn = resource.encryptionKeyArn ?? inferredSourceKeyArn;
  const sourceKey = ctx.keys.resolve(
    sourceKeyArn,
    undefined,
    resource.accountId,
  );
  const links: LineageLink[] = [
    {
      kind: 'source',
      cloud: 'aws',
      account: resource.accountId,
      region: resource.region,
      observedKey: sourceKeyArn
        ? { ...sourceKey, ...(inferredSourceKeyArn ? { inferred: true } : {}) }
        : undefined,
      issues: [],
    },
  ];
  const jobs = ctx.aws.copyJobs.filter(j => j.resourceArn === resource.arn);
  const rules = ctx.protectingRules(resource);

  const primaryVaults = new Set<string>();
  for (const { plan, rule } of rules)
    primaryVaults.add(ctx.ruleTargetVaultArn(plan, rule));
  for (const p of primaries) primaryVaults.add(p.backupVaultArn);
  for (const vaultArn of primaryVaults) {
    const link = vaultLink(ctx, 'primary', vaultArn);
    const vault = ctx.vault(vaultArn);
    const usesVaultKey =
      model === 'independent' ||
      vault?.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT';
    if (usesVaultKey)
      link.expectedKey = vault ? ctx.keys.resolveVaultKey(vault) : undefined;
    else if (model === 'source-dependent') link.expectedKey = sourceKey;
    const point = newest(primaries.filter(p => p.backupVaultArn === vaultArn));
    link.recoveryPointArn = point?.recoveryPointArn;
    link.recoveryPointCreatedAt = point?.creationDate;
    link.observedKey = observedKeyOf(ctx, point);
    compareIssue(link);
    links.push(link);
  }

  const copyTargets = new Map<string, string>(); // destination → source vault
  for (const { plan, rule } of rules) {
    for (const action of rule.copyActions) {
      copyTargets.set(
        action.destinationBackupVaultArn,
        ctx.ruleTargetVaultArn(plan, rule),
      );
    }
  }
  const configured = new Set(copyTargets.keys());
  for (const c of copies) {
    if (!copyTargets.has(c.backupVaultArn))
      copyTargets.set(c.backupVaultArn, c.sourceBackupVaultArn!);
  }
  for (const [destArn, sourceVaultArn] of copyTargets) {
    const link = vaultLink(ctx, 'copy', destArn);
    const predicted = expectedCopyKey(ctx, resource, sourceKey, destArn);
    link.expectedKey = predicted.key;
    link.issues.push(...predicted.issues);
    const point = newest(copies.filter(p => p.backupVaultArn === destArn));
    link.recoveryPointArn = point?.recoveryPointArn;
    link.recoveryPointCreatedAt = point?.creationDate;
    link.observedKey = observedKeyOf(ctx, point);
    const job = latestJob(
      jobs.filter(j => j.destinationBackupVaultArn === destArn),
    );
    const hasPrimary = primaries.some(p => p.backupVaultArn === sourceVaultArn);
    if (job && /FAILED|ABORTED/.test(job.state)) {
      link.copyState = 'failed';
      link.copyStatusMessage = job.statusMessage;
      const known = explainAwsMessage(job.statusMessage);
      link.issues.push({
        rule: known?.rules[0] ?? 'B9',
        message: `latest copy job ${job.state}${job.statusMessage ? `: ${job.statusMessage}` : ''}`,
      });
    } else if (point || job?.state === 'COMPLETED') {
      link.copyState = 'completed';
    } else if (configured.has(destArn) && hasPrimary) {
      link.copyState = 'missing';
    } else {
      link.copyState = 'configured';
    }
    compareIssue(link);
    links.push(link);
  }
  return {
    resourceArn: resource.arn,
    resourceType: resource.resourceType,
    encryptionModel: model,
    links,
  };
}

/** Key lineage of every resource of the entity (and of recovery points of resources not listed). */
export function buildLineage(ctx: AwsContext): LineageChain[] {
  const resources = [...ctx.aws.resources];
  const known = new Set(resources.map(r => r.arn));
  for (const p of ctx.aws.recoveryPoints) {
    if (!known.has(p.resourceArn)) {
      known.add(p.resourceArn);
      resources.push(pseudoResource(p));
    }
  }
  return resources
    .sort((a, b) => a.arn.localeCompare(b.arn))
    .map(r => buildChain(ctx, r));
}
