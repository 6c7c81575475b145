import {
  CloudProvider,
  LineageChain,
  LineageEdge,
  LineageKey,
  LineageLink,
  LineageLinkKind,
} from '@backup-posture/plugin-backup-posture-common';
import { describeKey, formatTimestamp, shortArn } from '../shared';

/** What a graph node stands for: a lineage link, or (Azure) the key vault and key behind a vault. */
export type LineageNodeRole = LineageLinkKind | 'key-vault' | 'key';

/** One node of a chain's lineage graph, ready to draw and to spell out. */
export interface LineageGraphNode {
  /** Unique within its chain's graph. */
  id: string;
  /** Short reference shared by the graph and the text list, e.g. `N3`; one per place. */
  label: string;
  role: LineageNodeRole;
  cloud: CloudProvider;
  account: string;
  region: string;
  /** `${account}|${region}`: the lane that colours the node. */
  lane: string;
  /** Vault name, source resource, key vault or key. */
  title: string;
  /** Special vault types in words (`logically air-gapped`, `restore access`). */
  vaultKind?: string;
  /** The key that protects the data here (observed, else predicted). */
  key?: LineageKey;
  /** Set when the predicted and the observed key differ (rules A4, A5). */
  keyMismatch?: { expected: LineageKey; observed: LineageKey };
  /** Extra line for Azure key vault / key nodes (location, pinned version). */
  detail?: string;
  /** Problems, as sentences. */
  issues: string[];
  /** The node the data came from, when known and in this graph. */
  parentId?: string;
  /** True when a copy does not say where it came from (never guessed). */
  parentUnknown: boolean;
  depth: number;
  /** How the data got here from the parent. */
  via?: LineageEdge;
  copyState?: LineageLink['copyState'];
  copyStatusMessage?: string;
  /** Where the observed key was read from (e.g. `rds:DescribeDBClusters`). */
  keySource?: string;
  /** Why the observed key is not known (e.g. the describe call was denied). */
  keyUnknownReason?: string;
  /** B4: this copy cannot happen as configured. */
  blocked: boolean;
}

/** An arrow parent → child, labelled with the rule or copy job and its state. */
export interface LineageGraphEdge {
  from: string;
  to: string;
  /** The edge text in one line (DependencyGraph draws a label only when this is set). */
  label: string;
  /** Rule or copy job kind in words, e.g. `copy rule`. */
  kindText: string;
  /** Rule name / copy job id. */
  name?: string;
  state?: string;
  failed: boolean;
}

export interface LineageGraph {
  chain: LineageChain;
  nodes: LineageGraphNode[];
  edges: LineageGraphEdge[];
  /** False when the backend sent links without ids: parents are then taken from chain order. */
  parentsReported: boolean;
}

export interface LineageLane {
  lane: string;
  account: string;
  region: string;
  /** Index into the lane palette. */
  colour: number;
}

export interface LineageOverview {
  graphs: LineageGraph[];
  lanes: LineageLane[];
  accounts: string[];
  regions: string[];
  /** Distinct places (vaults, sources, key vaults, keys) across all chains. */
  placeCount: number;
}

const VIA_WORDS: Record<LineageEdge['kind'], string> = {
  'backup-rule': 'backup rule',
  'copy-action': 'copy rule',
  'copy-job': 'copy job',
};

const VAULT_KINDS: Record<string, string> = {
  LOGICALLY_AIR_GAPPED_BACKUP_VAULT: 'logically air-gapped vault',
  RESTORE_ACCESS_BACKUP_VAULT: 'restore access vault',
};

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

const MANAGER_WORDS: Record<LineageKey['manager'], string> = {
  customer: 'customer-managed',
  'aws-managed': 'AWS-managed',
  'aws-owned': 'AWS-owned',
  'platform-managed': 'Azure platform-managed',
  unknown: 'unknown manager:',
};

const ROLE_WORDS: Record<LineageNodeRole, string> = {
  source: 'Source',
  primary: 'Primary backup',
  copy: 'Copy',
  'key-vault': 'Key vault',
  key: 'Key',
};

