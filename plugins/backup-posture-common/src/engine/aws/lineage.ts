/**
 * Key lineage (rule A5) as a graph: for every protected resource, the source, each vault holding a
 * primary point (edge: the backup rule) and each vault holding a copy (edge: the copy action or
 * the copy job that made it, from the vault it was copied from), across hops and accounts. Every
 * node keeps the key the configuration predicts (A1, A4, B4, B5) beside the key its newest recovery
 * point shows.
 */
import {
  AwsCopyJobFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../../inventory';
import {
  LineageChain,
  LineageEdge,
  LineageKey,
  LineageLink,
} from '../../posture';
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
import { lineageKeyRead } from '../keyFreshness';

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
  /** The account the copy leaves (the resource's for a first copy, the parent vault's after). */
  fromAccount: string = resource.accountId,
): { key?: LineageKey; issues: LineageLink['issues']; blocked?: boolean } {
  const dest = parseArn(destVaultArn);
  const destVault = ctx.vault(destVaultArn);
  const issues: LineageLink['issues'] = [];
  if (!dest || !destVault) return { issues };
  const destKey = ctx.keys.resolveVaultKey(destVault);
  const crossAccount = dest.account !== fromAccount;
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

function vaultNode(
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

/** How a copy may have reached a vault, strongest evidence first. */
interface CopyCandidate {
  from: string;
  via: LineageEdge;
  /** 0: a recovery point says it was copied from there; 1: a copy job; 2: a copy action. */
  evidence: number;
  at: string;
  job?: AwsCopyJobFact;
  configured?: boolean;
}

/** Strongest evidence first (lowest `evidence`), the newest first among equals. */
function byEvidence(a: CopyCandidate, b: CopyCandidate): number {
  return a.evidence - b.evidence || b.at.localeCompare(a.at);
}

/** The key of a node as the next hop sees it: what its newest point shows, else the prediction. */
const keyOf = (node: LineageLink): LineageKey =>
  // Stryker disable next-line ObjectLiteral: equivalent, the next hop reads only an aws-managed manager (B4) and an ARN (replica), which a key without a manager has neither of
  node.observedKey ?? node.expectedKey ?? { manager: 'unknown' };

/** How many copy hops lineage follows from a primary vault. */
export const MAX_COPY_HOPS = 4;

function sourceNode(
  ctx: AwsContext,
  resource: AwsResourceFact,
  primaries: AwsRecoveryPointFact[],
): { node: LineageLink; sourceKey: LineageKey } {
  const model = encryptionModelOf(resource.resourceType);
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

function setCopyState(
  node: LineageLink,
  chosen: CopyCandidate,
  jobs: AwsCopyJobFact[],
  parentHasPoint: boolean,
): void {
  const job = newest(
    jobs.filter(
      j =>
        j.destinationBackupVaultArn === node.vaultArn &&
        j.sourceBackupVaultArn === chosen.from,
    ),
  );
  if (job) node.via = { ...node.via!, state: job.state };
  if (job && /FAILED|ABORTED/.test(job.state)) {
    node.copyState = 'failed';
    node.copyStatusMessage = job.statusMessage;
    const known = explainAwsMessage(job.statusMessage);
    node.issues.push({
      rule: known?.rules[0] ?? 'B9',
      message: `latest copy job ${job.state}${job.statusMessage ? `: ${job.statusMessage}` : ''}`,
    });
  } else if (node.recoveryPointArn || job?.state === 'COMPLETED') {
    node.copyState = 'completed';
  } else if (chosen.configured && parentHasPoint) {
    node.copyState = 'missing';
  } else {
    node.copyState = 'configured';
  }
}

/** The lineage graph of one resource. */
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
  const jobs = ctx.aws.copyJobs.filter(j => j.resourceArn === resource.arn);
  const rules = ctx.protectingRules(resource);
  const { node: source, sourceKey } = sourceNode(ctx, resource, primaries);
  // The vault nodes placed so far, by vault ARN (what copies name as the vault they came from).
  const nodes = new Map<string, LineageLink>();
  const links: LineageLink[] = [source];
  const newestIn = (list: AwsRecoveryPointFact[], vaultArn: string) =>
    newest(list.filter(p => p.backupVaultArn === vaultArn));

  // Primary vaults: the rules' targets, and any vault holding a primary point.
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

  // Copies: every way a copy may have reached a vault, then each vault placed under the parent
  // the strongest evidence names, hop by hop from the primaries.
  const candidates = new Map<string, CopyCandidate[]>();
  const addCandidate = (to: string, c: CopyCandidate) => {
    if (to === c.from) return;
    const list = candidates.get(to);
    if (list) list.push(c);
    else candidates.set(to, [c]);
  };
  for (const p of copies) {
    addCandidate(p.backupVaultArn, {
      from: p.sourceBackupVaultArn!,
      via: { kind: 'copy-job', label: 'copy (seen on the recovery point)' },
      evidence: 0,
      at: p.creationDate,
    });
  }
  for (const j of jobs) {
    addCandidate(j.destinationBackupVaultArn, {
      from: j.sourceBackupVaultArn,
      // Stryker disable next-line ObjectLiteral: equivalent, a copy placed on a job's evidence always takes its edge from the newest job between the same vaults (below)
      via: { kind: 'copy-job', label: `copy job ${j.copyJobId}` },
      evidence: 1,
      at: j.creationDate,
      job: j,
    });
  }
  for (const { plan, rule } of rules) {
    for (const action of rule.copyActions) {
      addCandidate(action.destinationBackupVaultArn, {
        from: ctx.ruleTargetVaultArn(plan, rule),
        via: {
          kind: 'copy-action',
          label: `${plan.planName} / ${rule.ruleName}`,
        },
        evidence: 2,
        at: '',
        configured: true,
      });
    }
  }
  for (let hop = 0; hop < MAX_COPY_HOPS; hop++) {
    const placed: LineageLink[] = [];
    for (const [to, list] of candidates) {
      if (nodes.has(to)) continue;
      const ordered = [...list].sort(byEvidence);
      // The strongest evidence decides the parent: wait until that parent is placed, and only on
      // the last hop settle for weaker evidence whose parent is.
      const lastHop = hop === MAX_COPY_HOPS - 1;
      let chosen: CopyCandidate | undefined;
      if (nodes.has(ordered[0].from)) chosen = ordered[0];
      else if (lastHop) chosen = ordered.find(c => nodes.has(c.from));
      if (!chosen) continue;
      const parent = nodes.get(chosen.from)!;
      // A copy job names the edge better than a bare point: use its id when one matches.
      const job = newest(
        jobs.filter(
          j =>
            j.destinationBackupVaultArn === to &&
            j.sourceBackupVaultArn === chosen.from,
        ),
      );
      const configured = list.find(c => c.configured && c.from === chosen.from);
      let via = chosen.via;
      if (configured) via = configured.via;
      else if (job)
        via = { kind: 'copy-job', label: `copy job ${job.copyJobId}` };
      const node = vaultNode(ctx, 'copy', to, parent, via);
      const fromKey = parent.kind === 'primary' ? sourceKey : keyOf(parent);
      const fromAccount =
        parent.kind === 'primary' ? resource.accountId : parent.account;
      const predicted = expectedCopyKey(
        ctx,
        resource,
        fromKey,
        to,
        fromAccount,
      );
      node.expectedKey = predicted.key;
      if (predicted.blocked) node.blocked = true;
      node.issues.push(...predicted.issues);
      const point = newestIn(copies, to);
      node.recoveryPointArn = point?.recoveryPointArn;
      node.recoveryPointCreatedAt = point?.creationDate;
      node.observedKey = observedKeyOf(ctx, point);
      setCopyState(
        node,
        { ...chosen, configured: Boolean(configured) },
        jobs,
        Boolean(parent.recoveryPointArn),
      );
      compareIssue(node);
      placed.push(node);
    }
    for (const node of placed) nodes.set(node.id, node);
    links.push(...placed);
  }
  return {
    resourceArn: resource.arn,
    resourceType: resource.resourceType,
    encryptionModel: model,
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
