/**
 * The copies of a resource's key lineage graph (./lineage.ts): which vault each copy came from,
 * placed on the strongest evidence (the recovery point, a copy job, a copy action) up to
 * MAX_COPY_HOPS hops, and the state of the copy (B9 for a failed copy job).
 */
import { AwsCopyJobFact } from '../../inventory';
import { LineageEdge, LineageLink } from '../../posture';
import { AwsContext } from './context';
import { explainAwsMessage } from './explanations';
import {
  compareIssue,
  expectedCopyKey,
  keyOf,
  observedKeyOf,
} from './lineageKeys';
import { ChainFacts, newest, newestIn, vaultNode } from './lineageNodes';

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

/** How many copy hops lineage follows from a primary vault. */
export const MAX_COPY_HOPS = 4;

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

/**
 * Places the copies of a chain: every way a copy may have reached a vault, then each vault under
 * the parent the strongest evidence names, hop by hop from the primaries already in `nodes` (by
 * vault ARN; the copies are added to it). Returns the copy nodes in the order they were placed.
 */
export function placeCopies(
  ctx: AwsContext,
  { resource, rules, copies, jobs, sourceKey }: ChainFacts,
  nodes: Map<string, LineageLink>,
): LineageLink[] {
  const links: LineageLink[] = [];
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
  return links;
}
