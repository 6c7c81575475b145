import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import { LineageChain } from '@backup-posture/plugin-backup-posture-common';
import { describeKey } from '../shared';
import { LineageLayout, effectiveKey, keyMismatchText } from './lineageModel';

const LINK_WORDS = {
  source: 'Source',
  primary: 'Primary backup',
  copy: 'Copy',
};
const MODEL_WORDS = {
  independent: 'independent encryption: backups use the vault key',
  'source-dependent':
    'source-dependent encryption: the primary backup keeps the source key',
  unknown: 'encryption model unknown',
};

/** Every chain as text: source → primary → copies, each arrow labelled with its key. */
export function LineageChainList(props: {
  chains: LineageChain[];
  layout: LineageLayout;
}) {
  const { chains, layout } = props;
  const labelOf = new Map(layout.nodes.map(n => [n.id, n.label]));
  return (
    <Box>
      {chains.map((chain, chainIndex) => (
        <Box
          key={chain.resourceArn}
          mb={2}
          component="section"
          aria-label={`Lineage of ${chain.resourceArn}`}
        >
          <Typography variant="subtitle2">
            {chain.resourceType} {chain.resourceArn}
          </Typography>
          <Typography variant="caption" display="block">
            {MODEL_WORDS[chain.encryptionModel]}
          </Typography>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {chain.links.map((link, linkIndex) => {
              const mismatch = keyMismatchText(link);
              const problems = [
                ...(mismatch ? [mismatch] : []),
                ...link.issues.map(
                  issue => `${issue.message} (rule ${issue.rule})`,
                ),
              ];
              const nodeLabel = labelOf.get(
                layout.chainNodeIds[chainIndex][linkIndex],
              );
              return (
                <li key={linkIndex}>
                  <Typography variant="body2" component="span">
                    {linkIndex > 0 ? '→ ' : ''}
                    {link.cloud === 'azure'
                      ? 'Recovery Services vault'
                      : LINK_WORDS[link.kind]}{' '}
                    [{nodeLabel}]: {link.account} / {link.region}
                    {link.vaultName ? ` / ${link.vaultName}` : ''} — key{' '}
                    {describeKey(effectiveKey(link))}
                    {link.copyState && link.kind === 'copy'
                      ? ` — copy ${link.copyState}`
                      : ''}
                    {link.copyStatusMessage
                      ? `: ${link.copyStatusMessage}`
                      : ''}
                  </Typography>
                  {problems.map(problem => (
                    <Box
                      key={problem}
                      display="flex"
                      alignItems="center"
                      ml={2}
                    >
                      <WarningIcon
                        fontSize="small"
                        style={{ color: '#b26a00' }}
                        aria-hidden
                      />
                      <Box ml={0.5}>
                        <Typography variant="body2" component="span">
                          Warning: {problem}
                        </Typography>
                      </Box>
                    </Box>
                  ))}
                </li>
              );
            })}
          </ol>
        </Box>
      ))}
    </Box>
  );
}
