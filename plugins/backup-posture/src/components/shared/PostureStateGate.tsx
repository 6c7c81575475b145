import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { EntityPostureResponse } from '@backup-posture/plugin-backup-posture-common';
import { ErrorState } from './ErrorState';
import { NotAnnotatedState } from './NotAnnotatedState';
import { InvalidAnnotationState, PendingState } from './States';

/**
 * Maps the request and the response `state` to the loading, not-annotated, invalid, pending and
 * error states; renders `children` only for evaluated posture.
 */
export function PostureStateGate(props: {
  available: boolean;
  loading: boolean;
  error?: Error;
  value?: EntityPostureResponse;
  children: (value: EntityPostureResponse) => ReactNode;
}) {
  const { available, loading, error, value } = props;
  if (!available) return <NotAnnotatedState />;
  if (loading) return <Progress />;
  if (error) return <ErrorState error={error} what="load the backup posture" />;
  if (!value) return <PendingState />;
  switch (value.state) {
    case 'not-annotated':
      return <NotAnnotatedState />;
    case 'invalid-annotation':
      return <InvalidAnnotationState problems={value.problems} />;
    case 'pending':
      return <PendingState />;
    default:
      return <>{props.children(value)}</>;
  }
}
