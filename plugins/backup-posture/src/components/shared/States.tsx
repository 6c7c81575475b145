import { EmptyState, WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { EntityConfigurationProblem } from '@backup-posture/plugin-backup-posture-common';

/** The entity is annotated, but its resources have no vaults and no recovery points. */
export function NoBackupsState() {
  return (
    <EmptyState
      missing="data"
      title="No backups found"
      description="The annotated resources are not in any AWS Backup vault and have no recovery points. Add them to a backup plan selection; the checks below say what to configure."
    />
  );
}

/** Annotated, but no scan has covered the entity yet. */
export function PendingState() {
  return (
    <EmptyState
      missing="data"
      title="Not scanned yet"
      description="This entity is annotated, but no backup posture scan has covered it yet. Results appear after the next scheduled scan, or start one with Refresh."
    />
  );
}

/** The annotation could not be parsed; each problem is listed. */
export function InvalidAnnotationState(props: {
  problems: EntityConfigurationProblem[];
}) {
  return (
    <WarningPanel
      severity="error"
      title="The backup posture annotation is invalid"
      defaultExpanded
    >
      {props.problems.map((p, i) => (
        <Typography key={i} variant="body2">
          {p.annotation ? <code>{p.annotation}</code> : null}
          {p.annotation ? ': ' : ''}
          {p.message}
        </Typography>
      ))}
    </WarningPanel>
  );
}

/** The backend refused the request (HTTP 403). */
export function PermissionDeniedState(props: { what: string }) {
  return (
    <WarningPanel severity="warning" title="Permission denied" defaultExpanded>
      <Typography variant="body2">
        You are not allowed to {props.what}. Ask your Backstage administrator
        for access.
      </Typography>
    </WarningPanel>
  );
}
