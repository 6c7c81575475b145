/**
 * backup-key-healthy (A3): which keys are judged (those of the entity's lineage as well as its
 * vaults'), in which order, and what each finding counts as depending on that key alone.
 */
import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  entity,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/**
 * An Aurora cluster (source-dependent: its points keep the cluster's own key, A1) backed up to
 * vault `a`, and a bucket (independent: its points take the vault's key) backed up to vault `b`.
 */
function estate(
  opts: {
    dbKey?: Parameters<typeof cmk>[3];
    bucketKey?: Parameters<typeof cmk>[3];
  } = {},
) {
  // Ids chosen so that sorting differs from the order the keys are met in.
  const dbKey = cmk(PROD, TOKYO, 'zz-db-key', opts.dbKey);
  const vaultKey = cmk(PROD, TOKYO, 'mm-vault-key');
  const bucketKey = cmk(PROD, TOKYO, 'aa-bucket-key', opts.bucketKey);
  const db = resource('Aurora', PROD, TOKYO, 'orders-db', {
    encryptionKeyArn: dbKey.arn,
  });
  const bucket = resource('S3', PROD, TOKYO, 'orders-bucket');
  const a = vault(PROD, TOKYO, 'a', vaultKey);
  const b = vault(PROD, TOKYO, 'b', bucketKey);
  const dbPoints = [
    recoveryPoint(db, a, dbKey),
    recoveryPoint(db, a, dbKey, { creationDate: '2026-11-20T00:00:00.000Z' }),
  ];
  const bucketPoints = [recoveryPoint(bucket, b, bucketKey)];
  const inv = awsInventory({
    resources: [db, bucket],
    vaults: [a, b],
    keys: [dbKey, vaultKey, bucketKey],
    plans: [plan(PROD, TOKYO, [rule('a'), rule('b')])],
    recoveryPoints: [...dbPoints, ...bucketPoints],
  });
  return { inv, dbKey, vaultKey, bucketKey, a, b, dbPoints, bucketPoints };
}

describe('backup-key-healthy (A3): the keys judged and what depends on each', () => {
  it("A3 judges the lineage's keys too, sorted by ARN, each with its own points and vaults", () => {
    const { inv, dbKey, vaultKey, bucketKey, a, b } = estate();
    const r = checkResult(entity(inv), 'backup-key-healthy');
    expect(r.findings.map(f => f.subject)).toEqual([
      bucketKey.arn,
      vaultKey.arn,
      dbKey.arn,
    ]);
    const evidenceOf = (arn: string) =>
      r.findings.find(f => f.subject === arn)!.evidence;
    // The cluster's own key protects its points in vault a (no vault uses it).
    expect(evidenceOf(dbKey.arn)).toMatchObject({
      recoveryPoints: 2,
      vaults: [],
    });
    // Vault a's key: the vault, but none of the points in it (they keep the cluster's key).
    expect(evidenceOf(vaultKey.arn)).toMatchObject({
      recoveryPoints: 0,
      vaults: [a.arn],
    });
    expect(evidenceOf(bucketKey.arn)).toMatchObject({
      recoveryPoints: 1,
      vaults: [b.arn],
    });
  });

  it('A3 fail: a disabled source key lists only the points it encrypts', () => {
    const { inv, dbKey, dbPoints } = estate({
      dbKey: { keyState: 'Disabled', enabled: false },
    });
    const r = checkResult(entity(inv), 'backup-key-healthy');
    expect(r.status).toBe('fail');
    expect(r.findings.find(f => f.subject === dbKey.arn)).toMatchObject({
      status: 'fail',
      message:
        'key is Disabled: 2 recovery point(s) and 0 vault(s) depend on it and become unrestorable',
      evidence: {
        affectedRecoveryPointArns: dbPoints.map(p => p.recoveryPointArn),
      },
    });
  });

  it('A3 fail: the affected points are listed up to 20, the count says how many', () => {
    const { inv, dbKey } = estate({
      dbKey: { keyState: 'PendingDeletion', enabled: false },
    });
    const db = inv.resources[0];
    const a = inv.vaults[0];
    const many = Array.from({ length: 23 }, () => recoveryPoint(db, a, dbKey));
    inv.recoveryPoints = [...inv.recoveryPoints, ...many];
    const f = checkResult(entity(inv), 'backup-key-healthy').findings.find(
      x => x.subject === dbKey.arn,
    )!;
    expect(f.message).toBe(
      'key is PendingDeletion: 25 recovery point(s) and 0 vault(s) depend on it and become unrestorable',
    );
    expect(f.evidence.affectedRecoveryPointArns).toHaveLength(20);
    expect(f.evidence.recoveryPoints).toBe(25);
  });

  it('A3 pass: one usable statement among others is enough for the key policy', () => {
    const { inv, bucketKey } = estate({
      bucketKey: {
        policy: policy(
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::999999999999:role/auditor' },
            Action: 'kms:DescribeKey',
            Resource: '*',
          },
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${PROD}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
        ),
      },
    });
    const r = checkResult(entity(inv), 'backup-key-healthy');
    expect(r.findings.find(f => f.subject === bucketKey.arn)).toMatchObject({
      status: 'pass',
      message: 'customer-managed key enabled and rotated',
    });
  });
});
