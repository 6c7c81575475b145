import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { Grade } from '@backup-posture/plugin-backup-posture-common';

/**
 * The badge's colour comes from the theme's status palette (so it follows light and dark themes):
 * A and B are fine, C needs attention soon, D needs it now, F is failing; unknown is neutral. The
 * letter, not the colour, carries the grade.
 */
function badgeColor(theme: Theme, grade: Grade | null): string {
  const status = theme.palette.status;
  switch (grade) {
    case 'A':
    case 'B':
      return status.ok;
    case 'C':
      return status.pending;
    case 'D':
      return status.warning;
    case 'F':
      return status.error;
    default:
      return status.aborted;
  }
}

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    borderRadius: theme.shape.borderRadius,
    fontFamily: theme.typography.fontFamily,
    fontWeight: 700,
    whiteSpace: 'nowrap',
    lineHeight: 1,
    background: (p: { grade: Grade | null }) => badgeColor(theme, p.grade),
    color: (p: { grade: Grade | null }) =>
      theme.palette.getContrastText(badgeColor(theme, p.grade)),
  },
}));

/**
 * The grade as a letter on a coloured badge, with the score in words beside it. An entity whose
 * posture is unknown (no grade) shows "unknown", never a letter.
 */
export function GradeBadge(props: {
  grade: Grade | null;
  score: number | null;
  size?: 'small' | 'large';
  /**
   * Hide the score text where a table shows the score in its own column; the badge's label is
   * then just the grade ("Grade B").
   */
  hideScore?: boolean;
  'data-testid'?: string;
}) {
  const { grade, score, size = 'small', hideScore = false } = props;
  const classes = useStyles({ grade });
  const dimension = size === 'large' ? 56 : 28;
  let label: string;
  if (!grade) label = 'Grade unknown: nothing could be evaluated';
  else if (hideScore) label = `Grade ${grade}`;
  else label = `Grade ${grade}, score ${score ?? '–'} of 100`;
  const letterSize = size === 'large' ? 32 : 16;
  const wordSize = size === 'large' ? 16 : 12;
  return (
    <Box
      display="inline-flex"
      alignItems="center"
      data-testid={props['data-testid']}
    >
      <Box
        component="span"
        className={classes.badge}
        minWidth={dimension}
        height={dimension}
        px={grade ? 0 : 1}
        fontSize={grade ? letterSize : wordSize}
        role="img"
        aria-label={label}
        title={label}
      >
        {grade ?? 'unknown'}
      </Box>
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
