import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  daysAgo,
  entity,
  hoursAgo,
  PROD,
  protecting,
  RECOVERY,
  TOKYO,
  vault,
  vaultArn,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact } from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';

/** restore-access-vault-hygiene (C3): what each restore access vault finding says and carries. */
const lagArn = vaultArn(PROD, TOKYO, 'lag');
const lagVault = (extra: Partial<AwsBackupVaultFact> = {}) =>
  vault(PROD, TOKYO, 'lag', undefined, {
    vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    locked: true,
    ...extra,
  });
const restoreVault = (extra: Partial<AwsBackupVaultFact>) =>
  vault(RECOVERY, TOKYO, 'restore', undefined, {
    vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
    sourceBackupVaultArn: lagArn,
    vaultState: 'AVAILABLE',
    ...extra,
  });
const hygiene = (...vaults: AwsBackupVaultFact[]) =>
  checkResult(
    entity(awsInventory({ ...protecting(lagVault()), vaults })),
    'restore-access-vault-hygiene',
  );

describe('restore-access-vault-hygiene (C3): reasons and evidence', () => {
  it('C3 pass: names the source vault and the age in whole days, with the limit as evidence', () => {
    const created = hoursAgo(24 * 2 + 20);
    const v = restoreVault({ creationDate: created });
    expect(hygiene(lagVault(), v).findings).toEqual([
      {
        subject: v.arn,
        status: 'pass',
        message: `from ${lagArn}, 2 days old`,
        evidence: {
          sourceBackupVaultArn: lagArn,
          creationDate: created,
          vaultState: 'AVAILABLE',
          maxAgeDays: 30,
        },
      },
    ]);
  });

  it('C3 warn: open longer than the limit says for how long and what to do; exactly the limit is still fine', () => {
    expect(
      hygiene(lagVault(), restoreVault({ creationDate: daysAgo(45) }))
        .findings[0],
    ).toMatchObject({
      status: 'warn',
      message:
        'restore access open for 45 days (limit 30): revoke it if the restore is done',
    });
    expect(
      hygiene(lagVault(), restoreVault({ creationDate: daysAgo(30) }))
        .findings[0].status,
    ).toBe('pass');
    expect(
      checkResult(
        entity(
          awsInventory({
            ...protecting(lagVault()),
            vaults: [lagVault(), restoreVault({ creationDate: daysAgo(45) })],
          }),
        ),
        'restore-access-vault-hygiene',
        { limits: { maxRestoreAccessVaultAgeDays: 60 } },
      ).findings[0].status,
    ).toBe('pass');
  });

  it('C3 unknown: an unknown creation date is unknown', () => {
    expect(
      hygiene(lagVault(), restoreVault({ creationDate: undefined }))
        .findings[0],
    ).toMatchObject({ status: 'unknown', message: 'creation date unknown' });
  });

  it('C3: a restore access vault listed under its air-gapped vault and also discovered is judged once, from its own facts', () => {
    const own = restoreVault({ creationDate: daysAgo(2) });
    const lag = lagVault({
      restoreAccessVaults: [
        {
          restoreAccessBackupVaultArn: own.arn,
          creationDate: daysAgo(90),
          vaultState: 'AVAILABLE',
        },
        {
          restoreAccessBackupVaultArn: vaultArn(RECOVERY, TOKYO, 'r2'),
          creationDate: daysAgo(3),
          vaultState: 'CREATING',
        },
      ],
    });
    const r = hygiene(lag, own);
    expect(r.findings).toHaveLength(2);
    expect(findingAbout(r, ':backup-vault:restore').status).toBe('pass');
    expect(findingAbout(r, ':backup-vault:r2')).toMatchObject({
      status: 'pass',
      message: `from ${lag.arn}, 3 days old`,
      evidence: { sourceBackupVaultArn: lag.arn, vaultState: 'CREATING' },
    });
  });

  it('C3 not-applicable: no restore access vault at all', () => {
    const r = hygiene(lagVault());
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('not-applicable');
  });
});