/** What a node is, in words (an Azure vault is a Recovery Services vault, not a "primary"). */
export function roleWords(node: LineageGraphNode): string {
  return node.cloud === 'azure' && node.role === 'primary'
    ? 'Recovery Services vault'
    : ROLE_WORDS[node.role];
}

/** `customer-managed alias/payments`: manager first, then alias or key id. */
export function keyLabel(key?: LineageKey): string {
  if (!key) return 'unknown key';
  const name = key.alias ?? (key.keyArn ? shortArn(key.keyArn) : undefined);
  if (!name && key.manager === 'unknown') return 'unknown key';
  const inferred = key.inferred ? ' (inferred)' : '';
  return `${MANAGER_WORDS[key.manager]}${name ? ` ${name}` : ''}${inferred}`;
}

/**
 * A key whose read failed in the last scan, in words: when it was last read and why this read
 * failed, or that it was never read. Undefined for a key read in the last scan.
 */
export function keyReadText(key?: LineageKey): string | undefined {
  if (!key?.readError) return undefined;
  return key.lastReadAt
    ? `key last read ${formatTimestamp(key.lastReadAt)}; this scan's read failed: ${key.readError}`
    : `key never read: ${key.readError}`;
}

/** Whether a node shows its key's read: an Azure vault leaves it to its key node. */
export function showsKeyRead(node: LineageGraphNode): boolean {
  if (node.role === 'key') return true;
  return node.role !== 'key-vault' && !node.key?.keyVault;
}

function issueTexts(link: LineageLink): string[] {
  const mismatch = keyMismatchText(link);
  return [
    ...(mismatch ? [mismatch] : []),
    ...link.issues.map(issue => `${issue.message} (rule ${issue.rule})`),
  ];
}

/** The rule or job name without the words the kind already says (`copy job 7f3a` → `7f3a`). */
function edgeName(kindText: string, label?: string): string | undefined {
  const name = label?.trim();
  if (!name || kindText.toLowerCase().startsWith(name.toLowerCase()))
    return undefined;
  const prefix = `${kindText.toLowerCase()} `;
  return name.toLowerCase().startsWith(prefix)
    ? name.slice(prefix.length)
    : name;
}

