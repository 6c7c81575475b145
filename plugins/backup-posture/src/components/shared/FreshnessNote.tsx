import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ScheduleIcon from '@material-ui/icons/Schedule';
import WarningIcon from '@material-ui/icons/Warning';
import { Freshness } from '@backup-posture/plugin-backup-posture-common';
import { formatAge, formatTimestamp } from './format';
import { keyReadCount, scopeCount } from './scopeWords';

const itOrThem = (n: number) => (n === 1 ? 'it' : 'them');

/**
 * Why the data is stale, in words: the scopes whose scan failed, and the keys that could not be
 * read again (their last good read is shown).
 */
export function staleWords(freshness: Freshness): string {
  const failing = freshness.scopes.filter(s => s.state !== 'ok');
  const staleKeys = (freshness.keys ?? []).filter(k => k.state === 'stale');
  const parts: string[] = [];
  if (failing.length > 0 || staleKeys.length === 0) {
    const scopes = failing.length ? scopeCount(failing.length) : 'some scopes';
    parts.push(
      `the last scan of ${scopes} failed; what is shown for ${itOrThem(failing.length)} is older or missing.`,
    );
  }
  if (staleKeys.length > 0) {
    parts.push(
      `${keyReadCount(staleKeys.length)} failed in the last scan; what is shown of ${staleKeys.length === 1 ? 'that key' : 'those keys'} comes from the last good read.`,
    );
  }
  return `Stale data: ${parts.join(' ')}`;
}

/** When the data was scanned, and a plain warning when some of it is stale. */
export function FreshnessNote(props: { freshness: Freshness; now?: Date }) {
  const { freshness } = props;
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
            <Typography variant="body2">{staleWords(freshness)}</Typography>
          </Box>
        </Box>
      )}
    </Box>
  );
}
