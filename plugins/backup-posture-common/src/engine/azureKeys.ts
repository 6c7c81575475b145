import { AzureRecoveryVaultFact } from '../inventory';
import { AzureContext } from './azureContext';

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
 * What the vault identity lacks on its key vault's access policies (Z3). Undefined when it cannot
 * be told: RBAC authorization (role assignments are not read), or policies or identity unknown.
 */
export function missingKeyPermissions(
  ctx: AzureContext,
  vault: AzureRecoveryVaultFact,
): string[] | undefined {
  const kv = ctx.keyVault(vault.keyUri);
  const principal = encryptionPrincipalOf(vault);
  if (!kv || kv.error || kv.enableRbacAuthorization || !kv.accessPolicies)
    return undefined;
  if (!principal) return undefined;
  const granted = new Set(
    kv.accessPolicies
      .filter(p => p.objectId.toLowerCase() === principal.toLowerCase())
      .flatMap(p => p.keyPermissions.map(k => k.toLowerCase())),
  );
  if (granted.has('all')) return [];
  return REQUIRED_KEY_PERMISSIONS.filter(k => !granted.has(k.toLowerCase()));
}
