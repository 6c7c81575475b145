/**
 * Key lineage (rule A5) as a graph: for every protected resource, the source, each vault holding a
 * primary point (edge: the backup rule) and each vault holding a copy (edge: the copy action or
 * the copy job that made it, from the vault it was copied from), across hops and accounts. Every
 * node keeps the key the configuration predicts (A1, A4, B4, B5) beside the key its newest recovery
 * point shows.
 *
 * The nodes are made in ./lineageNodes.ts, their keys predicted and compared in ./lineageKeys.ts,
 * the copies placed in ./lineageCopies.ts; here the primary vaults and the chain.
 */
import { AwsResourceFact } from '../../inventory';
import { LineageChain, LineageEdge, LineageLink } from '../../posture';
import { AwsContext } from './context';
import { placeCopies } from './lineageCopies';
import { compareIssue, observedKeyOf } from './lineageKeys';
import { ChainFacts, newestIn, sourceNode, vaultNode } from './lineageNodes';

/**
 * The primary vaults of a chain, under its source: the rules' targets, and any vault holding a
 * primary point. Adds them to `nodes` (by vault ARN).
 */
function placePrimaries(
  ctx: AwsContext,
  { model, rules, primaries, copies, jobs, sourceKey }: ChainFacts,
  source: LineageLink,
  nodes: Map<string, LineageLink>,
): LineageLink[] {
  const links: LineageLink[] = [];
  const primaryVia = new Map<string, LineageEdge>();
  for (const { plan, rule } of rules) {
    const arn = ctx.ruleTargetVaultArn(plan, rule);
    if (!primaryVia.has(arn))
      primaryVia.set(arn, {
        kind: 'backup-rule',
        label: `${plan.planName} / ${rule.ruleName}`,
      });
  }
  for (const p of primaries) {
    if (!primaryVia.has(p.backupVaultArn))
      primaryVia.set(p.backupVaultArn, {
        kind: 'backup-rule',
        label: p.createdBy?.backupPlanId
          ? `plan ${p.createdBy.backupPlanId}`
          : 'on-demand backup',
      });
  }
  // A vault copies were made from that no current rule targets and no point shows as primary
  // (the rule changed, the points expired) still held a primary: keep it as one. A vault that
  // points, jobs or a current copy action name as a copy destination is a copy, not a primary.
  const copiedFrom = [
    ...copies.map(p => p.sourceBackupVaultArn!),
    ...jobs.map(j => j.sourceBackupVaultArn),
  ];
  const copiedTo = new Set([
    ...copies.map(p => p.backupVaultArn),
    ...jobs.map(j => j.destinationBackupVaultArn),
    ...rules.flatMap(({ rule }) =>
      rule.copyActions.map(a => a.destinationBackupVaultArn),
    ),
  ]);
  for (const arn of copiedFrom) {
    if (!primaryVia.has(arn) && !copiedTo.has(arn))
      primaryVia.set(arn, { kind: 'backup-rule', label: 'earlier backup' });
  }
  for (const [vaultArn, via] of primaryVia) {
    const node = vaultNode(ctx, 'primary', vaultArn, source, via);
    const vault = ctx.vault(vaultArn);
    const usesVaultKey =
      model === 'independent' ||
      vault?.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT';
    if (usesVaultKey)
      node.expectedKey = vault ? ctx.keys.resolveVaultKey(vault) : undefined;
    else if (model === 'source-dependent') node.expectedKey = sourceKey;
    const point = newestIn(primaries, vaultArn);
    node.recoveryPointArn = point?.recoveryPointArn;
    node.recoveryPointCreatedAt = point?.creationDate;
    node.observedKey = observedKeyOf(ctx, point);
    compareIssue(node);
    nodes.set(node.id, node);
    links.push(node);
  }
  return links;
}

/** The lineage graph of one resource. */
export function buildChain(
  ctx: AwsContext,
  resource: AwsResourceFact,
): LineageChain {
  const { model, reason } = ctx.encryptionModelOf(resource);
  const points = ctx.aws.recoveryPoints.filter(
    p => p.resourceArn === resource.arn,
  );
  const primaries = points.filter(p => !p.sourceBackupVaultArn);
  const { node: source, sourceKey } = sourceNode(ctx, resource, primaries);
  const facts: ChainFacts = {
    resource,
    model,
    primaries,
    copies: points.filter(p => p.sourceBackupVaultArn),
    jobs: ctx.aws.copyJobs.filter(j => j.resourceArn === resource.arn),
    rules: ctx.protectingRules(resource),
    sourceKey,
  };
  // The vault nodes placed so far, by vault ARN (what copies name as the vault they came from).
  const nodes = new Map<string, LineageLink>();
  const links: LineageLink[] = [
    source,
    ...placePrimaries(ctx, facts, source, nodes),
    ...placeCopies(ctx, facts, nodes),
  ];
  return {
    resourceArn: resource.arn,
    resourceType: resource.resourceType,
    encryptionModel: model,
    ...(reason ? { encryptionModelReason: reason } : {}),
    links,
  };
}

/**
 * Key lineage of every resource of the entity. The context holds only the recovery points of the
 * entity's own resources (./reachability.ts), so every point belongs to one of these chains.
 */
export function buildLineage(ctx: AwsContext): LineageChain[] {
  return [...ctx.aws.resources]
    .sort((a, b) => a.arn.localeCompare(b.arn))
    .map(r => buildChain(ctx, r));
}
