import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ScopeStatus } from '@backup-posture/plugin-backup-posture-common';
import {
  formatTimestamp,
  scopeCount,
  scopeFallback,
  scopeName,
} from '../shared';

/** Per-scope (account × region, or subscription) scan failures in plain words; nothing when every scope is fine. */
export function ScopeErrors(props: { scopes: ScopeStatus[] }) {
  const failing = props.scopes.filter(s => s.state !== 'ok');
  if (failing.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`${scopeCount(failing.length)} could not be scanned`}
      defaultExpanded
    >
      <div data-testid="backup-posture-scope-errors">
        {failing.map(scope => (
          <Typography
            key={`${scope.cloud}-${scope.account}-${scope.region}`}
            variant="body2"
          >
            {scopeName(scope)}: {scope.state === 'stale' ? 'stale' : 'error'}
            {scope.error
              ? ` — ${scope.error.name}: ${scope.error.message.replace(/\.+$/, '')}`
              : ''}
            . {scopeFallback(scope, formatTimestamp(scope.lastSuccessAt))}
          </Typography>
        ))}
      </div>
    </WarningPanel>
  );
}
