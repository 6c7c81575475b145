/**
 * The keys of a lineage graph's nodes: the key the configuration predicts for a copy (A4, B4, B5),
 * the key a node's newest recovery point shows, and whether the two are the same (A5, A2).
 */
import { AwsRecoveryPointFact, AwsResourceFact } from '../../inventory';
import { LineageKey, LineageLink } from '../../posture';
import {
  describeKey,
  fallbackAliasOf,
  isManagementDependent,
  parseArn,
} from './classify';
import { AwsContext } from './context';
import { lineageKeyRead } from '../keyFreshness';

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
  /** The account the copy leaves (the resource's for a first copy, the parent vault's after). */
  fromAccount: string = resource.accountId,
): { key?: LineageKey; issues: LineageLink['issues']; blocked?: boolean } {
  const issues: LineageLink['issues'] = [];
  const { model, reason } = ctx.encryptionModelOf(resource);
  if (
    model === 'source-dependent' &&
    isManagementDependent(resource.resourceType)
  ) {
    // A6: DynamoDB without full AWS Backup management keeps the table's key and has no copies.
    issues.push({ rule: 'A6', message: `no copy can be made: ${reason}` });
    return { issues, blocked: true };
  }
  const dest = parseArn(destVaultArn);
  const destVault = ctx.vault(destVaultArn);
  if (!dest || !destVault) return { issues };
  const destKey = ctx.keys.resolveVaultKey(destVault);
  const crossAccount = dest.account !== fromAccount;
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
      ...lineageKeyRead(fallback),
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

/** The key a node's newest recovery point shows: none when it is not encrypted. */
export function observedKeyOf(
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

/** A5 when the key a node shows is not the predicted one; A2 when its newest point is not encrypted. */
export function compareIssue(link: LineageLink): void {
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

/** The key of a node as the next hop sees it: what its newest point shows, else the prediction. */
export const keyOf = (node: LineageLink): LineageKey =>
  // Stryker disable next-line ObjectLiteral: equivalent, the next hop reads only an aws-managed manager (B4) and an ARN (replica), which a key without a manager has neither of
  node.observedKey ?? node.expectedKey ?? { manager: 'unknown' };