function edgeOf(
  from: string,
  to: string,
  kindText: string,
  rawName?: string,
  state?: string,
): LineageGraphEdge {
  const name = edgeName(kindText, rawName);
  const label = [kindText, name, state ? `(${state})` : undefined]
    .filter(Boolean)
    .join(' ');
  return {
    from,
    to,
    label,
    kindText,
    name,
    state,
    failed: /fail|abort|block/i.test(state ?? ''),
  };
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
class PlaceLabels {
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
function identify(chain: LineageChain): {
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

function linkNode(
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

function edgeInto(node: LineageGraphNode): LineageGraphEdge | undefined {
  if (!node.parentId) return undefined;
  if (node.blocked) {
    return edgeOf(
      node.parentId,
      node.id,
      node.via ? VIA_WORDS[node.via.kind] : 'copy',
      node.via?.label,
      'BLOCKED (rule B4)',
    );
  }
  if (node.via) {
    return edgeOf(
      node.parentId,
      node.id,
      VIA_WORDS[node.via.kind],
      node.via.label,
      node.via.state ?? (node.role === 'copy' ? node.copyState : undefined),
    );
  }
  return edgeOf(
    node.parentId,
    node.id,
    node.role === 'primary' ? 'backup' : 'copy',
    undefined,
    node.role === 'copy' ? node.copyState : undefined,
  );
}

/** Azure: a vault's key vault and key as nodes of their own (vault → key vault → key version). */
function azureKeyNodes(
  vault: LineageGraphNode,
  labels: PlaceLabels,
): { nodes: LineageGraphNode[]; edges: LineageGraphEdge[] } {
  const key = vault.key;
  if (vault.cloud !== 'azure' || !key?.keyVault)
    return { nodes: [], edges: [] };
  const byRule = (rule: string) => (issue: string) =>
    issue.endsWith(`(rule ${rule})`);
  const kvIssues = vault.issues.filter(byRule('Z4'));
  const keyIssues = vault.issues.filter(byRule('Z5'));
  vault.issues = vault.issues.filter(
    issue => !kvIssues.includes(issue) && !keyIssues.includes(issue),
  );
  const kvRegion = key.keyVault.location ?? vault.region;
  const common = {
    cloud: vault.cloud,
    account: vault.account,
    region: kvRegion,
    lane: `${vault.account}|${kvRegion}`,
    parentUnknown: false,
    blocked: false,
    key,
  };
  const keyVault: LineageGraphNode = {
    ...common,
    id: `${vault.id}#key-vault`,
    label: labels.of(`azure-key-vault|${vault.account}|${key.keyVault.name}`),
    role: 'key-vault',
    title: key.keyVault.name,
    detail: key.keyVault.location
      ? `in ${key.keyVault.location}`
      : 'location unknown',
    issues: kvIssues,
    parentId: vault.id,
    depth: vault.depth + 1,
  };
  const keyName = key.alias?.split('/').pop() ?? 'key';
  const keyNode: LineageGraphNode = {
    ...common,
    id: `${vault.id}#key`,
    label: labels.of(`azure-key|${key.keyArn ?? keyVault.id}`),
    role: 'key',
    title: keyName,
    detail: key.pinnedVersion
      ? `version ${key.pinnedVersion.slice(0, 8)}… (pinned)`
      : 'latest version (versionless URI)',
    issues: keyIssues,
    parentId: keyVault.id,
    depth: vault.depth + 2,
  };
  return {
    nodes: [keyVault, keyNode],
    edges: [
      edgeOf(vault.id, keyVault.id, 'key held in'),
      edgeOf(keyVault.id, keyNode.id, 'key version'),
    ],
  };
}

/** Bad data could name parents in a circle: such a node loses its parent (shown as not reported). */
function breakCycles(nodes: LineageGraphNode[]): void {
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

function chainGraph(chain: LineageChain, labels: PlaceLabels): LineageGraph {
  const { ids, parents, reported } = identify(chain);
  const known = new Set(ids);
  const nodes: LineageGraphNode[] = [];
  const edges: LineageGraphEdge[] = [];
  chain.links.forEach((link, index) => {
    const parent = parents[index];
    const node = linkNode(
      chain,
      link,
      ids[index],
      parent && known.has(parent) && parent !== ids[index] ? parent : undefined,
      labels,
    );
    if (parent && !node.parentId) node.parentUnknown = true;
    if (!reported) node.depth = index;
    nodes.push(node);
  });
  breakCycles(nodes);
  for (const node of nodes) {
    const edge = edgeInto(node);
    if (edge) edges.push(edge);
  }
  for (const vault of [...nodes]) {
    const alreadyHasChildren = nodes.some(n => n.parentId === vault.id);
    if (alreadyHasChildren) continue;
    const extra = azureKeyNodes(vault, labels);
    nodes.push(...extra.nodes);
    edges.push(...extra.edges);
  }
  return { chain, nodes, edges, parentsReported: reported };
}

const UUID = /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi;

/** Long ids (copy jobs, plans, AWS-owned keys) cut to their first block, for the drawing only. */
export function shortenIds(text: string): string {
  return text.replace(UUID, id => `${id.slice(0, 8)}…`);
}

/** Turns chains into one graph each, with lanes (account × region) coloured consistently. */
export function buildLineageOverview(chains: LineageChain[]): LineageOverview {
  const labels = new PlaceLabels();
  const graphs = chains.map(chain => chainGraph(chain, labels));
  const laneMap = new Map<string, LineageLane>();
  for (const node of graphs.flatMap(g => g.nodes)) {
    if (!laneMap.has(node.lane)) {
      laneMap.set(node.lane, {
        lane: node.lane,
        account: node.account,
        region: node.region,
        colour: 0,
      });
    }
  }
  const lanes = [...laneMap.values()].sort((a, b) =>
    a.lane.localeCompare(b.lane),
  );
  lanes.forEach((lane, index) => {
    lane.colour = index;
  });
  const nodes = graphs.flatMap(g => g.nodes);
  return {
    graphs,
    lanes,
    accounts: [...new Set(nodes.map(n => n.account))].sort(),
    regions: [...new Set(nodes.map(n => n.region))].sort(),
    placeCount: labels.size,
  };
}
