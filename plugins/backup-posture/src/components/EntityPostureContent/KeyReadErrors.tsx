import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  EntityInventory,
  KeyReadStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { formatTimestamp, keyReadCount } from '../shared';

/** `alias/orders-db (arn:…)` when discovery knows an alias of the KMS key, else the ARN or key URI. */
export function keyName(
  status: KeyReadStatus,
  inventory: EntityInventory | undefined,
): string {
  if (status.cloud !== 'aws') return status.key;
  const alias = inventory?.aws?.keys.find(k => k.arn === status.key)
    ?.aliases[0];
  return alias ? `${alias} (${status.key})` : status.key;
}

/** One failed key read in plain words: when the key was last read, and why this read failed. */
export function keyReadWords(
  status: KeyReadStatus,
  inventory: EntityInventory | undefined,
): string {
  const error = `${status.error.name}: ${status.error.message.replace(/\.+$/, '')}`;
  const name = keyName(status, inventory);
  if (status.state === 'stale')
    return `Key ${name} last read ${formatTimestamp(status.lastSuccessAt)}; this scan's read failed: ${error}. Checks that rely on it show what that read said.`;
  return `Key ${name} could not be read: ${error}. It was never read successfully, so checks that rely on it are unknown.`;
}

/**
 * The entity's keys (KMS keys, Key Vault keys) whose read failed in the last scan, one line each;
 * nothing when every key was read.
 */
export function KeyReadErrors(props: {
  keys: KeyReadStatus[] | undefined;
  inventory?: EntityInventory;
}) {
  const keys = props.keys ?? [];
  if (keys.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`${keyReadCount(keys.length)} failed in the last scan`}
      defaultExpanded
    >
      <div data-testid="backup-posture-key-read-errors">
        {keys.map(k => (
          <Typography key={`${k.cloud}-${k.key}`} variant="body2">
            {keyReadWords(k, props.inventory)}
          </Typography>
        ))}
      </div>
    </WarningPanel>
  );
}
