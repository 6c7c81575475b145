import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { describeKey } from '../../shared';
import { LineageGraph, LineageGraphEdge, LineageGraphNode } from './graphTypes';
import { keyLabel, keyReadText, roleWords } from './lineageWords';
import { WARNING_COLOUR } from './lanePalette';

const useStyles = makeStyles(theme => ({
  tree: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

/** The key in words, with Azure's key vault and version; a key known only by its manager says just that. */
function keyWords(node: LineageGraphNode): string {
  const key = node.key;
  const text =
    key && !key.alias && !key.keyArn ? keyLabel(key) : describeKey(key);
  const source = node.keySource ? `, read with ${node.keySource}` : '';
  const why = node.keyUnknownReason
    ? ` (not read: ${node.keyUnknownReason})`
    : '';
  const read = keyReadText(node.key);
  return `${text}${source}${why}${read ? ` (${read})` : ''}`;
}

function nodeWords(node: LineageGraphNode): string {
  const role = roleWords(node);
  if (node.role === 'key-vault' || node.role === 'key') {
    return `${role} [${node.label}]: ${node.title}${node.detail ? ` ${node.detail}` : ''}`;
  }
  const vault = node.role === 'source' ? '' : ` / ${node.title}`;
  const kind = node.vaultKind ? ` (${node.vaultKind})` : '';
  return `${role} [${node.label}]: ${node.account} / ${node.region}${vault}${kind} — key ${keyWords(node)}`;
}

function parentWords(
  node: LineageGraphNode,
  parent: LineageGraphNode | undefined,
  edge: LineageGraphEdge | undefined,
): string {
  if (node.parentUnknown) return ' — copied from: not reported';
  if (!parent) return '';
  const how = edge?.name ? ` by ${edge.kindText} ${edge.name}` : '';
  const state = edge?.state ? ` (${edge.state})` : '';
  const message = node.copyStatusMessage ? `: ${node.copyStatusMessage}` : '';
  return ` ← from ${parent.label} ${parent.title}${how}${state}${message}`;
}

function Problems(props: { issues: string[] }) {
  return (
    <>
      {props.issues.map(problem => (
        <Box key={problem} display="flex" alignItems="center" ml={2}>
          <WarningIcon
            fontSize="small"
            style={{ color: WARNING_COLOUR }}
            aria-hidden
          />
          <Box ml={0.5}>
            <Typography variant="body2" component="span">
              Warning: {problem}
            </Typography>
          </Box>
        </Box>
      ))}
    </>
  );
}

function Branch(props: { graph: LineageGraph; parentId?: string }) {
  const { graph, parentId } = props;
  const classes = useStyles();
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const children = graph.nodes.filter(n => n.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className={classes.tree}>
      {children.map(node => (
        <li
          key={node.id}
          data-testid="backup-posture-lineage-item"
          data-node-id={node.id}
        >
          <Typography variant="body2" component="span">
            {nodeWords(node)}
            {parentWords(
              node,
              node.parentId ? byId.get(node.parentId) : undefined,
              graph.edges.find(e => e.to === node.id),
            )}
          </Typography>
          <Problems issues={node.issues} />
          <Branch graph={graph} parentId={node.id} />
        </li>
      ))}
    </ul>
  );
}

/** One chain as a tree in words: every copy under the node it was copied from. */
export function LineageChainList(props: { graph: LineageGraph }) {
  const { graph } = props;
  return (
    <Box data-testid="backup-posture-lineage-list">
      {!graph.parentsReported && graph.nodes.length > 2 && (
        <Typography variant="caption" display="block">
          The backend did not say which copy came from where: shown in chain
          order.
        </Typography>
      )}
      <Branch graph={graph} />
    </Box>
  );
}
