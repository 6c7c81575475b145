import {
  AzureKeyRoleAssignment,
  AzureRecoveryVaultFact,
} from '../../inventory';
import { AzureContext } from './context';

/** The permissions a vault identity needs on its key (rule Z3). */
export const REQUIRED_KEY_PERMISSIONS = ['get', 'list', 'wrapKey', 'unwrapKey'];

/** `https://<kv>.vault.azure.net/keys/<name>[/<version>]` split into its parts. */
export function parseKeyUri(
  keyUri: string,
): { keyVaultName: string; keyName: string; version?: string } | undefined {
  const m =
    /^https:\/\/([^./]+)\.vault\.[^/]+\/keys\/([^/]+)(?:\/([^/?]+))?\/?$/i.exec(
      keyUri.trim(),
    );
  if (!m) return undefined;
  return {
    keyVaultName: m[1],
    keyName: m[2],
    ...(m[3] ? { version: m[3] } : {}),
  };
}

/** The object id of the identity the vault uses to reach its key. */
export function encryptionPrincipalOf(
  vault: AzureRecoveryVaultFact,
): string | undefined {
  return vault.useSystemAssignedIdentity
    ? vault.systemAssignedPrincipalId
    : vault.userAssignedPrincipalId;
}

/**
 * The Azure RBAC data action behind each access-policy key permission: `get` and `list` are both
 * `keys/read` under RBAC.
 */
const KEY_DATA_ACTIONS: Record<string, string> = {
  get: 'Microsoft.KeyVault/vaults/keys/read',
  list: 'Microsoft.KeyVault/vaults/keys/read',
  wrapKey: 'Microsoft.KeyVault/vaults/keys/wrap/action',
  unwrapKey: 'Microsoft.KeyVault/vaults/keys/unwrap/action',
};

/** Azure's action patterns: case-insensitive, `*` matches any run of characters. */
function actionMatches(pattern: string, action: string): boolean {
  const re = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}$`, 'i').test(action);
}

/** True when `scope` is the key vault, a scope above it, or the key itself. */
function scopeCovers(scope: string, keyVaultId: string, keyName: string) {
  const s = scope.replace(/\/+$/, '').toLowerCase();
  const kv = keyVaultId.toLowerCase();
  return (
    s === '' ||
    kv === s ||
    kv.startsWith(`${s}/`) ||
    s === `${kv}/keys/${keyName.toLowerCase()}`
  );
}

/** The vault identity's role assignments that cover its key (undefined when not read). */
export function coveringRoleAssignments(
  ctx: AzureContext,
  vault: AzureRecoveryVaultFact,
): AzureKeyRoleAssignment[] | undefined {
  const kv = ctx.keyVault(vault.keyUri);
  const key = ctx.key(vault.keyUri);
  const principal = encryptionPrincipalOf(vault)?.toLowerCase();
  if (!kv?.id || !key?.roleAssignments || !principal) return undefined;
  return key.roleAssignments.filter(
    ra =>
      ra.principalId.toLowerCase() === principal &&
      scopeCovers(ra.scope, kv.id!, key.keyName),
  );
}

function grantedByRoles(
  assignments: AzureKeyRoleAssignment[],
  action: string,
): boolean {
  return assignments.some(
    ra =>
      ra.dataActions.some(p => actionMatches(p, action)) &&
      !ra.notDataActions.some(p => actionMatches(p, action)),
  );
}

/**
 * What the vault identity lacks on its key (Z3): from the key vault's access policies, or from the
 * Azure RBAC role assignments read for the key. Undefined when it cannot be told (policies, role
 * assignments or identity unknown).
 */
export function missingKeyPermissions(
  ctx: AzureContext,
  vault: AzureRecoveryVaultFact,
): string[] | undefined {
  const kv = ctx.keyVault(vault.keyUri);
  const principal = encryptionPrincipalOf(vault);
  if (!kv || kv.error || !principal) return undefined;
  if (kv.enableRbacAuthorization) {
    const assignments = coveringRoleAssignments(ctx, vault);
    if (!assignments) return undefined;
    const missing = (from: AzureKeyRoleAssignment[]) =>
      REQUIRED_KEY_PERMISSIONS.filter(
        k => !grantedByRoles(from, KEY_DATA_ACTIONS[k]),
      );
    const unconditional = missing(assignments.filter(ra => !ra.condition));
    // What only a conditional assignment grants may or may not hold: not determined.
    if (unconditional.length > missing(assignments).length) return undefined;
    return unconditional;
  }
  if (!kv.accessPolicies) return undefined;
  const granted = new Set(
    kv.accessPolicies
      .filter(p => p.objectId.toLowerCase() === principal.toLowerCase())
      .flatMap(p => p.keyPermissions.map(k => k.toLowerCase())),
  );
  if (granted.has('all')) return [];
  return REQUIRED_KEY_PERMISSIONS.filter(k => !granted.has(k.toLowerCase()));
}
