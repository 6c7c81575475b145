/**
 * Who manages the keys that protect an entity's backups, counted two ways (issue 16: computed
 * once here, sent in the API, only rendered by the frontend):
 *
 * - `keysByManager`: the distinct keys (KMS keys of the entity's vaults and recovery points, and
 *   Azure vaults by their key), as the report counts them;
 * - `recoveryPointsByKeyManager`: the recovery points by the manager of the key each is encrypted
 *   with (Azure vaults count once each), as the entity card shows them.
 *
 * Both classify a KMS key with `keyManagerOf` (an `alias/aws/…` key is AWS-managed even when its
 * description is missing the manager) and treat a vault or point of type `AWS_OWNED_KMS_KEY` as
 * AWS-owned whether or not its key was described.
 */
import { KeyMix, emptyKeyMix } from '../api';
import { AwsInventory, EntityInventory } from '../inventory';

import { KeyManagerKind } from '../posture';
import { KeyIndex, keyManagerOf } from './aws/classify';

function count(mix: KeyMix, manager: KeyManagerKind): void {
  if (manager === 'customer') mix.customer++;
  else if (manager === 'aws-managed') mix.awsManaged++;
  else if (manager === 'aws-owned') mix.awsOwned++;
  else mix.unknown++;
}

function countAzureVaults(mix: KeyMix, inventory: EntityInventory): void {
  for (const v of inventory.azure?.vaults ?? []) {
    if (v.keyUri) mix.customer++;
    else mix.platformManaged++;
  }
}

/** The manager of the key an AWS vault or recovery point names. */
function managerOf(
  keys: KeyIndex,
  keyArn: string | undefined,
  encryptionKeyType: string | undefined,
): KeyManagerKind {
  if (encryptionKeyType === 'AWS_OWNED_KMS_KEY') return 'aws-owned';
  return keyManagerOf(keys.get(keyArn));
}

/** Distinct keys of the entity by who manages them. */
export function keysByManager(inventory: EntityInventory): KeyMix {
  const mix = emptyKeyMix();
  countAzureVaults(mix, inventory);
  const aws: AwsInventory | undefined = inventory.aws;
  if (!aws) return mix;
  const keys = new KeyIndex(aws.keys);
  const counted = new Set<string>();
  const add = (id: string, manager: KeyManagerKind) => {
    if (counted.has(id)) return;
    counted.add(id);
    count(mix, manager);
  };
  // A vault's key type tells AWS-owned keys apart, whether or not a description was attempted.
  for (const v of aws.vaults) {
    if (v.encryptionKeyType === 'AWS_OWNED_KMS_KEY') {
      add(v.encryptionKeyArn ?? `owned:${v.arn}`, 'aws-owned');
    }
  }
  for (const k of aws.keys) add(k.arn, keyManagerOf(k));
  for (const v of aws.vaults) {
    if (v.encryptionKeyArn) {
      add(
        v.encryptionKeyArn,
        managerOf(keys, v.encryptionKeyArn, v.encryptionKeyType),
      );
    }
  }
  return mix;
}

/** Recovery points of the entity by who manages their key; Azure vaults once each. */
export function recoveryPointsByKeyManager(inventory: EntityInventory): KeyMix {
  const mix = emptyKeyMix();
  const aws = inventory.aws;
  if (aws) {
    const keys = new KeyIndex(aws.keys);
    for (const point of aws.recoveryPoints) {
      count(
        mix,
        managerOf(keys, point.encryptionKeyArn, point.encryptionKeyType),
      );
    }
  }
  countAzureVaults(mix, inventory);
  return mix;
}
