import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  cmk,
  daysAgo,
  entity,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsKmsKeyFact, AwsResourceFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';
import { auroraCrossRegionIntoAwsBackupVault } from '../../../__fixtures__/scenarios';

/** copy-destination-key (A4) and recovery-point-encrypted (A1, A2): reasons and evidence. */
const sourceVaultKey = cmk(PROD, TOKYO, 'vault-key');

function copyToOsaka(
  resources: AwsResourceFact[],
  destKey: AwsKmsKeyFact | undefined,
  extraKeys: AwsKmsKeyFact[] = [],
) {
  const src = vault(PROD, TOKYO, 'a', sourceVaultKey);
  const dest = vault(PROD, OSAKA, 'dr', destKey);
  const inventory = entity(
    awsInventory({
      resources,
      vaults: [src, dest],
      keys: [sourceVaultKey, ...(destKey ? [destKey] : []), ...extraKeys],
      plans: [
        plan(PROD, TOKYO, [
          rule('a', { copyActions: [{ destinationBackupVaultArn: dest.arn }] }),
        ]),
      ],
    }),
  );
  return { inventory, dest };
}
const destinationKey = (inv: ReturnType<typeof entity>) =>
  checkResult(inv, 'copy-destination-key');

describe('copy-destination-key (A4): reasons and evidence', () => {
  it('A4 pass: names the destination CMK, with the vault, key and resource types as evidence', () => {
    const drKey = cmk(PROD, OSAKA, 'dr-key');
    const { inventory, dest } = copyToOsaka(
      [
        resource('S3', PROD, TOKYO, 'b'),
        resource('Aurora', PROD, TOKYO, 'db'),
        resource('S3', PROD, TOKYO, 'c'),
      ],
      drKey,
    );
    const r = destinationKey(inventory);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      status: 'pass',
      message: 'copies get alias/dr-key (customer-managed)',
      evidence: {
        destinationBackupVaultArn: dest.arn,
        destinationKeyArn: drKey.arn,
        resourceTypes: ['Aurora', 'S3'],
        destinationKeyManager: 'customer',
        destinationKeyAlias: 'alias/dr-key',
      },
    });
  });

  it('A4 fail: every source-dependent type is named with the key it falls back to; no replica, no replica note', () => {
    const managed = awsManagedKey(PROD, OSAKA, 'backup');
    const { inventory } = copyToOsaka(
      [
        resource('Aurora', PROD, TOKYO, 'db'),
        resource('EBS', PROD, TOKYO, 'vol-1'),
        resource('S3', PROD, TOKYO, 'b'),
      ],
      managed,
    );
    const [f] = destinationKey(inventory).findings;
    expect(f.status).toBe('fail');
    expect(f.message).toBe(
      'destination vault dr uses alias/aws/backup (AWS-managed): copies will get Aurora → alias/aws/rds, EBS → alias/aws/ebs',
    );
    expect(f.evidence).not.toHaveProperty('unusedReplicaKeyArns');
    expect(f.evidence.destinationKeyManager).toBe('aws-managed');
  });

  it('A4 fail: the unused multi-region replica is named in the message too', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const inv = entity({
      ...s.inventory.aws!,
      recoveryPoints: [],
      copyJobs: [],
    });
    const [f] = destinationKey(inv).findings;
    expect(f.message).toBe(
      `destination vault dr uses alias/aws/backup (AWS-managed): copies will get Aurora → alias/aws/rds; multi-region replica ${s.replica.arn} exists in ${OSAKA} but is unused`,
    );
  });

  it('A4 warn: independent types only into aws/backup keep aws/backup, and say it is not a CMK', () => {
    const managed = awsManagedKey(PROD, OSAKA, 'backup');
    const { inventory } = copyToOsaka(
      [resource('DynamoDB', PROD, TOKYO, 't')],
      managed,
    );
    expect(destinationKey(inventory).findings[0]).toMatchObject({
      status: 'warn',
      message:
        'copies get alias/aws/backup (AWS-managed), not a customer-managed key',
    });
  });

  it('A4 unknown: an undescribed destination key says so, with the DescribeKey error when there is one', () => {
    const drKey = cmk(PROD, OSAKA, 'dr-key');
    const { inventory } = copyToOsaka(
      [resource('S3', PROD, TOKYO, 'b')],
      undefined,
    );
    const noKeyVault = entity({
      ...inventory.aws!,
      vaults: inventory.aws!.vaults.map(v =>
        v.region === OSAKA ? { ...v, encryptionKeyArn: drKey.arn } : v,
      ),
    });
    expect(destinationKey(noKeyVault).findings[0]).toMatchObject({
      status: 'unknown',
      message: 'destination key manager unknown',
      evidence: { destinationKeyManager: 'unknown' },
    });
    const denied = entity({
      ...noKeyVault.aws!,
      keys: [
        ...noKeyVault.aws!.keys,
        {
          ...drKey,
          keyManager: undefined,
          error: { name: 'AccessDeniedException', message: 'denied' },
        },
      ],
    });
    expect(destinationKey(denied).findings[0].message).toBe(
      'destination key manager unknown: key could not be read and no earlier read succeeded: AccessDeniedException: denied',
    );
  });

  it('A4 unknown: a destination vault not discovered in a scope that did not fail says it was not scanned', () => {
    const { inventory, dest } = copyToOsaka(
      [resource('S3', PROD, TOKYO, 'b')],
      cmk(PROD, OSAKA, 'dr-key'),
    );
    const inv = entity({
      ...inventory.aws!,
      vaults: inventory.aws!.vaults.filter(v => v.arn !== dest.arn),
    });
    expect(destinationKey(inv).findings[0]).toMatchObject({
      status: 'unknown',
      message:
        'destination key unknown: destination vault was not discovered (account or region not scanned)',
      evidence: { destinationBackupVaultArn: dest.arn, resourceTypes: ['S3'] },
    });
  });
});

