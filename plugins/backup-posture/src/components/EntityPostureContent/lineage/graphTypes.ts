/** The lineage graph the entity tab draws and spells out, one per chain (./lineageModel.ts). */
import {
  CloudProvider,
  LineageChain,
  LineageEdge,
  LineageKey,
  LineageLink,
  LineageLinkKind,
} from '@backup-posture/plugin-backup-posture-common';

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
