import { AwsInventory } from '@backup-posture/plugin-backup-posture-common';
import { formatTimestamp } from '../../shared';

/**
 * A vault's lock in words (rule C1): a logically air-gapped vault is always compliance-locked; a
 * lock with a lock date is compliance mode from that date (removable during the grace period
 * before it); a lock without one is governance mode.
 */
export function lockWords(
  vault: AwsInventory['vaults'][number],
  now: Date = new Date(),
): string {
  let mode: string;
  if (vault.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT')
    mode = 'Compliance (air-gapped vaults always are)';
  else if (!vault.locked) return 'Not locked';
  else if (!vault.lockDate) mode = 'Governance mode';
  else if (Date.parse(vault.lockDate) > now.getTime())
    mode = `Grace period: compliance from ${formatTimestamp(vault.lockDate)}`;
  else mode = `Compliance since ${formatTimestamp(vault.lockDate)}`;
  const retention = [
    vault.minRetentionDays !== undefined
      ? `min ${vault.minRetentionDays}d`
      : undefined,
    vault.maxRetentionDays !== undefined
      ? `max ${vault.maxRetentionDays}d`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return retention ? `${mode} (${retention})` : mode;
}
