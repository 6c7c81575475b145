import { useCallback, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import {
  LineageGraph,
  LineageGraphEdge,
  LineageGraphNode,
  LineageLane,
} from './graphTypes';
import { LineageNodeBox } from './LineageNodeBox';
import { LineageEdgeLabel } from './LineageEdgeLabel';
import { laneFill } from './lanePalette';

type GraphEdge = DependencyGraphTypes.DependencyEdge<LineageGraphEdge>;

/** One protected resource's lineage as a left-to-right dagre graph (source → primary → copies). */
export function LineageChainGraph(props: {
  graph: LineageGraph;
  lanes: LineageLane[];
}) {
  const { graph, lanes } = props;
  const fillOf = useMemo(() => {
    const byLane = new Map(
      lanes.map(lane => [lane.lane, laneFill(lane.colour)]),
    );
    return (lane: string) => byLane.get(lane) ?? laneFill(0);
  }, [lanes]);
  const renderNode = useCallback(
    ({ node }: DependencyGraphTypes.RenderNodeProps<LineageGraphNode>) => (
      <LineageNodeBox node={node} fill={fillOf(node.lane)} />
    ),
    [fillOf],
  );
  const renderLabel = useCallback(
    ({ edge }: DependencyGraphTypes.RenderLabelProps<LineageGraphEdge>) => (
      <LineageEdgeLabel edge={edge} />
    ),
    [],
  );
  const edges: GraphEdge[] = graph.edges;
  return (
    <Box data-testid="backup-posture-lineage-graph" position="relative">
      <DependencyGraph<LineageGraphNode, LineageGraphEdge>
        nodes={graph.nodes}
        edges={edges}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        labelPosition={DependencyGraphTypes.LabelPosition.CENTER}
        nodeMargin={16}
        rankMargin={24}
        paddingX={8}
        paddingY={8}
        renderNode={renderNode}
        renderLabel={renderLabel}
        showArrowHeads
        zoom="enable-on-click"
        allowFullscreen={false}
        role="img"
        aria-label={`Key lineage graph of ${graph.chain.resourceArn}; the list below says the same in words`}
      />
    </Box>
  );
}
