import Typography from '@material-ui/core/Typography';
import { Severity } from '@backup-posture/plugin-backup-posture-common';
import { SEVERITY_LABELS } from './labels';

/** Severity in words (bold for critical and high). */
export function SeverityLabel(props: { severity: Severity }) {
  const strong = props.severity === 'critical' || props.severity === 'high';
  return (
    <Typography
      variant="body2"
      component="span"
      style={{ fontWeight: strong ? 700 : 400 }}
    >
      {SEVERITY_LABELS[props.severity]}
    </Typography>
  );
}