describe('recovery-point-encrypted (A1, A2): reasons and evidence', () => {
  const key = cmk(PROD, TOKYO, 'vault-key');
  const v = vault(PROD, TOKYO, 'a', key);
  const pointFinding = (
    res: AwsResourceFact,
    extra: Parameters<typeof recoveryPoint>[3],
    pointKey: AwsKmsKeyFact | undefined = undefined,
  ) => {
    const point = recoveryPoint(res, v, pointKey, extra);
    const r = checkResult(
      entity(
        awsInventory({
          resources: [res],
          vaults: [v],
          keys: [key],
          recoveryPoints: [point],
        }),
      ),
      'recovery-point-encrypted',
    );
    return { r, point };
  };

  it('A1 pass: the evidence names the resource, vault, key and manager, and when the point expires', () => {
    const bucket = resource('S3', PROD, TOKYO, 'bucket');
    const { r, point } = pointFinding(
      bucket,
      { calculatedLifecycle: { deleteAt: '2027-01-01T00:00:00.000Z' } },
      key,
    );
    expect(r.findings).toEqual([
      {
        subject: point.recoveryPointArn,
        status: 'pass',
        message: 'encrypted with alias/vault-key (customer-managed)',
        evidence: {
          resourceArn: bucket.arn,
          resourceType: 'S3',
          backupVaultArn: v.arn,
          isEncrypted: true,
          encryptionKeyArn: key.arn,
          keyManager: 'customer',
          deleteAt: '2027-01-01T00:00:00.000Z',
        },
      },
    ]);
  });

  it('A1/A2 fail: an unencrypted independent-type point blames the point, not the source, and says it never expires', () => {
    const bucket = resource('S3', PROD, TOKYO, 'bucket');
    const { r } = pointFinding(bucket, {});
    expect(r.findings[0]).toMatchObject({
      status: 'fail',
      message:
        'not encrypted: the point was created unencrypted; it never expires: delete it once an encrypted point exists',
      evidence: { isEncrypted: false, deleteAt: null, resourceType: 'S3' },
    });
    expect(r.findings[0].evidence).not.toHaveProperty('keyManager');
  });

  it('A1/A2 fail: an unencrypted RDS point blames the source resource and gives its expiry from the lifecycle', () => {
    const db = resource('RDS', PROD, TOKYO, 'orders');
    const { r } = pointFinding(db, {
      creationDate: daysAgo(5),
      lifecycle: { deleteAfterDays: 35 },
    });
    const expires = new Date(
      Date.parse(daysAgo(5)) + 35 * 86_400_000,
    ).toISOString();
    expect(r.findings[0]).toMatchObject({
      status: 'fail',
      message: `not encrypted: the source RDS resource is not encrypted (A1: its points keep the source's encryption); it stays unencrypted until it expires on ${expires}`,
      evidence: { deleteAt: expires },
    });
  });
});

describe('copy-destination-key (A4): a destination with an AWS-owned key', () => {
  it('A4 warn: an Aurora copy into an air-gapped vault on an AWS-owned key gets that key, not the aws/rds fallback, and is not a CMK', () => {
    const src = vault(PROD, TOKYO, 'a', sourceVaultKey);
    const dest = vault(PROD, OSAKA, 'lag', undefined, {
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    });
    const inventory = entity(
      awsInventory({
        resources: [resource('Aurora', PROD, TOKYO, 'db')],
        vaults: [src, dest],
        keys: [sourceVaultKey],
        plans: [
          plan(PROD, TOKYO, [
            rule('a', {
              copyActions: [{ destinationBackupVaultArn: dest.arn }],
            }),
          ]),
        ],
      }),
    );
    expect(destinationKey(inventory).findings).toEqual([
      expect.objectContaining({
        status: 'warn',
        message: 'copies get an AWS-owned key, not a customer-managed key',
        evidence: expect.objectContaining({
          destinationBackupVaultArn: dest.arn,
          resourceTypes: ['Aurora'],
          destinationKeyManager: 'aws-owned',
        }),
      }),
    ]);
  });

  it('A4 fail: a multi-region replica of an independent-type source key (S3) is no unused replica: only source-dependent sources name one', () => {
    const mrk = cmk(PROD, TOKYO, 'mrk-bucket', {
      multiRegionKeyType: 'PRIMARY',
      replicaKeyArns: [`arn:aws:kms:${OSAKA}:${PROD}:key/mrk-bucket`],
    });
    const replica = cmk(PROD, OSAKA, 'mrk-bucket', {
      multiRegionKeyType: 'REPLICA',
      primaryKeyArn: mrk.arn,
    });
    const { inventory } = copyToOsaka(
      [
        resource('Aurora', PROD, TOKYO, 'db'),
        resource('S3', PROD, TOKYO, 'b', { encryptionKeyArn: mrk.arn }),
      ],
      awsManagedKey(PROD, OSAKA, 'backup'),
      [mrk, replica],
    );
    const [f] = destinationKey(inventory).findings;
    expect(f).toMatchObject({
      status: 'fail',
      message:
        'destination vault dr uses alias/aws/backup (AWS-managed): copies will get Aurora → alias/aws/rds',
    });
    expect(f.evidence).not.toHaveProperty('unusedReplicaKeyArns');
  });
});
