import {
  AwsInventory,
  KeyManagerKind,
  LineageKey,
} from '@backup-posture/plugin-backup-posture-common';
import { KEY_MANAGER_LABELS } from './labels';

/** `2026-11-23 18:04 UTC`: unambiguous for teams across time zones. */
export function formatTimestamp(iso?: string): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Age in plain words, e.g. `3 hours ago`. */
export function formatAge(
  iso: string | undefined,
  now: Date = new Date(),
): string {
  if (!iso) return 'never';
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

/** `alias/aws/rds (AWS-managed)`, falling back to the key id or "unknown key". */
export function describeKey(key?: LineageKey): string {
  if (!key) return 'unknown key';
  const name = key.alias ?? shortKeyId(key.keyArn) ?? 'key';
  const inferred = key.inferred ? ', inferred from its primary backup' : '';
  const where = key.keyVault?.location
    ? `, key vault in ${key.keyVault.location}`
    : '';
  let version = '';
  if (key.keyVault && key.manager === 'customer') {
    version = key.pinnedVersion
      ? `, pinned to version ${key.pinnedVersion.slice(0, 8)}…`
      : ', versionless (auto-rotates)';
  }
  return `${name} (${KEY_MANAGER_LABELS[key.manager]}${inferred}${where}${version})`;
}

export function shortKeyId(arn?: string): string | undefined {
  if (!arn) return undefined;
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : arn;
}

/** The last path segment of an ARN (vault name, recovery point id...). */
export function shortArn(arn: string): string {
  const idx = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
  return idx >= 0 && idx < arn.length - 1 ? arn.slice(idx + 1) : arn;
}

/** Resolves a key ARN against discovered KMS keys into the lineage key shape. */
export function resolveAwsKey(
  inventory: AwsInventory | undefined,
  keyArn: string | undefined,
  encryptionKeyType?: string,
): LineageKey {
  if (encryptionKeyType === 'AWS_OWNED_KMS_KEY') {
    return { keyArn, manager: 'aws-owned' };
  }
  if (!keyArn) return { manager: 'unknown' };
  const fact = inventory?.keys.find(
    k => k.arn === keyArn || (k.aliases.length > 0 && keyArn.endsWith(k.keyId)),
  );
  let manager: KeyManagerKind = 'unknown';
  if (fact?.keyManager === 'CUSTOMER') manager = 'customer';
  else if (fact?.keyManager === 'AWS') manager = 'aws-managed';
  return {
    keyArn,
    alias: fact?.aliases[0],
    manager,
    keyState: fact?.keyState,
  };
}
