import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { LineageLane } from './graphTypes';
import { WARNING_COLOUR, laneFill } from './lanePalette';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    marginRight: theme.spacing(2),
    marginBottom: theme.spacing(0.5),
  },
  swatch: {
    width: 16,
    height: 16,
    borderRadius: 3,
    border: '1px solid #616161',
    marginRight: theme.spacing(0.5),
    flexShrink: 0,
  },
  warningSwatch: {
    border: `3px dashed ${WARNING_COLOUR}`,
    background: 'transparent',
  },
}));

/** Which colour stands for which account × region, and how a node with warnings looks. */
export function LineageLegend(props: { lanes: LineageLane[] }) {
  const classes = useStyles();
  return (
    <Box mb={1} data-testid="backup-posture-lineage-legend">
      <ul className={classes.list} aria-label="Colours by account and region">
        {props.lanes.map(lane => (
          <li key={lane.lane} className={classes.item}>
            <span
              className={classes.swatch}
              style={{ background: laneFill(lane.colour) }}
              aria-hidden
            />
            <Typography variant="caption">
              {lane.account} · {lane.region}
            </Typography>
          </li>
        ))}
        <li className={classes.item}>
          <span
            className={`${classes.swatch} ${classes.warningSwatch}`}
            aria-hidden
          />
          <Typography variant="caption">
            ⚠ has warnings (hover a node, or read the list)
          </Typography>
        </li>
      </ul>
    </Box>
  );
}
