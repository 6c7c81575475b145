/** Keys, roles and ids of a lineage graph in words, for the drawing and the list alike. */
import {
  LineageKey,
  LineageLink,
} from '@backup-posture/plugin-backup-posture-common';
import { describeKey, formatTimestamp, shortArn } from '../../shared';
import { LineageGraphNode, LineageNodeRole } from './graphTypes';

/** The key that protects a link: what the newest recovery point shows, else the prediction. */
export function effectiveKey(link: LineageLink): LineageKey | undefined {
  return link.observedKey ?? link.expectedKey;
}

/** Text for a predicted-vs-observed key difference (rule A4/A5), or undefined when they agree. */
export function keyMismatchText(link: LineageLink): string | undefined {
  const { expectedKey, observedKey } = link;
  if (!expectedKey || !observedKey) return undefined;
  // An unknown prediction is no prediction: nothing to contradict.
  if (!expectedKey.keyArn && expectedKey.manager === 'unknown')
    return undefined;
  const sameArn =
    expectedKey.keyArn && observedKey.keyArn
      ? expectedKey.keyArn === observedKey.keyArn
      : true;
  if (sameArn && expectedKey.manager === observedKey.manager) return undefined;
  return `Key substitution: expected ${describeKey(expectedKey)}, got ${describeKey(observedKey)}`;
}

const MANAGER_WORDS: Record<LineageKey['manager'], string> = {
  customer: 'customer-managed',
  'aws-managed': 'AWS-managed',
  'aws-owned': 'AWS-owned',
  'platform-managed': 'Azure platform-managed',
  unknown: 'unknown manager:',
};

const ROLE_WORDS: Record<LineageNodeRole, string> = {
  source: 'Source',
  primary: 'Primary backup',
  copy: 'Copy',
  'key-vault': 'Key vault',
  key: 'Key',
};

/** What a node is, in words (an Azure vault is a Recovery Services vault, not a "primary"). */
export function roleWords(node: LineageGraphNode): string {
  return node.cloud === 'azure' && node.role === 'primary'
    ? 'Recovery Services vault'
    : ROLE_WORDS[node.role];
}

/** `customer-managed alias/payments`: manager first, then alias or key id. */
export function keyLabel(key?: LineageKey): string {
  if (!key) return 'unknown key';
  const name = key.alias ?? (key.keyArn ? shortArn(key.keyArn) : undefined);
  if (!name && key.manager === 'unknown') return 'unknown key';
  const inferred = key.inferred ? ' (inferred)' : '';
  return `${MANAGER_WORDS[key.manager]}${name ? ` ${name}` : ''}${inferred}`;
}

/**
 * A key whose read failed in the last scan, in words: when it was last read and why this read
 * failed, or that it was never read. Undefined for a key read in the last scan.
 */
export function keyReadText(key?: LineageKey): string | undefined {
  if (!key?.readError) return undefined;
  return key.lastReadAt
    ? `key last read ${formatTimestamp(key.lastReadAt)}; this scan's read failed: ${key.readError}`
    : `key never read: ${key.readError}`;
}

/** Whether a node shows its key's read: an Azure vault leaves it to its key node. */
export function showsKeyRead(node: LineageGraphNode): boolean {
  if (node.role === 'key') return true;
  return node.role !== 'key-vault' && !node.key?.keyVault;
}

const UUID = /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi;

/** Long ids (copy jobs, plans, AWS-owned keys) cut to their first block, for the drawing only. */
export function shortenIds(text: string): string {
  return text.replace(UUID, id => `${id.slice(0, 8)}…`);
}
