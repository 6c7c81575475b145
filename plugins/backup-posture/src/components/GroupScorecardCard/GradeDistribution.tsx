import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Grade } from '@backup-posture/plugin-backup-posture-common';

const ORDER: Array<Grade | 'none'> = ['A', 'B', 'C', 'D', 'F', 'none'];

/** Entities per grade as labelled bars with counts (the count is the information, not the colour). */
export function GradeDistribution(props: {
  distribution: Record<Grade | 'none', number>;
}) {
  const total = ORDER.reduce((sum, g) => sum + (props.distribution[g] ?? 0), 0);
  return (
    <Box aria-label="Grade distribution" role="list">
      {ORDER.map(grade => {
        const count = props.distribution[grade] ?? 0;
        const width = total ? Math.round((count / total) * 100) : 0;
        return (
          <Box key={grade} display="flex" alignItems="center" role="listitem">
            <Box width={72}>
              <Typography variant="body2">
                {grade === 'none' ? 'No grade' : `Grade ${grade}`}
              </Typography>
            </Box>
            <Box flexGrow={1} mx={1} height={10} bgcolor="action.hover">
              <Box height={10} width={`${width}%`} bgcolor="text.secondary" />
            </Box>
            <Box width={32} textAlign="right">
              <Typography variant="body2">{count}</Typography>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
