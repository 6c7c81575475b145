/**
 * Facts about the Azure model that both the wire handlers and the oracle need: resource ids,
 * key URIs and who may do what on a key vault. No wire shapes here.
 */
import { AZURE_HOSTS } from './constants';
import {
  SimAzureEstate,
  SimKeyPermission,
  SimKeyVault,
  SimKeyVaultRole,
  SimRecoveryVault,
} from './types';

export function recoveryVaultId(v: SimRecoveryVault): string {
  return `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${v.name}`;
}

export function keyVaultId(kv: SimKeyVault): string {
  return `/subscriptions/${kv.subscriptionId}/resourceGroups/${kv.resourceGroup}/providers/Microsoft.KeyVault/vaults/${kv.name}`;
}

export function userAssignedIdentityId(i: {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}): string {
  return `/subscriptions/${i.subscriptionId}/resourceGroups/${i.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${i.name}`;
}

export function keyVaultUri(name: string): string {
  return `https://${name}${AZURE_HOSTS.keyVaultSuffix}/`;
}

/** `https://{kv}.vault.azure.net/keys/{name}[/{version}]` split into its parts. */
export function parseKeyUri(
  keyUri: string,
): { keyVaultName: string; keyName: string; version?: string } | undefined {
  const m =
    /^https:\/\/([a-z0-9-]+)\.vault\.azure\.net(?::443)?\/keys\/([^/]+)(?:\/([^/]*))?\/?$/i.exec(
      keyUri,
    );
  if (!m) return undefined;
  return {
    keyVaultName: m[1].toLowerCase(),
    keyName: m[2],
    version: m[3] || undefined,
  };
}

export function findKeyVault(
  azure: SimAzureEstate,
  name: string,
): SimKeyVault | undefined {
  const lower = name.toLowerCase();
  return azure.keyVaults.find(kv => kv.name.toLowerCase() === lower);
}

/** The key permissions Azure Backup needs on a vault's key (Z3). */
export const BACKUP_KEY_PERMISSIONS = [
  'get',
  'list',
  'wrapKey',
  'unwrapKey',
] as const satisfies readonly SimKeyPermission[];

/** What each built-in role allows on keys (data plane). */
const ROLE_KEY_PERMISSIONS: Record<SimKeyVaultRole, SimKeyPermission[]> = {
  'Key Vault Administrator': ['all'],
  'Key Vault Crypto Officer': ['all'],
  // "Read metadata of keys and perform wrap/unwrap operations".
  'Key Vault Crypto Service Encryption User': [
    'get',
    'list',
    'wrapKey',
    'unwrapKey',
  ],
  // `Microsoft.KeyVault/vaults/*/read` covers keys and their rotation policies.
  'Key Vault Reader': ['get', 'list', 'getrotationpolicy'],
};

/** The key permissions `objectId` holds on `kv` under its authorization model. */
export function keyPermissionsOf(
  kv: SimKeyVault,
  objectId: string | undefined,
): Set<SimKeyPermission> {
  const perms = new Set<SimKeyPermission>();
  if (!objectId) return perms;
  if (kv.enableRbacAuthorization) {
    for (const ra of kv.roleAssignments)
      if (ra.principalId === objectId)
        ROLE_KEY_PERMISSIONS[ra.role].forEach(p => perms.add(p));
  } else {
    for (const ap of kv.accessPolicies)
      if (ap.objectId === objectId) ap.keys.forEach(p => perms.add(p));
  }
  return perms;
}

export function hasKeyPermission(
  kv: SimKeyVault,
  objectId: string | undefined,
  permission: SimKeyPermission,
): boolean {
  const perms = keyPermissionsOf(kv, objectId);
  return perms.has('all') || perms.has(permission);
}

/** The object id of the identity a vault uses to read its key (Z3), if it has one. */
export function kekPrincipalId(
  azure: SimAzureEstate,
  vault: SimRecoveryVault,
): string | undefined {
  const kek = vault.encryption?.kekIdentity;
  if (!kek) return undefined;
  if ('system' in kek) return vault.identity.systemAssignedPrincipalId;
  if (!vault.identity.userAssigned.includes(kek.userAssignedIdentityId))
    return undefined;
  return azure.userAssignedIdentities.find(
    i =>
      userAssignedIdentityId(i).toLowerCase() ===
      kek.userAssignedIdentityId.toLowerCase(),
  )?.principalId;
}

/** Key Vault's `recoveryLevel` for a vault's soft delete / purge protection settings. */
export function recoveryLevel(kv: SimKeyVault): string {
  if (!kv.enableSoftDelete) return 'Purgeable';
  const prefix =
    kv.softDeleteRetentionInDays < 90 ? 'CustomizedRecoverable' : 'Recoverable';
  return kv.enablePurgeProtection ? prefix : `${prefix}+Purgeable`;
}
