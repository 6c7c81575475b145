import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Grade } from '@backup-posture/plugin-backup-posture-common';

const GRADE_COLORS: Record<Grade, string> = {
  A: '#1b5e20',
  B: '#33691e',
  C: '#8a6d00',
  D: '#b34700',
  F: '#b71c1c',
};

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: theme.shape.borderRadius,
    color: '#fff',
    fontWeight: 700,
  },
}));

/** The grade as a letter on a coloured square, with the score in words beside it. */
export function GradeBadge(props: {
  grade: Grade | null;
  score: number | null;
  size?: 'small' | 'large';
  /** Hide the score text where a table shows the score in its own column. */
  hideScore?: boolean;
  'data-testid'?: string;
}) {
  const { grade, score, size = 'small', hideScore = false } = props;
  const classes = useStyles();
  const dimension = size === 'large' ? 56 : 28;
  const label = grade
    ? `Grade ${grade}, score ${score ?? '–'} of 100`
    : 'No grade: nothing could be evaluated';
  return (
    <Box
      display="inline-flex"
      alignItems="center"
      data-testid={props['data-testid']}
    >
      <span
        className={classes.badge}
        style={{
          width: dimension,
          height: dimension,
          fontSize: size === 'large' ? 32 : 16,
          background: grade ? GRADE_COLORS[grade] : '#616161',
        }}
        role="img"
        aria-label={label}
        title={label}
      >
        {grade ?? '–'}
      </span>
      {!hideScore && (
        <Box ml={1}>
          <Typography
            variant={size === 'large' ? 'h6' : 'body2'}
            component="span"
          >
            {score === null ? 'No score' : `${score}/100`}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
