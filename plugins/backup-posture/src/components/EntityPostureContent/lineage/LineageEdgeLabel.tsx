import { makeStyles } from '@material-ui/core/styles';
import { LineageGraphEdge } from './graphTypes';
import { shortenIds } from './lineageWords';
import { useSvgBox } from './useSvgBox';

const LINE_HEIGHT = 14;
const MAX_CHARS = 40;

const useStyles = makeStyles(theme => ({
  background: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.divider,
  },
  kind: {
    fontFamily: theme.typography.fontFamily,
    fill: theme.palette.text.secondary,
    fontSize: 10,
  },
  name: {
    fontFamily: theme.typography.fontFamily,
    fill: theme.palette.text.primary,
    fontSize: 11,
  },
  state: {
    fontFamily: theme.typography.fontFamily,
    fill: theme.palette.text.primary,
    fontSize: 11,
    fontWeight: 700,
  },
  failed: {
    fontFamily: theme.typography.fontFamily,
    fill: theme.palette.error.main,
    fontSize: 11,
    fontWeight: 700,
  },
}));

/** Copy job and plan ids are UUIDs: the first block tells them apart; the tooltip has them whole. */
function clip(raw: string): string {
  const text = shortenIds(raw);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** `plan / rule` on two lines, so labels stay narrow between the nodes. */
function nameLines(name?: string): string[] {
  if (!name) return [];
  const parts = name.split(' / ');
  return parts.map((part, i) =>
    clip(i < parts.length - 1 ? `${part} /` : part),
  );
}

/** The label on an arrow: which rule or copy job moved the data, and its state. */
export function LineageEdgeLabel(props: { edge: LineageGraphEdge }) {
  const { edge } = props;
  const classes = useStyles();
  const lines: Array<{ text: string; className: string }> = [
    { text: edge.kindText, className: classes.kind },
    ...nameLines(edge.name).map(text => ({ text, className: classes.name })),
    ...(edge.state
      ? [
          {
            text: edge.state,
            className: edge.failed ? classes.failed : classes.state,
          },
        ]
      : []),
  ];
  const [textRef, size] = useSvgBox<SVGGElement>(
    lines.map(line => line.text).join('\n'),
  );
  const top = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <g
      data-testid="backup-posture-lineage-edge"
      data-from={edge.from}
      data-to={edge.to}
    >
      <title>{edge.label}</title>
      <rect
        className={classes.background}
        x={-size.width / 2 - 4}
        y={-size.height / 2 - 2}
        width={size.width + 8}
        height={size.height + 4}
        rx={3}
      />
      <g ref={textRef}>
        {lines.map((line, index) => (
          <text
            key={index}
            className={line.className}
            y={top + index * LINE_HEIGHT}
            textAnchor="middle"
            dominantBaseline="middle"
          >
            {line.text}
          </text>
        ))}
      </g>
    </g>
  );
}
