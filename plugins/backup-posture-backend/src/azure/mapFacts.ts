import type { Vault as KeyVault } from '@azure/arm-keyvault';
import type { Vault as RecoveryVault } from '@azure/arm-recoveryservices';
import type { KeyRotationPolicy, KeyVaultKey } from '@azure/keyvault-keys';
import {
  AzureKeyFact,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
} from '@backup-posture/plugin-backup-posture-common';

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/...` → its subscription and group. */
export function parseResourceId(id: string): {
  subscriptionId?: string;
  resourceGroup?: string;
} {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i.exec(id);
  return {
    ...(m?.[1] ? { subscriptionId: m[1].toLowerCase() } : {}),
    ...(m?.[2] ? { resourceGroup: m[2] } : {}),
  };
}

/** An ARM Recovery Services vault as the engine's fact (Z1–Z6 fields). */
export function toRecoveryVaultFact(
  vault: RecoveryVault,
  subscriptionId: string,
): AzureRecoveryVaultFact {
  const id = vault.id ?? '';
  const p = vault.properties ?? {};
  const kek = p.encryption?.kekIdentity;
  const userAssigned = kek?.userAssignedIdentity;
  const userAssignedEntry = userAssigned
    ? Object.entries(vault.identity?.userAssignedIdentities ?? {}).find(
        ([uaId]) => uaId.toLowerCase() === userAssigned.toLowerCase(),
      )?.[1]
    : undefined;
  const fact: AzureRecoveryVaultFact = {
    id,
    name: vault.name ?? id.split('/').pop() ?? '',
    subscriptionId,
    resourceGroup: parseResourceId(id).resourceGroup ?? '',
    location: vault.location,
    tags: vault.tags ?? {},
    identityType: vault.identity?.type,
    systemAssignedPrincipalId: vault.identity?.principalId,
    userAssignedPrincipalId: userAssignedEntry?.principalId,
    keyUri: p.encryption?.keyVaultProperties?.keyUri,
    useSystemAssignedIdentity: kek?.useSystemAssignedIdentity,
    userAssignedIdentity: userAssigned,
    infrastructureEncryption: p.encryption?.infrastructureEncryption,
    immutabilityState: p.securitySettings?.immutabilitySettings?.state,
    softDeleteState: p.securitySettings?.softDeleteSettings?.softDeleteState,
    multiUserAuthorization: p.securitySettings?.multiUserAuthorization,
    storageRedundancy: p.redundancySettings?.standardTierStorageRedundancy,
    crossRegionRestore: p.redundancySettings?.crossRegionRestore,
    publicNetworkAccess: p.publicNetworkAccess,
    privateEndpointCount: p.privateEndpointConnections?.length ?? 0,
  };
  // Drop absent fields: stored snapshots stay small and `undefined` means "not reported".
  return Object.fromEntries(
    Object.entries(fact).filter(([, v]) => v !== undefined),
  ) as AzureRecoveryVaultFact;
}

/** An ARM key vault as the engine's fact (Z3, Z4, Z6 fields). */
export function toKeyVaultFact(vault: KeyVault): AzureKeyVaultFact {
  const p = vault.properties;
  const { subscriptionId, resourceGroup } = parseResourceId(vault.id ?? '');
  return {
    ...(vault.id ? { id: vault.id } : {}),
    name: vault.name ?? '',
    ...(vault.location ? { location: vault.location } : {}),
    ...(subscriptionId ? { subscriptionId } : {}),
    ...(resourceGroup ? { resourceGroup } : {}),
    // Soft delete is on by default and can no longer be turned off: absent means on.
    enableSoftDelete: p?.enableSoftDelete ?? true,
    enablePurgeProtection: p?.enablePurgeProtection ?? false,
    ...(p?.softDeleteRetentionInDays !== undefined
      ? { softDeleteRetentionInDays: p.softDeleteRetentionInDays }
      : {}),
    ...(p?.networkAcls?.defaultAction
      ? { networkDefaultAction: p.networkAcls.defaultAction }
      : {}),
    ...(p?.publicNetworkAccess
      ? { publicNetworkAccess: p.publicNetworkAccess }
      : {}),
    enableRbacAuthorization: p?.enableRbacAuthorization ?? false,
    accessPolicies: (p?.accessPolicies ?? []).map(a => ({
      objectId: a.objectId,
      keyPermissions: (a.permissions?.keys ?? []).map(String),
    })),
  };
}

function rotationSummary(policy: KeyRotationPolicy | undefined) {
  const rotate = policy?.lifetimeActions?.find(
    a => a.action.toLowerCase() === 'rotate',
  );
  if (!rotate) return { rotationPolicyEnabled: false };
  const trigger = rotate.timeAfterCreate
    ? `timeAfterCreate ${rotate.timeAfterCreate}`
    : `timeBeforeExpiry ${rotate.timeBeforeExpiry}`;
  return { rotationPolicyEnabled: true, rotationTrigger: trigger };
}

/** A Key Vault key (and its rotation policy, if read) as the engine's fact (Z1, Z5). */
export function toKeyFact(
  keyUri: string,
  parts: { keyVaultName: string; keyName: string; version?: string },
  key: KeyVaultKey,
  policy: KeyRotationPolicy | undefined,
  policyRead: boolean,
): AzureKeyFact {
  const modulus = key.key?.n;
  return {
    keyUri,
    keyVaultName: parts.keyVaultName,
    keyName: parts.keyName,
    ...(parts.version ? { pinnedVersion: parts.version } : {}),
    ...(key.keyType ? { keyType: String(key.keyType) } : {}),
    ...(modulus?.length ? { keySize: modulus.length * 8 } : {}),
    ...(key.properties.version ? { version: key.properties.version } : {}),
    ...(key.properties.enabled !== undefined
      ? { enabled: key.properties.enabled }
      : {}),
    ...(key.properties.expiresOn
      ? { expiresOn: key.properties.expiresOn.toISOString() }
      : {}),
    ...(key.properties.recoveryLevel
      ? { recoveryLevel: key.properties.recoveryLevel }
      : {}),
    ...(policyRead ? rotationSummary(policy) : {}),
  };
}
