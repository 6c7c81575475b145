import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  entity,
  PROD,
  protecting,
  RECOVERY,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import { checkResult } from '../__fixtures__/run';

/** Dates the facts carry that cannot be read (engine/aws/context.ts `daysSince`): never an age. */
describe('unreadable dates', () => {
  it('C3 restore-access-vault-hygiene unknown: a creation date that is not a date is unknown, like a missing one', () => {
    const lag = vault(PROD, TOKYO, 'lag', undefined, {
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
      locked: true,
    });
    const restore = vault(RECOVERY, TOKYO, 'restore', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: lag.arn,
      vaultState: 'AVAILABLE',
      creationDate: 'last tuesday',
    });
    expect(
      checkResult(
        entity(awsInventory({ ...protecting(lag), vaults: [lag, restore] })),
        'restore-access-vault-hygiene',
      ).findings,
    ).toEqual([
      {
        subject: restore.arn,
        status: 'unknown',
        message: 'creation date unknown',
        evidence: {
          sourceBackupVaultArn: lag.arn,
          creationDate: 'last tuesday',
          vaultState: 'AVAILABLE',
          maxAgeDays: 30,
        },
      },
    ]);
  });
});
