import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpIcon from '@material-ui/icons/Help';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import WarningIcon from '@material-ui/icons/Warning';
import { CheckStatus } from '@backup-posture/plugin-backup-posture-common';
import { STATUS_LABELS } from './labels';

const STATUS_ICONS: Record<CheckStatus, typeof CancelIcon> = {
  fail: CancelIcon,
  unknown: HelpIcon,
  warn: WarningIcon,
  accepted: VerifiedUserIcon,
  pass: CheckCircleIcon,
  'not-applicable': RemoveCircleOutlineIcon,
};

const STATUS_COLORS: Record<CheckStatus, string> = {
  fail: '#c62828',
  unknown: '#6a1b9a',
  warn: '#b26a00',
  accepted: '#1565c0',
  pass: '#2e7d32',
  'not-applicable': '#757575',
};

/** A check status as icon + words, so it reads without colour. */
export function StatusLabel(props: { status: CheckStatus }) {
  const Icon = STATUS_ICONS[props.status];
  return (
    <Box display="inline-flex" alignItems="center" component="span">
      <Icon
        fontSize="small"
        style={{ color: STATUS_COLORS[props.status] }}
        aria-hidden
      />
      <Box ml={0.5} component="span">
        <Typography variant="body2" component="span">
          {STATUS_LABELS[props.status]}
        </Typography>
      </Box>
    </Box>
  );
}
