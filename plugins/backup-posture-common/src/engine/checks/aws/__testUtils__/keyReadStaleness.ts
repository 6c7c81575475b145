/**
 * Shared by keyReadStaleness.test.ts and keyReadStalenessCopies.test.ts. Issue 15 item 3: a check
 * that relies on a KMS key whose read failed in this scan keeps the verdict of the last good read
 * and says so (`keyReadAt`, `keyReadError`, a reason suffix); with no good read at all it is
 * unknown, naming the failed read — never a pass, never a fail.
 */
import {
  awsInventory,
  cmk,
  daysAgo,
  entity,
  NOW,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact, AwsKmsKeyFact } from '../../../../inventory';

export const THROTTLED = {
  name: 'ThrottlingException',
  message: 'Rate exceeded',
};
export const LAST_READ = daysAgo(1);
export const STALE_NOTE = ` (key last read 2026-11-22 12:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded)`;
export const NEVER_READ =
  'key could not be read and no earlier read succeeded: ThrottlingException: Rate exceeded';

/** The last good description, marked as the store marks a key whose read failed in this scan. */
export const stale = (key: AwsKmsKeyFact): AwsKmsKeyFact => ({
  ...key,
  readAt: LAST_READ,
  staleError: THROTTLED,
  lastAttemptAt: NOW,
});

/** A key never read successfully: only the error, as the key describer records it. */
export const unread = (key: AwsKmsKeyFact): AwsKmsKeyFact => ({
  arn: key.arn,
  keyId: key.keyId,
  accountId: key.accountId,
  region: key.region,
  aliases: [],
  error: THROTTLED,
  lastAttemptAt: NOW,
});

export const staleEvidence = {
  keyReadAt: LAST_READ,
  keyReadError: 'ThrottlingException: Rate exceeded',
};

/** One S3 bucket backed up to a vault with `vaultKey`; `described` are the key facts read. */
export function backedUp(vaultKey: AwsKmsKeyFact, described: AwsKmsKeyFact) {
  const v = vault(PROD, TOKYO, 'a', vaultKey);
  const bucket = resource('S3', PROD, TOKYO, 'b');
  const point = recoveryPoint(bucket, v, vaultKey);
  const inventory = entity(
    awsInventory({
      resources: [bucket],
      vaults: [v],
      keys: [described],
      plans: [plan(PROD, TOKYO, [rule('a')])],
      recoveryPoints: [point],
    }),
  );
  return { inventory, v, bucket, point };
}

/** An S3 or RDS resource copied from Tokyo to a vault in Osaka whose key is `destKey`. */
export function copiedToOsaka(
  type: 'S3' | 'RDS',
  destKey: AwsKmsKeyFact,
  described: AwsKmsKeyFact,
) {
  const primaryKey = cmk(PROD, TOKYO, 'vault-key');
  const primary = vault(PROD, TOKYO, 'a', primaryKey);
  const dest: AwsBackupVaultFact = vault(PROD, OSAKA, 'dr', destKey);
  const res = resource(type, PROD, TOKYO, 'data', {
    encryptionKeyArn: type === 'RDS' ? primaryKey.arn : undefined,
  });
  return entity(
    awsInventory({
      resources: [res],
      vaults: [primary, dest],
      keys: [primaryKey, described],
      plans: [
        plan(PROD, TOKYO, [
          rule('a', { copyActions: [{ destinationBackupVaultArn: dest.arn }] }),
        ]),
      ],
    }),
  );
}
