/**
 * Shared by the Azure vault check tests (vaults.test.ts, vaultKeyAccess.test.ts): an Azure entity
 * with one Recovery Services vault, its key vault and its key, all healthy; parts replaced as given.
 */
import {
  AzureInventory,
  AzureKeyFact,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
} from '../../../../inventory';
import { entity } from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const KEY_URI = 'https://payments-kv.vault.azure.net/keys/backup';

export const rsv = (
  extra: Partial<AzureRecoveryVaultFact> = {},
): AzureRecoveryVaultFact => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/payments`,
  name: 'payments',
  subscriptionId: SUB,
  resourceGroup: 'rg',
  location: 'japaneast',
  tags: {},
  keyUri: KEY_URI,
  useSystemAssignedIdentity: true,
  systemAssignedPrincipalId: 'principal-1',
  infrastructureEncryption: 'Enabled',
  immutabilityState: 'Locked',
  softDeleteState: 'AlwaysON',
  multiUserAuthorization: 'Enabled',
  ...extra,
});
export const keyVault = (
  extra: Partial<AzureKeyVaultFact> = {},
): AzureKeyVaultFact => ({
  name: 'payments-kv',
  location: 'japaneast',
  enableSoftDelete: true,
  enablePurgeProtection: true,
  accessPolicies: [
    {
      objectId: 'principal-1',
      keyPermissions: ['get', 'list', 'wrapKey', 'unwrapKey'],
    },
  ],
  ...extra,
});
export const key = (extra: Partial<AzureKeyFact> = {}): AzureKeyFact => ({
  keyUri: KEY_URI,
  keyVaultName: 'payments-kv',
  keyName: 'backup',
  keyType: 'RSA',
  enabled: true,
  ...extra,
});
export const azure = (parts: Partial<AzureInventory> = {}) =>
  entity(undefined, [], {
    azure: {
      vaults: [rsv()],
      keyVaults: [keyVault()],
      keys: [key()],
      ...parts,
    },
  });
export const status = (inv: ReturnType<typeof azure>, id: string) =>
  checkResult(inv, id).status;
