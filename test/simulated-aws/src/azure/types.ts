/**
 * The simulated Azure estate (Entra ID tenant, subscriptions, Recovery Services vaults, key vaults
 * and keys). Declarative data only: the wire rendering lives in `./handlers`, the expected posture
 * in `./truth.ts`. Timestamps are ISO 8601 strings.
 */

/** An app registration that may sign in with client credentials (the scanner). */
export interface SimAzureServicePrincipal {
  clientId: string;
  clientSecret: string;
  /** The enterprise application's object id (what role assignments and access policies name). */
  objectId: string;
  displayName: string;
}

export interface SimAzureSubscription {
  id: string;
  name: string;
  /** Client ids of service principals holding Reader here; others get `AuthorizationFailed`. */
  readerClientIds: string[];
}

/** A user-assigned managed identity (`Microsoft.ManagedIdentity/userAssignedIdentities`). */
export interface SimUserAssignedIdentity {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  principalId: string;
  clientId: string;
}

export interface SimRecoveryVaultEncryption {
  /** `https://{kv}.vault.azure.net/keys/{name}` (auto-rotates) or `…/{name}/{version}` (pinned, Z5). */
  keyUri: string;
  /** Which identity reads the key (Z3): the system-assigned one, or a user-assigned identity's resource id. */
  kekIdentity: { system: true } | { userAssignedIdentityId: string };
  infrastructureEncryption: 'Enabled' | 'Disabled';
}

export interface SimRecoveryVault {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  sku: 'RS0' | 'Standard';
  identity: {
    /** Object id of the system-assigned identity, when enabled. */
    systemAssignedPrincipalId?: string;
    /** Resource ids of attached user-assigned identities. */
    userAssigned: string[];
  };
  /** Absent = platform-managed keys (Z1). */
  encryption?: SimRecoveryVaultEncryption;
  security: {
    immutability: 'Disabled' | 'Unlocked' | 'Locked';
    softDelete: {
      state: 'Enabled' | 'Disabled' | 'AlwaysON';
      retentionDays: number;
    };
    multiUserAuthorization: 'Enabled' | 'Disabled' | 'Invalid';
  };
  redundancy: {
    storage: 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';
    crossRegionRestore: 'Enabled' | 'Disabled';
  };
  publicNetworkAccess: 'Enabled' | 'Disabled';
  /** Private endpoints for Backup (Z6). */
  privateEndpoints: Array<{
    name: string;
    state: 'Approved' | 'Pending' | 'Rejected' | 'Disconnected';
  }>;
}

export interface SimKeyVersion {
  /** 32 lowercase hex characters, as Key Vault's. */
  version: string;
  kty: 'RSA' | 'RSA-HSM' | 'EC' | 'EC-HSM';
  /** RSA modulus size in bits. */
  size?: 2048 | 3072 | 4096;
  enabled: boolean;
  created: string;
  expires?: string;
  notBefore?: string;
}

export interface SimKeyRotationPolicy {
  /** ISO 8601 duration, e.g. `P18M`: automatic rotation after creation. */
  rotateAfterCreate?: string;
  /** ISO 8601 duration, e.g. `P30D`: automatic rotation before expiry. */
  rotateBeforeExpiry?: string;
  /** Notification before expiry, e.g. `P30D`. */
  notifyBeforeExpiry?: string;
  /** Expiry of new versions, e.g. `P2Y`. */
  expiryTime?: string;
  created: string;
  updated: string;
}

export interface SimKeyVaultKey {
  name: string;
  /** Oldest first; the last one is the current version (what a versionless URI resolves to). */
  versions: SimKeyVersion[];
  rotationPolicy?: SimKeyRotationPolicy;
}

/** Key permissions in an access policy (Key Vault's spelling). */
export type SimKeyPermission =
  | 'get'
  | 'list'
  | 'wrapKey'
  | 'unwrapKey'
  | 'encrypt'
  | 'decrypt'
  | 'sign'
  | 'verify'
  | 'create'
  | 'update'
  | 'delete'
  | 'getrotationpolicy'
  | 'all';

/** Built-in roles that matter for keys when the key vault uses Azure RBAC. */
export type SimKeyVaultRole =
  | 'Key Vault Administrator'
  | 'Key Vault Crypto Officer'
  | 'Key Vault Crypto Service Encryption User'
  | 'Key Vault Reader';

export interface SimKeyVault {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  sku: 'standard' | 'premium';
  enableSoftDelete: boolean;
  softDeleteRetentionInDays: number;
  enablePurgeProtection: boolean;
  /** True: data-plane access by Azure RBAC (`roleAssignments`); false: `accessPolicies`. */
  enableRbacAuthorization: boolean;
  accessPolicies: Array<{ objectId: string; keys: SimKeyPermission[] }>;
  roleAssignments: Array<{
    principalId: string;
    role: SimKeyVaultRole;
    /** An ABAC condition (rendered as is; the simulator does not evaluate it). */
    condition?: string;
  }>;
  networkDefaultAction: 'Allow' | 'Deny';
  publicNetworkAccess: 'Enabled' | 'Disabled';
  keys: SimKeyVaultKey[];
}

export interface SimAzureEstate {
  tenantId: string;
  servicePrincipals: SimAzureServicePrincipal[];
  subscriptions: SimAzureSubscription[];
  userAssignedIdentities: SimUserAssignedIdentity[];
  recoveryVaults: SimRecoveryVault[];
  keyVaults: SimKeyVault[];
}
