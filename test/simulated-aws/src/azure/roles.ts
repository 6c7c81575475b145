/**
 * Azure's built-in roles that matter for keys (and Reader), as ARM's role definitions describe them (ids and
 * data actions as published in the Azure built-in roles reference).
 */
import { SimKeyVaultRole } from './types';

export interface SimRoleDefinition {
  /** The role definition's GUID, the same in every tenant for built-in roles. */
  guid: string;
  description: string;
  actions: string[];
  dataActions: string[];
}

/** The management-plane reads the Key Vault roles share. */
const KEY_VAULT_READ_ACTIONS = [
  'Microsoft.Authorization/*/read',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
];

/** The roles the simulated tenant assigns: the Key Vault roles, and Reader on subscriptions. */
export type SimBuiltInRole = SimKeyVaultRole | 'Reader';

export const BUILT_IN_ROLES: Record<SimBuiltInRole, SimRoleDefinition> = {
  Reader: {
    guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    description:
      'View all resources, but does not allow you to make any changes.',
    actions: ['*/read'],
    dataActions: [],
  },
  'Key Vault Administrator': {
    guid: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
    description:
      'Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets.',
    actions: [
      ...KEY_VAULT_READ_ACTIONS,
      'Microsoft.Resources/deployments/*',
      'Microsoft.KeyVault/operations/read',
    ],
    dataActions: ['Microsoft.KeyVault/vaults/*'],
  },
  'Key Vault Crypto Officer': {
    guid: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
    description:
      'Perform any action on the keys of a key vault, except manage permissions.',
    actions: [...KEY_VAULT_READ_ACTIONS],
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/*',
      'Microsoft.KeyVault/vaults/keyrotationpolicies/*',
    ],
  },
  'Key Vault Crypto Service Encryption User': {
    guid: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    description:
      'Read metadata of keys and perform wrap/unwrap operations. Only works for key vaults that use the Azure role-based access control permission model.',
    actions: [
      'Microsoft.EventGrid/eventSubscriptions/write',
      'Microsoft.EventGrid/eventSubscriptions/read',
      'Microsoft.EventGrid/eventSubscriptions/delete',
    ],
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read',
      'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action',
    ],
  },
  'Key Vault Reader': {
    guid: '21090545-7ca7-4776-b22c-e363652d74d2',
    description:
      'Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material.',
    actions: [...KEY_VAULT_READ_ACTIONS, 'Microsoft.KeyVault/operations/read'],
    dataActions: [
      'Microsoft.KeyVault/vaults/*/read',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
    ],
  },
};

export function roleByGuid(
  guid: string,
): [SimBuiltInRole, SimRoleDefinition] | undefined {
  const lower = guid.toLowerCase();
  return (
    Object.entries(BUILT_IN_ROLES) as Array<[SimBuiltInRole, SimRoleDefinition]>
  ).find(([, def]) => def.guid === lower);
}
