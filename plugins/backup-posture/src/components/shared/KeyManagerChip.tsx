import Chip from '@material-ui/core/Chip';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import { KeyManagerKind } from '@backup-posture/plugin-backup-posture-common';
import { KEY_MANAGER_LABELS } from './labels';

const ICONS: Record<KeyManagerKind, typeof LockIcon> = {
  customer: VpnKeyIcon,
  'aws-managed': LockIcon,
  'aws-owned': LockOpenIcon,
  'platform-managed': LockOpenIcon,
  unknown: HelpOutlineIcon,
};

/** Who manages a key, as icon + text (optionally with the alias). */
export function KeyManagerChip(props: {
  manager: KeyManagerKind;
  alias?: string;
}) {
  const Icon = ICONS[props.manager];
  const label = props.alias
    ? `${props.alias} (${KEY_MANAGER_LABELS[props.manager]})`
    : KEY_MANAGER_LABELS[props.manager];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon fontSize="small" aria-hidden />}
      label={label}
    />
  );
}
