import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LineageChain } from '@backup-posture/plugin-backup-posture-common';
import { LineageChainList } from './LineageChainList';
import { LineageLaneGrid } from './LineageLaneGrid';
import { layoutLineage } from './lineageModel';

/** Key lineage: lanes of vaults by account × region, then every chain spelled out as text. */
export function LineageDiagram(props: { chains: LineageChain[] }) {
  const layout = useMemo(() => layoutLineage(props.chains), [props.chains]);
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
        {layout.nodes.length} places across {layout.accounts.length} account
        {layout.accounts.length === 1 ? '' : 's'} and {layout.regions.length}{' '}
        region
        {layout.regions.length === 1 ? '' : 's'}. Warnings are marked ⚠ and
        spelled out below.
      </Typography>
      <LineageLaneGrid layout={layout} />
      <Box mt={2}>
        <Typography variant="h6" component="h3">
          Chains
        </Typography>
        <LineageChainList chains={props.chains} layout={layout} />
      </Box>
    </Box>
  );
}
