import { describe, expect, it } from '@jest/globals';
import {
  awsManagedKey,
  CENTRAL,
  entity,
  plan,
  PROD,
  rule,
  TOKYO,
} from '../../../__fixtures__/builders';
import { copyToCentral, prereq } from '../__testUtils__/crossAccount';

describe('cross-account-copy-ready (B1–B6): reasons and evidence', () => {
  it('B6: a lifecycle read from the wire with a null cold-storage setting has no cold storage', () => {
    const { inventory, central } = copyToCentral();
    const inv = entity({
      ...inventory.aws!,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: central.arn,
                lifecycle: {
                  moveToColdStorageAfterDays: null as unknown as number,
                  deleteAfterDays: 35,
                },
              },
            ],
          }),
        ]),
      ],
    });
    expect(prereq(inv, 'B6 cold storage')).toMatchObject({
      status: 'pass',
      message: 'no cold storage on the copy',
      evidence: { moveToColdStorageAfterDays: null },
    });
  });

  it('B5: the destination key and its manager are the evidence; aws/backup fails and an undescribed key is unknown', () => {
    const { inventory, centralKey } = copyToCentral();
    expect(prereq(inventory, 'B5 destination key')).toMatchObject({
      status: 'pass',
      message: 'destination vault key is alias/central-key (customer-managed)',
      evidence: {
        destinationKeyArn: centralKey.arn,
        destinationKeyManager: 'customer',
      },
    });
    const managed = awsManagedKey(CENTRAL, TOKYO, 'backup');
    const onManaged = entity({
      ...inventory.aws!,
      keys: [...inventory.aws!.keys, managed],
      vaults: inventory.aws!.vaults.map(v =>
        v.accountId === CENTRAL ? { ...v, encryptionKeyArn: managed.arn } : v,
      ),
    });
    expect(prereq(onManaged, 'B5 destination key')).toMatchObject({
      status: 'fail',
      evidence: { destinationKeyManager: 'aws-managed' },
    });
    const undescribed = entity({
      ...inventory.aws!,
      keys: inventory.aws!.keys.filter(k => k.arn !== centralKey.arn),
    });
    expect(prereq(undescribed, 'B5 destination key').status).toBe('unknown');
  });

  it('B6: the copy lifecycle is the evidence; cold storage on the copy fails and says after how many days', () => {
    const { inventory, central } = copyToCentral();
    expect(prereq(inventory, 'B6 cold storage')).toMatchObject({
      status: 'pass',
      message: 'no cold storage on the copy',
      evidence: { moveToColdStorageAfterDays: null },
    });
    const cold = entity({
      ...inventory.aws!,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: central.arn,
                lifecycle: {
                  moveToColdStorageAfterDays: 0,
                  deleteAfterDays: 120,
                },
              },
            ],
          }),
        ]),
      ],
    });
    expect(prereq(cold, 'B6 cold storage')).toMatchObject({
      status: 'fail',
      message:
        'copy lifecycle moves to cold storage after 0 days: not supported for cross-account copies',
      evidence: { moveToColdStorageAfterDays: 0 },
    });
  });

  it('B5 fail: an AWS-owned key on the destination (an air-gapped vault) is not a customer-managed key', () => {
    const { inventory, central } = copyToCentral();
    const inv = entity({
      ...inventory.aws!,
      vaults: inventory.aws!.vaults.map(v =>
        v.arn === central.arn
          ? {
              ...v,
              vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' as const,
              encryptionKeyArn: undefined,
              encryptionKeyType: 'AWS_OWNED_KMS_KEY' as const,
            }
          : v,
      ),
    });
    expect(prereq(inv, 'B5 destination key')).toMatchObject({
      status: 'fail',
      message: 'destination vault key is an AWS-owned key',
      evidence: { destinationKeyManager: 'aws-owned' },
    });
  });
});
