/**
 * ARM JSON for Recovery Services vaults and key vaults, as `@azure/arm-recoveryservices` 6.0.0
 * (api-version 2024-04-01) and `@azure/arm-keyvault` 5.0.0 deserialise them.
 */
import {
  keyVaultId,
  keyVaultUri,
  recoveryVaultId,
  userAssignedIdentityId,
} from '../model';
import { SimAzureEstate, SimKeyVault, SimRecoveryVault } from '../types';

function identityType(v: SimRecoveryVault): string | undefined {
  const system = !!v.identity.systemAssignedPrincipalId;
  const user = v.identity.userAssigned.length > 0;
  if (system && user) return 'SystemAssigned, UserAssigned';
  if (system) return 'SystemAssigned';
  if (user) return 'UserAssigned';
  return undefined;
}

export function renderRecoveryVault(
  azure: SimAzureEstate,
  v: SimRecoveryVault,
): Record<string, unknown> {
  const id = recoveryVaultId(v);
  const type = identityType(v);
  const userAssignedIdentities: Record<
    string,
    { principalId: string; clientId: string }
  > = {};
  for (const uaId of v.identity.userAssigned) {
    const ua = azure.userAssignedIdentities.find(
      i => userAssignedIdentityId(i).toLowerCase() === uaId.toLowerCase(),
    );
    if (ua)
      userAssignedIdentities[uaId] = {
        principalId: ua.principalId,
        clientId: ua.clientId,
      };
  }
  const enc = v.encryption;
  return {
    id,
    name: v.name,
    type: 'Microsoft.RecoveryServices/vaults',
    location: v.location,
    tags: v.tags,
    etag: `W/"datetime'2026-01-01T00%3A00%3A00.0000000Z'"`,
    sku: { name: v.sku, tier: 'Standard' },
    ...(type
      ? {
          identity: {
            type,
            ...(v.identity.systemAssignedPrincipalId
              ? {
                  principalId: v.identity.systemAssignedPrincipalId,
                  tenantId: azure.tenantId,
                }
              : {}),
            ...(v.identity.userAssigned.length
              ? { userAssignedIdentities }
              : {}),
          },
        }
      : {}),
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointConnections: v.privateEndpoints.length
        ? v.privateEndpoints.map(pe => ({
            id: `${id}/privateEndpointConnections/${pe.name}.${v.name}`,
            name: `${pe.name}.${v.name}`,
            type: 'Microsoft.RecoveryServices/vaults/privateEndpointConnections',
            location: v.location,
            properties: {
              provisioningState: 'Succeeded',
              privateEndpoint: {
                id: `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.Network/privateEndpoints/${pe.name}`,
              },
              privateLinkServiceConnectionState: {
                status: pe.state,
                description: pe.state === 'Approved' ? 'Auto-Approved' : '',
                actionsRequired: 'None',
              },
              groupIds: ['AzureBackup'],
            },
          }))
        : undefined,
      privateEndpointStateForBackup: v.privateEndpoints.length
        ? 'Enabled'
        : 'None',
      privateEndpointStateForSiteRecovery: 'None',
      ...(enc
        ? {
            encryption: {
              keyVaultProperties: { keyUri: enc.keyUri },
              kekIdentity:
                'system' in enc.kekIdentity
                  ? { useSystemAssignedIdentity: true }
                  : {
                      useSystemAssignedIdentity: false,
                      userAssignedIdentity:
                        enc.kekIdentity.userAssignedIdentityId,
                    },
              infrastructureEncryption: enc.infrastructureEncryption,
            },
          }
        : {}),
      securitySettings: {
        immutabilitySettings: { state: v.security.immutability },
        softDeleteSettings: {
          softDeleteState: v.security.softDelete.state,
          softDeleteRetentionPeriodInDays: v.security.softDelete.retentionDays,
          enhancedSecurityState: 'Enabled',
        },
        multiUserAuthorization: v.security.multiUserAuthorization,
      },
      redundancySettings: {
        standardTierStorageRedundancy: v.redundancy.storage,
        crossRegionRestore: v.redundancy.crossRegionRestore,
      },
      moveState: 'Unknown',
      backupStorageVersion: 'V2',
      publicNetworkAccess: v.publicNetworkAccess,
      secureScore: 'None',
      bcdrSecurityLevel: 'Fair',
    },
  };
}

export function renderKeyVault(
  azure: SimAzureEstate,
  kv: SimKeyVault,
): Record<string, unknown> {
  return {
    id: keyVaultId(kv),
    name: kv.name,
    type: 'Microsoft.KeyVault/vaults',
    location: kv.location,
    tags: kv.tags,
    properties: {
      sku: { family: 'A', name: kv.sku },
      tenantId: azure.tenantId,
      // Azure keeps access policies when RBAC is on, but ignores them; the model lists them only
      // for access-policy vaults.
      accessPolicies: kv.enableRbacAuthorization
        ? []
        : kv.accessPolicies.map(ap => ({
            tenantId: azure.tenantId,
            objectId: ap.objectId,
            permissions: { keys: ap.keys, secrets: [], certificates: [] },
          })),
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: kv.enableSoftDelete,
      softDeleteRetentionInDays: kv.softDeleteRetentionInDays,
      enableRbacAuthorization: kv.enableRbacAuthorization,
      // ARM omits `enablePurgeProtection` until it is turned on (it cannot be set to false).
      ...(kv.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: kv.networkDefaultAction,
        ipRules: [],
        virtualNetworkRules: [],
      },
      vaultUri: keyVaultUri(kv.name),
      provisioningState: 'Succeeded',
      publicNetworkAccess: kv.publicNetworkAccess,
    },
  };
}
