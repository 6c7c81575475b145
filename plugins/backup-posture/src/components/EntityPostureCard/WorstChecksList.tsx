import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { CheckResult } from '@backup-posture/plugin-backup-posture-common';
import { SEVERITY_LABELS, StatusLabel } from '../shared';

/** The checks that need attention first, or a plain "all passing" line. */
export function WorstChecksList(props: { checks: CheckResult[] }) {
  if (props.checks.length === 0) {
    return <Typography variant="body2">No failing checks.</Typography>;
  }
  return (
    <List dense disablePadding aria-label="Worst failing checks">
      {props.checks.map(check => (
        <ListItem key={check.checkId} disableGutters>
          <ListItemText
            primary={
              <>
                <StatusLabel status={check.status} /> ·{' '}
                {SEVERITY_LABELS[check.severity]} · {check.title}
              </>
            }
            secondary={check.summary}
          />
        </ListItem>
      ))}
    </List>
  );
}
