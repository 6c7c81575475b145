import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
} from '@backup-posture/plugin-backup-posture-common';

const EXAMPLE = `metadata:
  annotations:
    # either the ARNs of the resources whose backups this entity owns
    ${ANNOTATION_AWS_RESOURCE_ARNS}: arn:aws:rds:us-east-1:222222222222:cluster:orders-db
    # or a tag selector (all key=value pairs must match)
    # ${ANNOTATION_AWS_RESOURCE_TAGS}: service=orders,env=prod`;

/** Says exactly which annotation to add, with a copyable catalog-info.yaml snippet. */
export function NotAnnotatedState() {
  return (
    <EmptyState
      missing="field"
      title="No backup posture: this entity is not annotated"
      description={
        <Typography variant="body2" component="span">
          Add the annotation <code>{ANNOTATION_AWS_RESOURCE_ARNS}</code>{' '}
          (comma-separated resource ARNs) or{' '}
          <code>{ANNOTATION_AWS_RESOURCE_TAGS}</code> (
          <code>key=value,key2=value2</code>) to this entity's
          catalog-info.yaml. Systems and groups need no annotation: they roll up
          their components.
        </Typography>
      }
      action={<CodeSnippet language="yaml" text={EXAMPLE} showCopyCodeButton />}
    />
  );
}
