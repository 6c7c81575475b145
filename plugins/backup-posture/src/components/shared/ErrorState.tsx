import { ResponseErrorPanel } from '@backstage/core-components';
import { PermissionDeniedState } from './States';
import { isForbidden } from './errors';

/** Errors in plain words; a 403 is a permission problem, not a crash. */
export function ErrorState(props: { error: Error; what: string }) {
  if (isForbidden(props.error)) {
    return <PermissionDeniedState what={props.what} />;
  }
  return (
    <ResponseErrorPanel error={props.error} title={`Could not ${props.what}`} />
  );
}
