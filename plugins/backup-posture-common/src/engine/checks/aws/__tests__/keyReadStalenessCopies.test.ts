import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
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
import {
  AwsKmsKeyFact,
  AwsResourceFact,
  EntityInventory,
} from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';
import { evaluatePosture } from '../../../evaluate';
import {
  LAST_READ,
  STALE_NOTE,
  NEVER_READ,
  stale,
  unread,
  staleEvidence,
  backedUp,
  copiedToOsaka,
} from '../__testUtils__/keyReadStaleness';

describe('copy-destination-key (A4): a destination key whose read failed in this scan', () => {
  it('A4 stale: a customer-managed destination key from the last good read passes and says the read is old', () => {
    const drKey = cmk(PROD, OSAKA, 'dr-key');
    const r = checkResult(
      copiedToOsaka('S3', drKey, stale(drKey)),
      'copy-destination-key',
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      status: 'pass',
      message: `copies get alias/dr-key (customer-managed)${STALE_NOTE}`,
      evidence: { destinationKeyManager: 'customer', ...staleEvidence },
    });
  });

  it('A4 stale: RDS into an aws/backup vault from the last good read still fails, and says the read is old', () => {
    const backupKey = awsManagedKey(PROD, OSAKA, 'backup');
    const r = checkResult(
      copiedToOsaka('RDS', backupKey, stale(backupKey)),
      'copy-destination-key',
    );
    expect(r.findings[0]).toMatchObject({
      status: 'fail',
      message: `destination vault dr uses alias/aws/backup (AWS-managed): copies will get RDS → alias/aws/rds${STALE_NOTE}`,
      evidence: staleEvidence,
    });
  });

  it('A4 unknown: a destination key with no good read is unknown, naming the failed read', () => {
    const drKey = cmk(PROD, OSAKA, 'dr-key');
    const r = checkResult(
      copiedToOsaka('S3', drKey, unread(drKey)),
      'copy-destination-key',
    );
    expect(r.findings[0]).toMatchObject({
      status: 'unknown',
      message: `destination key manager unknown: ${NEVER_READ}`,
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
  });
});

describe('key-lineage-consistent (A5): keys whose read failed in this scan', () => {
  it('A5 stale: the comparison from the last good read stands and says the read is old', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { inventory, bucket, v } = backedUp(key, stale(key));
    expect(
      findingAbout(
        checkResult(inventory, 'key-lineage-consistent'),
        `${bucket.arn} → ${v.arn}`,
      ),
    ).toMatchObject({
      status: 'pass',
      message: `as predicted: alias/vault-key (customer-managed)${STALE_NOTE}`,
      evidence: { observedKeyManager: 'customer', ...staleEvidence },
    });
  });

  it('A5 stale: with two keys, the stale one is named', () => {
    const vaultKey = cmk(PROD, TOKYO, 'vault-key');
    const other = cmk(PROD, TOKYO, 'other-key');
    const v = vault(PROD, TOKYO, 'a', vaultKey);
    const bucket = resource('S3', PROD, TOKYO, 'b');
    const inventory = entity(
      awsInventory({
        resources: [bucket],
        vaults: [v],
        keys: [vaultKey, stale(other)],
        plans: [plan(PROD, TOKYO, [rule('a')])],
        recoveryPoints: [recoveryPoint(bucket, v, other)],
      }),
    );
    const f = findingAbout(
      checkResult(inventory, 'key-lineage-consistent'),
      v.arn,
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(
      / \(key alias\/other-key last read 2026-11-22 12:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded\)$/,
    );
    expect(f.evidence).toMatchObject(staleEvidence);
  });

  it('A5 unknown: an observed key with no good read is unknown, naming the key and the failed read', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { inventory, bucket, v } = backedUp(key, unread(key));
    expect(
      findingAbout(
        checkResult(inventory, 'key-lineage-consistent'),
        `${bucket.arn} → ${v.arn}`,
      ),
    ).toMatchObject({
      status: 'unknown',
      message: `key ${key.arn} could not be read and no earlier read succeeded: ThrottlingException: Rate exceeded`,
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
  });
});

describe('cross-account-copy-ready (B4, B5): keys whose read failed in this scan', () => {
  const sharedSourceKey = cmk(PROD, TOKYO, 'source-key', {
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${CENTRAL}:root` },
          Action: ['kms:Decrypt', 'kms:CreateGrant'],
          Resource: '*',
        },
      ],
    }),
  });
  const centralKey = cmk(CENTRAL, TOKYO, 'central-key');

  function copyToCentral(
    sourceFact: AwsKmsKeyFact,
    centralFact: AwsKmsKeyFact,
  ) {
    const source: AwsResourceFact = resource('Aurora', PROD, TOKYO, 'db', {
      encryptionKeyArn: sharedSourceKey.arn,
    });
    const vaultKey = cmk(PROD, TOKYO, 'vault-key');
    const central = vault(CENTRAL, TOKYO, 'central', centralKey);
    const inventory: EntityInventory = entity(
      awsInventory({
        resources: [source],
        vaults: [vault(PROD, TOKYO, 'payments', vaultKey), central],
        keys: [sourceFact, vaultKey, centralFact],
        plans: [
          plan(PROD, TOKYO, [
            rule('payments', {
              copyActions: [{ destinationBackupVaultArn: central.arn }],
            }),
          ]),
        ],
      }),
    );
    return checkResult(inventory, 'cross-account-copy-ready');
  }

  it('B4 stale: a source CMK shared at its last good read passes and says the read is old', () => {
    const r = copyToCentral(stale(sharedSourceKey), centralKey);
    expect(findingAbout(r, 'B4 source key')).toMatchObject({
      status: 'pass',
      message: `source CMK policy allows account ${CENTRAL}${STALE_NOTE}`,
      evidence: { sourceKeyManager: 'customer', ...staleEvidence },
    });
  });

  it('B4 unknown: a source key with no good read is unknown, naming the failed read', () => {
    const r = copyToCentral(unread(sharedSourceKey), centralKey);
    expect(findingAbout(r, 'B4 source key')).toMatchObject({
      status: 'unknown',
      message: `source ${NEVER_READ}`,
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
  });

  it('B5 stale: a customer-managed destination key from the last good read passes and says the read is old', () => {
    const r = copyToCentral(sharedSourceKey, stale(centralKey));
    expect(findingAbout(r, 'B5 destination key')).toMatchObject({
      status: 'pass',
      message: `destination vault key is alias/central-key (customer-managed)${STALE_NOTE}`,
      evidence: staleEvidence,
    });
  });

  it('B5 unknown: a destination key with no good read is unknown, naming the failed read', () => {
    const r = copyToCentral(sharedSourceKey, unread(centralKey));
    expect(findingAbout(r, 'B5 destination key')).toMatchObject({
      status: 'unknown',
      message: `destination vault key is ${centralKey.arn} (manager unknown): ${NEVER_READ}`,
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
  });
});

describe('key lineage (A5): key nodes say when their read failed', () => {
  it('A5 stale: the lineage key carries the read error and its last good read; a key never read carries the error alone', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const lineageOf = (fact: AwsKmsKeyFact) => {
      const { inventory, v } = backedUp(key, fact);
      const chain = evaluatePosture(inventory, { now: NOW }).lineage[0];
      return chain.links.find(l => l.vaultArn === v.arn)!;
    };
    expect(lineageOf(stale(key)).observedKey).toMatchObject({
      keyArn: key.arn,
      manager: 'customer',
      readError: 'ThrottlingException: Rate exceeded',
      lastReadAt: LAST_READ,
    });
    const never = lineageOf(unread(key)).observedKey!;
    expect(never).toMatchObject({
      manager: 'unknown',
      readError: 'ThrottlingException: Rate exceeded',
    });
    expect(never.lastReadAt).toBeUndefined();
    const fresh = lineageOf({ ...key, readAt: NOW }).observedKey!;
    expect([fresh.readError, fresh.lastReadAt]).toEqual([undefined, undefined]);
  });
});
