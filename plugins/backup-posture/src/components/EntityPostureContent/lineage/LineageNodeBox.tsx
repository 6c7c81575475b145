import { makeStyles } from '@material-ui/core/styles';
import { LineageGraphNode } from './graphTypes';
import {
  keyLabel,
  keyReadText,
  roleWords,
  shortenIds,
  showsKeyRead,
} from './lineageWords';
import { NODE_TEXT, WARNING_COLOUR } from './lanePalette';
import { useSvgBox } from './useSvgBox';

const PADDING = 8;
const LINE_HEIGHT = 16;
const MAX_ISSUE_LINES = 2;
const MAX_CHARS = 48;

const useStyles = makeStyles(theme => {
  const base = { fontFamily: theme.typography.fontFamily, fill: NODE_TEXT };
  return {
    text: { ...base, fontSize: 12 },
    header: { ...base, fontSize: 11, letterSpacing: 0.2 },
    title: { ...base, fontSize: 13, fontWeight: 700 },
    warning: { ...base, fill: WARNING_COLOUR, fontSize: 12, fontWeight: 700 },
    muted: { ...base, fontSize: 12, fontStyle: 'italic' },
  };
});

type LineStyle = 'text' | 'header' | 'title' | 'warning' | 'muted';
interface Line {
  text: string;
  style: LineStyle;
}

function clip(raw: string): string {
  const text = shortenIds(raw);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

function keyLines(node: LineageGraphNode): Line[] {
  if (node.role === 'key-vault' || node.role === 'key') return [];
  if (node.keyMismatch) {
    return [
      {
        text: shortenIds(
          `predicted key: ${keyLabel(node.keyMismatch.expected)}`,
        ),
        style: 'text',
      },
      {
        text: shortenIds(
          `observed key: ${keyLabel(node.keyMismatch.observed)}`,
        ),
        style: 'warning',
      },
    ];
  }
  return [
    { text: shortenIds(`key: ${keyLabel(node.key)}`), style: 'text' },
    ...(node.keySource
      ? [{ text: `read with ${node.keySource}`, style: 'muted' as const }]
      : []),
    ...(node.keyUnknownReason
      ? [
          {
            text: clip(`key not read: ${node.keyUnknownReason}`),
            style: 'muted' as const,
          },
        ]
      : []),
  ];
}

/** A key whose read failed in the last scan: when it was last read (issue 15 item 3). */
function keyReadLines(node: LineageGraphNode): Line[] {
  const text = showsKeyRead(node) ? keyReadText(node.key) : undefined;
  return text ? [{ text: `⚠ ${clip(text)}`, style: 'warning' }] : [];
}

function issueLines(node: LineageGraphNode): Line[] {
  const shown = node.issues
    .slice(0, MAX_ISSUE_LINES)
    .map(issue => ({ text: `⚠ ${clip(issue)}`, style: 'warning' as const }));
  const more = node.issues.length - shown.length;
  return more > 0
    ? [
        ...shown,
        { text: `⚠ ${more} more (hover, or see the list)`, style: 'warning' },
      ]
    : shown;
}

/** The lines a node shows, top to bottom. */
export function nodeLines(node: LineageGraphNode): Line[] {
  const warn = node.issues.length > 0 ? ' ⚠' : '';
  return [
    { text: `${node.label} · ${roleWords(node)}${warn}`, style: 'header' },
    { text: clip(node.title), style: 'title' },
    { text: `${node.account} · ${node.region}`, style: 'text' },
    ...(node.vaultKind
      ? [{ text: node.vaultKind, style: 'muted' as const }]
      : []),
    ...(node.detail ? [{ text: node.detail, style: 'text' as const }] : []),
    ...keyLines(node),
    ...keyReadLines(node),
    ...(node.blocked
      ? [
          {
            text: '⛔ copy blocked as configured (B4)',
            style: 'warning' as const,
          },
        ]
      : []),
    ...(node.parentUnknown
      ? [{ text: 'copied from: not reported', style: 'muted' as const }]
      : []),
    ...issueLines(node),
  ];
}

/** Tooltip: everything on the node in full, issues included. */
function tooltipOf(node: LineageGraphNode): string {
  return [
    `${node.label} ${roleWords(node)}: ${node.title}`,
    `${node.account} / ${node.region}`,
    ...(node.keyUnknownReason
      ? [`Key not read: ${node.keyUnknownReason}`]
      : []),
    ...(showsKeyRead(node) && keyReadText(node.key)
      ? [`Warning: ${keyReadText(node.key)}`]
      : []),
    ...node.issues.map(issue => `Warning: ${issue}`),
  ].join('\n');
}

/** One lineage node in the SVG graph: a box tinted by its account × region lane. */
export function LineageNodeBox(props: {
  node: LineageGraphNode;
  fill: string;
}) {
  const { node, fill } = props;
  const classes = useStyles();
  const warning = node.issues.length > 0;
  const lines = nodeLines(node);
  const [textRef, size] = useSvgBox<SVGGElement>(
    lines.map(line => line.text).join('\n'),
  );
  return (
    <g
      data-testid="backup-posture-lineage-node"
      data-node-id={node.id}
      data-warning={warning ? 'true' : 'false'}
    >
      <title>{tooltipOf(node)}</title>
      <rect
        width={size.width + PADDING * 2}
        height={size.height + PADDING * 2}
        rx={6}
        fill={fill}
        stroke={warning ? WARNING_COLOUR : '#616161'}
        strokeWidth={warning ? 3 : 1}
        strokeDasharray={warning ? '6 3' : undefined}
      />
      <g ref={textRef} transform={`translate(${PADDING},${PADDING})`}>
        {lines.map((line, index) => (
          <text
            key={index}
            className={classes[line.style]}
            x={0}
            y={index * LINE_HEIGHT}
            dominantBaseline="hanging"
          >
            {line.text}
          </text>
        ))}
      </g>
    </g>
  );
}
