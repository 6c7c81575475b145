import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  cmk,
  entity,
  errorScope,
  PROD,
  protecting,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact, AwsKmsKeyFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';

/** vault-key-customer-managed (A3): what the user reads for each kind of vault key. */
const cmkKey = cmk(PROD, TOKYO, 'vault-key');
const managed = awsManagedKey(PROD, TOKYO, 'backup');

function vaultKeyFindings(
  vaults: AwsBackupVaultFact[],
  keys: AwsKmsKeyFact[],
  scopes = [] as ReturnType<typeof errorScope>[],
) {
  return checkResult(
    entity(awsInventory({ ...protecting(...vaults), vaults, keys }), scopes),
    'vault-key-customer-managed',
  );
}

const airGapped = (extra: Partial<AwsBackupVaultFact> = {}) =>
  vault(PROD, TOKYO, 'lag', undefined, {
    vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    locked: true,
    ...extra,
  });

describe('vault-key-customer-managed (A3): reasons and evidence', () => {
  it('A3 pass: names the customer-managed key and carries the vault and key evidence', () => {
    const v = vault(PROD, TOKYO, 'a', cmkKey);
    expect(vaultKeyFindings([v], [cmkKey]).findings).toEqual([
      {
        subject: v.arn,
        status: 'pass',
        message: 'uses alias/vault-key (customer-managed)',
        evidence: {
          vaultType: 'BACKUP_VAULT',
          encryptionKeyArn: cmkKey.arn,
          encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
          keyAlias: 'alias/vault-key',
          keyManager: 'customer',
        },
      },
    ]);
  });

  it('A3 fail: aws/backup says why it matters, with the key in the evidence', () => {
    const v = vault(PROD, TOKYO, 'a', managed);
    const r = vaultKeyFindings([v], [managed]);
    expect(r.status).toBe('fail');
    expect(r.findings).toEqual([
      {
        subject: v.arn,
        status: 'fail',
        message:
          'uses alias/aws/backup (AWS-managed): not shareable, not under your key policy',
        evidence: {
          vaultType: 'BACKUP_VAULT',
          encryptionKeyArn: managed.arn,
          encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
          keyAlias: 'alias/aws/backup',
          keyManager: 'aws-managed',
        },
      },
    ]);
  });

  it('A3 warn: an AWS-owned key on a logically air-gapped vault (the only kind allowed one)', () => {
    const lag = airGapped();
    const r = vaultKeyFindings([lag], []);
    expect(r.status).toBe('warn');
    expect(r.findings).toEqual([
      {
        subject: lag.arn,
        status: 'warn',
        message: 'uses an AWS-owned key: you cannot audit or revoke its use',
        evidence: {
          vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
          encryptionKeyType: 'AWS_OWNED_KMS_KEY',
          keyManager: 'aws-owned',
        },
      },
    ]);
  });

  it('A3 fail: an AWS-owned key on a standard backup vault', () => {
    const v = vault(PROD, TOKYO, 'a', undefined, {
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    });
    const r = vaultKeyFindings([v], []);
    expect(r.status).toBe('fail');
    expect(r.findings[0]).toMatchObject({
      subject: v.arn,
      status: 'fail',
      message: 'uses an AWS-owned key: you cannot audit or revoke its use',
      evidence: { vaultType: 'BACKUP_VAULT', keyManager: 'aws-owned' },
    });
  });

  it('A3: restore access vaults are left out (their key is the source vault’s)', () => {
    const lag = airGapped({
      encryptionKeyArn: cmkKey.arn,
      encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
    });
    const restoreAccess = vault(PROD, TOKYO, 'restore-access', managed, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: lag.arn,
    });
    const r = vaultKeyFindings([lag, restoreAccess], [cmkKey, managed]);
    expect(r.findings.map(f => [f.subject, f.status])).toEqual([
      [lag.arn, 'pass'],
    ]);
    expect(r.status).toBe('pass');
  });

  it('A3 unknown: a vault that reports no key says so', () => {
    const v = vault(PROD, TOKYO, 'a', undefined);
    expect(vaultKeyFindings([v], []).findings).toEqual([
      {
        subject: v.arn,
        status: 'unknown',
        message: 'key manager unknown (vault reports no key)',
        evidence: { vaultType: 'BACKUP_VAULT', keyManager: 'unknown' },
      },
    ]);
  });

  it('A3 unknown: a key that was not described says so; a failed DescribeKey gives its error', () => {
    const v = vault(PROD, TOKYO, 'a', cmkKey);
    expect(vaultKeyFindings([v], []).findings[0]).toMatchObject({
      status: 'unknown',
      message: 'key manager unknown (key was not described)',
      evidence: {
        encryptionKeyArn: cmkKey.arn,
        keyManager: 'unknown',
      },
    });
    const denied = {
      ...cmkKey,
      keyManager: undefined,
      error: {
        name: 'AccessDeniedException',
        message: 'kms:DescribeKey denied',
      },
    };
    expect(vaultKeyFindings([v], [denied]).findings[0].message).toBe(
      'key manager unknown (key could not be read and no earlier read succeeded: AccessDeniedException: kms:DescribeKey denied)',
    );
  });

  it('A3 unknown: an undescribed key in a scope whose scan failed gives the scan error', () => {
    const v = vault(PROD, TOKYO, 'a', cmkKey);
    const r = vaultKeyFindings([v], [], [errorScope(PROD, TOKYO)]);
    const own = r.findings.filter(f => f.subject === v.arn);
    expect(own[0]).toMatchObject({
      status: 'unknown',
      message:
        'key manager unknown (scan of account 222222222222 in ap-northeast-1 failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults)',
    });
    expect(r.status).toBe('unknown');
  });
});
