import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { backupPostureApiRef } from '../../api';
import { ErrorState, formatTimestamp } from '../shared';

const WIDTH = 600;
const HEIGHT = 120;

/** Platform score over scans: a small SVG line plus the numbers as a list for screen readers. */
export function TrendChart() {
  const api = useApi(backupPostureApiRef);
  const { loading, error, value } = useAsync(() => api.getReportTrend(), [api]);
  if (loading) return <Progress />;
  if (error) return <ErrorState error={error} what="load the trend" />;
  const points = (value?.points ?? []).filter(p => p.score !== null);
  if (points.length === 0) {
    return <Typography variant="body2">No completed scans yet.</Typography>;
  }
  const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
  const path = points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(HEIGHT - ((p.score ?? 0) / 100) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  // Scores carry one decimal, and so does their difference: up 10.6, not 10.600000000000009.
  const delta = Math.round(((last.score ?? 0) - (first.score ?? 0)) * 10) / 10;
  return (
    <Box data-testid="backup-posture-trend">
      <Typography variant="body2" gutterBottom>
        Score {last.score} (grade {last.grade ?? '–'}) at{' '}
        {formatTimestamp(last.finishedAt)};{' '}
        {delta === 0
          ? 'unchanged'
          : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} points`}{' '}
        over {points.length} scans.
      </Typography>
      <svg
        viewBox={`-4 -4 ${WIDTH + 8} ${HEIGHT + 8}`}
        width="100%"
        height={HEIGHT}
        preserveAspectRatio="none"
        aria-hidden
      >
        <path d={path} fill="none" stroke="currentColor" strokeWidth={2} />
      </svg>
      <details>
        <summary>
          <Typography variant="body2" component="span">
            Scores per scan
          </Typography>
        </summary>
        <ul>
          {points.map(p => (
            <li key={p.scanId}>
              {formatTimestamp(p.finishedAt)}: score {p.score}, grade{' '}
              {p.grade ?? '–'}, {p.entities} entities, {p.counts.fail} failing
              findings
            </li>
          ))}
        </ul>
      </details>
    </Box>
  );
}
