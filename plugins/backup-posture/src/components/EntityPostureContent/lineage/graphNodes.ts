/**
 * The nodes of a lineage graph: one per link of a chain, with a short label per place shared by
 * all chains, parents as the backend reports them (else chain order) and never in a circle.
 */
import {
  LineageChain,
  LineageLink,
} from '@backup-posture/plugin-backup-posture-common';
import { shortArn } from '../../shared';
import { LineageGraphNode } from './graphTypes';
import { effectiveKey, keyMismatchText } from './lineageWords';

const VAULT_KINDS: Record<string, string> = {
  LOGICALLY_AIR_GAPPED_BACKUP_VAULT: 'logically air-gapped vault',
  RESTORE_ACCESS_BACKUP_VAULT: 'restore access vault',
};

function issueTexts(link: LineageLink): string[] {
  const mismatch = keyMismatchText(link);
  return [
    ...(mismatch ? [mismatch] : []),
    ...link.issues.map(issue => `${issue.message} (rule ${issue.rule})`),
  ];
}

function linkTitle(chain: LineageChain, link: LineageLink): string {
  if (link.kind === 'source')
    return `${chain.resourceType} ${shortArn(chain.resourceArn)}`;
  return (
    link.vaultName ??
    (link.vaultArn ? shortArn(link.vaultArn) : 'unknown vault')
  );
}

function placeOf(chain: LineageChain, link: LineageLink): string {
  const place = link.vaultArn ?? `source:${chain.resourceArn}`;
  return `${link.cloud}|${link.account}|${link.region}|${place}`;
}

/** Gives every place one short label (`N1`, `N2`…) shared by all chains. */
export class PlaceLabels {
  private readonly labels = new Map<string, string>();
  of(place: string): string {
    let label = this.labels.get(place);
    if (!label) {
      label = `N${this.labels.size + 1}`;
      this.labels.set(place, label);
    }
    return label;
  }
  get size(): number {
    return this.labels.size;
  }
}

/** Node ids and parents: the backend's when it sends ids, else (old backend) chain order. */
export function identify(chain: LineageChain): {
  ids: string[];
  parents: Array<string | undefined>;
  reported: boolean;
} {
  const links = chain.links as Array<Partial<LineageLink>>;
  const reported = links.some(link => typeof link.id === 'string');
  if (!reported) {
    const ids = links.map((_, index) => `link-${index}`);
    return {
      ids,
      parents: ids.map((_, index) => (index > 0 ? ids[index - 1] : undefined)),
      reported,
    };
  }
  const ids = links.map((link, index) => link.id ?? `link-${index}`);
  return { ids, parents: links.map(link => link.parentId), reported };
}

/** The node of one link of a chain. */
export function linkNode(
  chain: LineageChain,
  link: LineageLink,
  id: string,
  parentId: string | undefined,
  labels: PlaceLabels,
): LineageGraphNode {
  const mismatch =
    keyMismatchText(link) && link.expectedKey && link.observedKey
      ? { expected: link.expectedKey, observed: link.observedKey }
      : undefined;
  const hasSource = chain.links.some(l => l.kind === 'source');
  return {
    id,
    label: labels.of(placeOf(chain, link)),
    role: link.kind,
    cloud: link.cloud,
    account: link.account,
    region: link.region,
    lane: `${link.account}|${link.region}`,
    title: linkTitle(chain, link),
    vaultKind: link.vaultType ? VAULT_KINDS[link.vaultType] : undefined,
    key: effectiveKey(link),
    keyMismatch: mismatch,
    issues: issueTexts(link),
    parentId,
    parentUnknown: !parentId && link.kind !== 'source' && hasSource,
    depth: typeof link.depth === 'number' ? link.depth : 0,
    via: link.via,
    copyState: link.copyState,
    copyStatusMessage: link.copyStatusMessage,
    keySource: link.keySource,
    keyUnknownReason: link.keyUnknownReason,
    blocked: Boolean(link.blocked),
  };
}

/** Bad data could name parents in a circle: such a node loses its parent (shown as not reported). */
export function breakCycles(nodes: LineageGraphNode[]): void {
  const byId = new Map(nodes.map(n => [n.id, n]));
  for (const node of nodes) {
    const seen = new Set<string>([node.id]);
    let parent = node.parentId ? byId.get(node.parentId) : undefined;
    while (parent) {
      if (seen.has(parent.id)) {
        node.parentId = undefined;
        node.parentUnknown = true;
        break;
      }
      seen.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
  }
}
