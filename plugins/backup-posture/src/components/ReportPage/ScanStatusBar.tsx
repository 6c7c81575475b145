import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { backupPostureApiRef } from '../../api';
import { RefreshScanButton, formatTimestamp, keyReadCount } from '../shared';

const STATE_WORDS = {
  running: 'running',
  succeeded: 'succeeded',
  partial:
    'finished with errors in some scopes (AWS account × region or Azure subscription)',
  failed: 'failed',
  interrupted: 'was interrupted',
};

/** The current or last scan in words, with the refresh button. */
export function ScanStatusBar() {
  const api = useApi(backupPostureApiRef);
  const { value, error } = useAsync(() => api.getScanStatus(), [api]);
  let text = 'Loading scan status…';
  if (error) text = `Scan status unavailable: ${error.message}`;
  else if (value?.current) {
    text = `Scan running: ${value.current.scopesDone} of ${value.current.scopesTotal} scopes done (AWS account × region, Azure subscription).`;
  } else if (value?.last) {
    const last = value.last;
    text = `Last scan ${STATE_WORDS[last.state]} at ${formatTimestamp(last.finishedAt ?? last.startedAt)}`;
    const failedScopes = last.errorCount ?? last.errors.length;
    const failedKeys = last.keyErrorCount ?? last.keyErrors?.length ?? 0;
    const counts: string[] = [];
    if (failedScopes > 0) counts.push(`${failedScopes} scope errors`);
    if (failedKeys > 0) counts.push(`${keyReadCount(failedKeys)} failed`);
    if (counts.length) text += ` (${counts.join(', ')})`;
    text += '.';
  } else if (value) text = 'No scan has run yet.';
  return (
    <Box
      display="flex"
      alignItems="center"
      justifyContent="space-between"
      flexWrap="wrap"
    >
      <Typography variant="body2" data-testid="backup-posture-scan-status">
        {text}
      </Typography>
      <RefreshScanButton />
    </Box>
  );
}
