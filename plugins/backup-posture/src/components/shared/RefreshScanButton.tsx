import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useApi } from '@backstage/core-plugin-api';
import { backupPostureApiRef } from '../../api';
import { isForbidden } from './errors';

/** Starts a scan now (POST /scan/refresh) and says plainly when that is not permitted. */
export function RefreshScanButton() {
  const api = useApi(backupPostureApiRef);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const onClick = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await api.refreshScan();
      setMessage(result.message);
    } catch (e) {
      setMessage(
        isForbidden(e)
          ? 'Permission denied: you are not allowed to start a scan (backup-posture.scan.refresh).'
          : `Could not start a scan: ${(e as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box display="flex" alignItems="center">
      <Button
        size="small"
        variant="outlined"
        startIcon={<RefreshIcon />}
        onClick={onClick}
        disabled={busy}
      >
        Refresh scan
      </Button>
      {message && (
        <Box ml={1}>
          <Typography variant="body2" role="status">
            {message}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
