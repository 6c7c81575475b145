import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import StorageIcon from '@material-ui/icons/Storage';
import WarningIcon from '@material-ui/icons/Warning';
import { KeyManagerChip } from '../shared';
import { LineageLayout, LineageNode } from './lineageModel';
import { LineageLinkKind } from '@backup-posture/plugin-backup-posture-common';

const LINK_KIND_LABELS: Record<LineageLinkKind, string> = {
  source: 'Source',
  primary: 'Primary',
  copy: 'Copy',
};

const useStyles = makeStyles(theme => ({
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', minWidth: '100%' },
  th: {
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    textAlign: 'left',
    whiteSpace: 'nowrap',
    position: 'sticky',
    top: 0,
    background: theme.palette.background.paper,
  },
  rowHeader: {
    padding: theme.spacing(0.5, 1),
    borderRight: `1px solid ${theme.palette.divider}`,
    whiteSpace: 'nowrap',
    verticalAlign: 'top',
    position: 'sticky',
    left: 0,
    background: theme.palette.background.paper,
  },
  cell: {
    padding: theme.spacing(0.5),
    verticalAlign: 'top',
    borderBottom: `1px dashed ${theme.palette.divider}`,
    minWidth: 220,
  },
  node: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.5, 1),
    marginBottom: theme.spacing(0.5),
  },
  warningNode: {
    borderWidth: 2,
    borderStyle: 'dashed',
    borderColor: '#b26a00',
  },
}));

function NodeBox(props: { node: LineageNode }) {
  const { node } = props;
  const classes = useStyles();
  return (
    <div
      className={`${classes.node} ${node.hasIssues ? classes.warningNode : ''}`}
      data-testid="backup-posture-lineage-node"
    >
      <Box display="flex" alignItems="center">
        {node.hasIssues ? (
          <WarningIcon
            fontSize="small"
            style={{ color: '#b26a00' }}
            aria-label="has problems"
          />
        ) : (
          <StorageIcon fontSize="small" aria-hidden />
        )}
        <Box ml={0.5}>
          <Typography variant="body2">
            <strong>{node.label}</strong>{' '}
            {node.vaultType === 'RECOVERY_SERVICES_VAULT'
              ? 'Recovery Services vault'
              : LINK_KIND_LABELS[node.kind]}
            : {node.title}
            {node.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
              ? ' (air-gapped)'
              : ''}
          </Typography>
        </Box>
      </Box>
      {node.key && (
        <KeyManagerChip manager={node.key.manager} alias={node.key.alias} />
      )}
      {node.key?.keyVault && (
        <Typography
          variant="caption"
          display="block"
          data-testid="backup-posture-key-vault"
        >
          → key vault {node.key.keyVault.name}
          {node.key.keyVault.location
            ? ` (${node.key.keyVault.location})`
            : ''}{' '}
          → key{' '}
          {node.key.pinnedVersion
            ? `version ${node.key.pinnedVersion.slice(0, 8)}… (pinned)`
            : 'latest version (versionless URI)'}
        </Typography>
      )}
      {node.incoming.map(arrow => (
        <Typography key={arrow.from} variant="caption" display="block">
          {arrow.warning ? '⚠ ' : ''}← from {arrow.from} with {arrow.keyText}
        </Typography>
      ))}
    </div>
  );
}

/** Accounts as rows, regions as columns; only lanes that hold something; scrolls sideways. */
export function LineageLaneGrid(props: { layout: LineageLayout }) {
  const { layout } = props;
  const classes = useStyles();
  return (
    <div className={classes.scroller}>
      <table
        className={classes.table}
        aria-label="Key lineage by account and region"
      >
        <thead>
          <tr>
            <th className={classes.th} scope="col">
              Account or subscription \ Region
            </th>
            {layout.regions.map(region => (
              <th key={region} className={classes.th} scope="col">
                {region}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.accounts.map(account => (
            <tr key={account}>
              <th className={classes.rowHeader} scope="row">
                {account}
              </th>
              {layout.regions.map(region => (
                <td key={region} className={classes.cell}>
                  {(layout.cells.get(`${account}|${region}`) ?? []).map(
                    node => (
                      <NodeBox key={node.id} node={node} />
                    ),
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
