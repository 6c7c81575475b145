import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LineageChain } from '@backup-posture/plugin-backup-posture-common';
import { LineageChainGraph } from './LineageChainGraph';
import { LineageChainList } from './LineageChainList';
import { LineageLegend } from './LineageLegend';
import { LineageGraph, LineageLane } from './graphTypes';
import { buildLineageOverview } from './lineageModel';

const MODEL_WORDS = {
  independent: 'independent encryption: backups use the vault key',
  'source-dependent':
    'source-dependent encryption: the primary backup keeps the source key',
  unknown: 'encryption model unknown',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One protected resource: its graph, then the same lineage as an indented list. */
function ChainSection(props: { graph: LineageGraph; lanes: LineageLane[] }) {
  const { graph, lanes } = props;
  const { chain } = graph;
  return (
    <Box
      mb={3}
      component="section"
      aria-label={`Lineage of ${chain.resourceArn}`}
    >
      <Typography variant="subtitle2">
        {chain.resourceType} {chain.resourceArn}
      </Typography>
      <Typography variant="caption" display="block">
        {MODEL_WORDS[chain.encryptionModel]}
        {chain.encryptionModelReason
          ? ` (A6: ${chain.encryptionModelReason})`
          : ''}
      </Typography>
      <LineageChainGraph graph={graph} lanes={lanes} />
      <LineageChainList graph={graph} />
    </Box>
  );
}

/** Key lineage: per protected resource, a graph of where its data is copied, then the same as text. */
export function LineageDiagram(props: { chains: LineageChain[] }) {
  const overview = useMemo(
    () => buildLineageOverview(props.chains),
    [props.chains],
  );
  if (props.chains.length === 0) {
    return (
      <Typography variant="body2">
        No protected resources, so no key lineage to show.
      </Typography>
    );
  }
  return (
    <Box data-testid="backup-posture-lineage">
      <Typography variant="body2" gutterBottom>
        {plural(overview.placeCount, 'place')} across{' '}
        {plural(overview.accounts.length, 'account')} and{' '}
        {plural(overview.regions.length, 'region')}. Arrows run from where the
        data was copied from; nodes with warnings are marked ⚠ and spelled out
        under each graph.
      </Typography>
      <LineageLegend lanes={overview.lanes} />
      {overview.graphs.map(graph => (
        <ChainSection
          key={graph.chain.resourceArn}
          graph={graph}
          lanes={overview.lanes}
        />
      ))}
    </Box>
  );
}
