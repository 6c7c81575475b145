import {
  LineageChain,
  LineageKey,
  LineageLink,
} from '@backup-posture/plugin-backup-posture-common';
import { describeKey, shortArn } from '../shared';

/** A place where a copy of the data lives: a vault (or the source resource) in one account/region. */
export interface LineageNode {
  id: string;
  /** Short reference shown in the grid and the chain list, e.g. `N3`. */
  label: string;
  account: string;
  region: string;
  title: string;
  kind: LineageLink['kind'];
  vaultType?: string;
  key?: LineageKey;
  hasIssues: boolean;
  /** Arrows into this node: where the data came from and with which key. */
  incoming: Array<{ from: string; keyText: string; warning: boolean }>;
}

export interface LineageLayout {
  accounts: string[];
  regions: string[];
  nodes: LineageNode[];
  /** Node ids per `${account}|${region}` lane cell. */
  cells: Map<string, LineageNode[]>;
  /** Node id per chain link, in chain order. */
  chainNodeIds: string[][];
}

export function nodeIdOf(chain: LineageChain, link: LineageLink): string {
  const place = link.vaultArn ?? `source:${chain.resourceArn}`;
  return `${link.cloud}|${link.account}|${link.region}|${place}`;
}

/** The key that protects a link: what the newest recovery point shows, else the prediction. */
export function effectiveKey(link: LineageLink): LineageKey | undefined {
  return link.observedKey ?? link.expectedKey;
}

/** Text for a predicted-vs-observed key difference (rule A4/A5), or undefined when they agree. */
export function keyMismatchText(link: LineageLink): string | undefined {
  const { expectedKey, observedKey } = link;
  if (!expectedKey || !observedKey) return undefined;
  // An unknown prediction is no prediction: nothing to contradict.
  if (!expectedKey.keyArn && expectedKey.manager === 'unknown')
    return undefined;
  const sameArn =
    expectedKey.keyArn && observedKey.keyArn
      ? expectedKey.keyArn === observedKey.keyArn
      : true;
  if (sameArn && expectedKey.manager === observedKey.manager) return undefined;
  return `Key substitution: expected ${describeKey(expectedKey)}, got ${describeKey(observedKey)}`;
}

function nodeTitle(chain: LineageChain, link: LineageLink): string {
  if (link.kind === 'source')
    return `${chain.resourceType} ${shortArn(chain.resourceArn)}`;
  return (
    link.vaultName ??
    (link.vaultArn ? shortArn(link.vaultArn) : 'unknown vault')
  );
}

/** Lays chains out on account × region lanes, keeping only lanes that hold something. */
export function layoutLineage(chains: LineageChain[]): LineageLayout {
  const byId = new Map<string, LineageNode>();
  const chainNodeIds: string[][] = [];
  for (const chain of chains) {
    const ids: string[] = [];
    chain.links.forEach((link, index) => {
      const id = nodeIdOf(chain, link);
      let node = byId.get(id);
      if (!node) {
        node = {
          id,
          label: `N${byId.size + 1}`,
          account: link.account,
          region: link.region,
          title: nodeTitle(chain, link),
          kind: link.kind,
          vaultType: link.vaultType,
          key: effectiveKey(link),
          hasIssues: false,
          incoming: [],
        };
        byId.set(id, node);
      }
      const warning = link.issues.length > 0 || Boolean(keyMismatchText(link));
      node.hasIssues = node.hasIssues || warning;
      if (index > 0) {
        const from = byId.get(ids[index - 1])!;
        if (!node.incoming.some(i => i.from === from.label)) {
          node.incoming.push({
            from: from.label,
            keyText: describeKey(effectiveKey(link)),
            warning,
          });
        }
      }
      ids.push(id);
    });
    chainNodeIds.push(ids);
  }
  const nodes = [...byId.values()];
  const accounts = [...new Set(nodes.map(n => n.account))].sort();
  const regions = [...new Set(nodes.map(n => n.region))].sort();
  const cells = new Map<string, LineageNode[]>();
  for (const node of nodes) {
    const key = `${node.account}|${node.region}`;
    cells.set(key, [...(cells.get(key) ?? []), node]);
  }
  return { accounts, regions, nodes, cells, chainNodeIds };
}
