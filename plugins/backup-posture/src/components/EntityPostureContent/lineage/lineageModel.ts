/**
 * Turns the chains of an entity's posture into graphs to draw and lists to read: the nodes
 * (./graphNodes.ts), the arrows (./graphEdges.ts), an Azure vault's key vault and key
 * (./azureKeyNodes.ts), and the lanes (account × region) that colour them.
 */
import { LineageChain } from '@backup-posture/plugin-backup-posture-common';
import { azureKeyNodes } from './azureKeyNodes';
import { edgeInto } from './graphEdges';
import { breakCycles, identify, linkNode, PlaceLabels } from './graphNodes';
import {
  LineageGraph,
  LineageGraphEdge,
  LineageGraphNode,
  LineageLane,
  LineageOverview,
} from './graphTypes';

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
