import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  cmk,
  entity,
  errorScope,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsKmsKeyFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';

/** backup-key-healthy (A3): every key the lineage and the vaults use, with its blast radius. */
function healthOf(
  key: AwsKmsKeyFact,
  described: AwsKmsKeyFact[] = [key],
  scopes = [] as ReturnType<typeof errorScope>[],
) {
  const v = vault(PROD, TOKYO, 'a', key);
  const bucket = resource('S3', PROD, TOKYO, 'b');
  const points = [recoveryPoint(bucket, v, key), recoveryPoint(bucket, v, key)];
  const r = checkResult(
    entity(
      awsInventory({
        resources: [bucket],
        vaults: [v],
        keys: described,
        plans: [plan(PROD, TOKYO, [rule('a')])],
        recoveryPoints: points,
      }),
      scopes,
    ),
    'backup-key-healthy',
  );
  return { r, v, points };
}
const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('backup-key-healthy (A3): reasons and evidence', () => {
  it('A3 pass: one finding per key, with state, manager, rotation and what depends on it', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { r, v } = healthOf(key);
    expect(r.findings).toEqual([
      {
        subject: key.arn,
        status: 'pass',
        message: 'customer-managed key enabled and rotated',
        evidence: {
          keyState: 'Enabled',
          keyManager: 'customer',
          rotationEnabled: true,
          recoveryPoints: 2,
          vaults: [v.arn],
        },
      },
    ]);
  });

  it('A3 fail: a disabled key names how many points and vaults become unrestorable, and lists the points', () => {
    const key = cmk(PROD, TOKYO, 'vault-key', {
      keyState: 'Disabled',
      enabled: false,
    });
    const { r, points } = healthOf(key);
    expect(r.findings[0]).toMatchObject({
      status: 'fail',
      message:
        'key is Disabled: 2 recovery point(s) and 1 vault(s) depend on it and become unrestorable',
      evidence: {
        keyState: 'Disabled',
        affectedRecoveryPointArns: points.map(p => p.recoveryPointArn),
      },
    });
    const stateOnly = healthOf(
      cmk(PROD, TOKYO, 'vault-key', { keyState: 'PendingDeletion' }),
    ).r;
    expect(stateOnly.findings[0].status).toBe('fail');
    const flagOnly = healthOf(
      cmk(PROD, TOKYO, 'vault-key', { enabled: false }),
    ).r;
    expect(flagOnly.findings[0].message).toContain('key is Enabled:');
  });

  it('A3 warn: rotation off and a key policy that lets neither the account nor AWS Backup use the key, both named', () => {
    const key = cmk(PROD, TOKYO, 'vault-key', {
      rotationEnabled: false,
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::999999999999:root' },
        Action: 'kms:*',
        Resource: '*',
      }),
    });
    expect(healthOf(key).r.findings[0]).toMatchObject({
      status: 'warn',
      message:
        'automatic rotation is off; key policy does not let the account (or AWS Backup) use the key',
      evidence: { rotationEnabled: false },
    });
  });

  it('A3: a key policy counts as usable when it lets the account decrypt or create grants, or names AWS Backup in a condition', () => {
    const usable = (statement: object) =>
      healthOf(cmk(PROD, TOKYO, 'vault-key', { policy: policy(statement) })).r
        .findings[0].status;
    expect(
      usable({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${PROD}:role/backup` },
        Action: 'kms:CreateGrant',
      }),
    ).toBe('pass');
    expect(
      usable({
        Effect: 'Allow',
        Principal: '*',
        Action: ['kms:Decrypt'],
        Condition: {
          StringEquals: {
            'kms:ViaService': 'backup.ap-northeast-1.amazonaws.com',
          },
        },
      }),
    ).toBe('pass');
    expect(
      usable({
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${PROD}:root` },
        Action: 'kms:*',
      }),
    ).toBe('warn');
    expect(
      usable({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${PROD}:root` },
        Action: 'kms:DescribeKey',
      }),
    ).toBe('warn');
    expect(
      healthOf(cmk(PROD, TOKYO, 'vault-key', { policy: 'not json' })).r
        .findings[0].status,
    ).toBe('warn');
    expect(
      healthOf(cmk(PROD, TOKYO, 'vault-key', { policy: undefined })).r
        .findings[0].status,
    ).toBe('pass');
  });

  it('A3 pass: an enabled AWS-managed key says AWS rotates it', () => {
    const managed = awsManagedKey(PROD, TOKYO, 'backup', {
      rotationEnabled: false,
    });
    expect(healthOf(managed).r.findings[0]).toMatchObject({
      status: 'pass',
      message: 'AWS-managed key enabled (AWS rotates it)',
      evidence: { keyManager: 'aws-managed' },
    });
  });

  it('A3 unknown: says why — DescribeKey error, the scope’s scan error, not described, or no state reported', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    expect(
      healthOf(key, [
        {
          ...key,
          error: { name: 'AccessDeniedException', message: 'kms denied' },
        },
      ]).r.findings[0],
    ).toMatchObject({
      status: 'unknown',
      message:
        'key health unknown: key could not be read and no earlier read succeeded: AccessDeniedException: kms denied',
      evidence: { keyManager: 'unknown', recoveryPoints: 2 },
    });
    expect(healthOf(key, []).r.findings[0].message).toBe(
      'key health unknown: key was not described',
    );
    const failed = healthOf(key, [], [errorScope(PROD, TOKYO)]).r;
    expect(failed.findings.find(f => f.subject === key.arn)?.message).toBe(
      `key health unknown: scan of account ${PROD} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
    );
    expect(
      healthOf({ ...key, keyState: undefined }).r.findings[0],
    ).toMatchObject({ status: 'unknown', message: 'key state not reported' });
  });

  it('A3: AWS-owned vault keys are not judged', () => {
    const lag = vault(PROD, TOKYO, 'lag', undefined, {
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      encryptionKeyArn: 'arn:aws:kms:ap-northeast-1:000000000000:key/owned',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    });
    const r = checkResult(
      entity(
        awsInventory({
          resources: [resource('S3', PROD, TOKYO, 'b')],
          vaults: [lag],
          plans: [
            plan(PROD, TOKYO, [
              rule('lag', { targetLogicallyAirGappedBackupVaultArn: lag.arn }),
            ]),
          ],
        }),
      ),
      'backup-key-healthy',
    );
    expect(r.findings).toEqual([]);
  });
});
