import { describe, expect, it } from '@jest/globals';
import { AzureRecoveryVaultFact } from '../inventory';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  entity,
  keyArn,
  OSAKA,
  PROD,
  recoveryPoint,
  resource,
  TOKYO,
  vault,
} from './__fixtures__/builders';
import { derivedOf } from './derived';

const azureVault = (name: string, keyUri?: string): AzureRecoveryVaultFact => ({
  id: `/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/${name}`,
  name,
  subscriptionId: 'sub-1',
  resourceGroup: 'rg',
  location: 'japaneast',
  tags: {},
  ...(keyUri ? { keyUri } : {}),
});

describe('derivedOf: key mix and coverage, computed once for the API (issue 16)', () => {
  const db = resource('Aurora', PROD, TOKYO, 'orders');
  const customerKey = cmk(PROD, TOKYO, 'orders-key');
  const backupKey = awsManagedKey(CENTRAL, OSAKA, 'backup');
  const ownVault = vault(PROD, TOKYO, 'orders-vault', customerKey);
  const copyVault = vault(CENTRAL, OSAKA, 'central', backupKey);
  const ownedVault = vault(PROD, TOKYO, 'owned', undefined, {
    encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    encryptionKeyArn: keyArn(PROD, TOKYO, 'aws-owned-1'),
  });
  const undescribedKey = keyArn(PROD, TOKYO, 'never-described');
  const blindVault = vault(PROD, TOKYO, 'blind', undefined, {
    encryptionKeyArn: undescribedKey,
    encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
  });
  const points = [
    recoveryPoint(db, ownVault, customerKey),
    recoveryPoint(db, ownVault, customerKey),
    recoveryPoint(db, copyVault, backupKey),
    recoveryPoint(db, ownedVault, undefined, {
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
      encryptionKeyArn: ownedVault.encryptionKeyArn,
    }),
    recoveryPoint(db, blindVault, undefined, {
      encryptionKeyArn: undescribedKey,
    }),
  ];
  const inventory = entity(
    awsInventory({
      resources: [db],
      vaults: [ownVault, copyVault, ownedVault, blindVault],
      recoveryPoints: points,
      keys: [customerKey, backupKey],
    }),
    [],
    {
      azure: {
        vaults: [
          azureVault('rsv-cmk', 'https://kv.vault.azure.net/keys/k'),
          azureVault('rsv-pmk'),
        ],
        keyVaults: [],
        keys: [],
      },
    },
  );

  it('counts each distinct key once by its manager; a vault key never described is unknown', () => {
    expect(derivedOf(inventory).keysByManager).toEqual({
      customer: 2, // orders-key and the Azure vault's CMK
      awsManaged: 1, // aws/backup in the central account
      awsOwned: 1, // the owned vault's key, counted once
      platformManaged: 1,
      unknown: 1, // never-described
    });
  });

  it('counts recovery points by the manager of the key each is encrypted with', () => {
    expect(derivedOf(inventory).recoveryPointsByKeyManager).toEqual({
      customer: 3, // two points on orders-key, and the Azure CMK vault
      awsManaged: 1,
      awsOwned: 1,
      platformManaged: 1,
      unknown: 1,
    });
  });

  it('classifies a key by alias/aws/ when its description lacks the manager, and a failed read as unknown', () => {
    const aliasOnly = { ...backupKey, keyManager: undefined };
    const failed = cmk(PROD, TOKYO, 'failed', {
      error: { name: 'AccessDeniedException', message: 'no kms:DescribeKey' },
    });
    const mix = derivedOf(
      entity(awsInventory({ keys: [aliasOnly, failed] })),
    ).keysByManager;
    expect(mix).toMatchObject({ awsManaged: 1, unknown: 1, customer: 0 });
  });

  it('covers the accounts and regions of resources, vaults and recovery points, and Azure subscriptions apart', () => {
    const elsewhere = recoveryPoint(db, copyVault, backupKey, {
      accountId: '555555555555',
      region: 'us-east-1',
    });
    expect(
      derivedOf({
        ...inventory,
        aws: {
          ...inventory.aws!,
          recoveryPoints: [...points, elsewhere],
        },
      }).coverage,
    ).toEqual({
      accounts: [PROD, CENTRAL, '555555555555'].sort(),
      subscriptions: ['sub-1'],
      regions: [OSAKA, TOKYO, 'japaneast', 'us-east-1'].sort(),
    });
  });

  it('is all zeros and empty for an entity with nothing found', () => {
    expect(derivedOf(entity(undefined))).toEqual({
      keysByManager: {
        customer: 0,
        awsManaged: 0,
        awsOwned: 0,
        platformManaged: 0,
        unknown: 0,
      },
      recoveryPointsByKeyManager: {
        customer: 0,
        awsManaged: 0,
        awsOwned: 0,
        platformManaged: 0,
        unknown: 0,
      },
      coverage: { accounts: [], subscriptions: [], regions: [] },
    });
  });
});
