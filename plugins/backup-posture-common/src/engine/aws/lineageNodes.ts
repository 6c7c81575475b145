/**
 * The nodes of a resource's key lineage graph (./lineage.ts): the facts a chain is drawn from, the
 * source node with the resource's own key, and a vault node.
 */
import {
  AwsCopyJobFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../../inventory';
import { LineageEdge, LineageKey, LineageLink } from '../../posture';
import { EncryptionModel, parseArn, vaultNameFromArn } from './classify';
import { AwsContext, ProtectingRule } from './context';

/** What one resource's chain is drawn from. */
export interface ChainFacts {
  resource: AwsResourceFact;
  model: EncryptionModel;
  /** Its recovery points made by a backup (no source vault). */
  primaries: AwsRecoveryPointFact[];
  /** Its recovery points made by a copy. */
  copies: AwsRecoveryPointFact[];
  jobs: AwsCopyJobFact[];
  rules: ProtectingRule[];
  /** The source's key, as the next hop sees it. */
  sourceKey: LineageKey;
}

export const newest = <T extends { creationDate: string }>(
  items: T[],
): T | undefined =>
  [...items].sort((a, b) => b.creationDate.localeCompare(a.creationDate))[0];

/** The newest of `list` in a vault. */
export function newestIn(
  list: AwsRecoveryPointFact[],
  vaultArn: string,
): AwsRecoveryPointFact | undefined {
  return newest(list.filter(p => p.backupVaultArn === vaultArn));
}

/** The source node: the resource with its own key, or the key its primary points show (A1). */
export function sourceNode(
  ctx: AwsContext,
  resource: AwsResourceFact,
  primaries: AwsRecoveryPointFact[],
): { node: LineageLink; sourceKey: LineageKey } {
  const { model } = ctx.encryptionModelOf(resource);
  // A1: a source-dependent type's primary point keeps the source key, so when discovery did not
  // read the resource's own key, the newest primary point in a standard vault tells it.
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
  const node: LineageLink = {
    id: 'source',
    depth: 0,
    kind: 'source',
    cloud: 'aws',
    account: resource.accountId,
    region: resource.region,
    observedKey: sourceKeyArn
      ? { ...sourceKey, ...(inferredSourceKeyArn ? { inferred: true } : {}) }
      : undefined,
    issues: [],
  };
  if (resource.encryptionKeySource && resource.encryptionKeyArn)
    node.keySource = resource.encryptionKeySource;
  if (resource.encryptionKeyError) {
    const why = `the resource's key could not be read: ${resource.encryptionKeyError.name}: ${resource.encryptionKeyError.message}`;
    node.keyUnknownReason = inferredSourceKeyArn
      ? `${why}; the key shown is inferred from its newest primary recovery point (A1)`
      : why;
  }
  return { node, sourceKey };
}

/** A vault node under `parent`, reached by `via`. */
export function vaultNode(
  ctx: AwsContext,
  kind: 'primary' | 'copy',
  vaultArn: string,
  parent: LineageLink,
  via: LineageEdge,
): LineageLink {
  const vault = ctx.vault(vaultArn);
  const parsed = parseArn(vaultArn);
  return {
    id: vaultArn,
    parentId: parent.id,
    via,
    depth: parent.depth + 1,
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
