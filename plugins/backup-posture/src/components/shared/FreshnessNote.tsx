import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ScheduleIcon from '@material-ui/icons/Schedule';
import WarningIcon from '@material-ui/icons/Warning';
import { Freshness } from '@backup-posture/plugin-backup-posture-common';
import { formatAge, formatTimestamp } from './format';
import { scopeCount } from './scopeWords';

/** When the data was scanned, and a plain warning when some of it is stale. */
export function FreshnessNote(props: { freshness: Freshness; now?: Date }) {
  const { freshness } = props;
  const failing = freshness.scopes.filter(s => s.state !== 'ok');
  return (
    <Box data-testid="backup-posture-freshness">
      <Box display="flex" alignItems="center">
        <ScheduleIcon fontSize="small" aria-hidden />
        <Box ml={0.5}>
          <Typography variant="body2">
            {freshness.lastScanAt
              ? `Last scanned ${formatAge(freshness.lastScanAt, props.now)} (${formatTimestamp(freshness.lastScanAt)})`
              : 'Not scanned yet'}
          </Typography>
        </Box>
      </Box>
      {freshness.stale && (
        <Box display="flex" alignItems="center" mt={0.5}>
          <WarningIcon
            fontSize="small"
            aria-hidden
            style={{ color: '#b26a00' }}
          />
          <Box ml={0.5}>
            <Typography variant="body2">
              Stale data: the last scan of{' '}
              {failing.length ? scopeCount(failing.length) : 'some scopes'}{' '}
              failed; what is shown for {failing.length === 1 ? 'it' : 'them'}{' '}
              is older or missing.
            </Typography>
          </Box>
        </Box>
      )}
    </Box>
  );
}
