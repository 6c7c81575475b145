import { FactError } from './aws';

/** An Azure Recovery Services vault and its encryption settings (rules Z1–Z8). @public */
export interface AzureRecoveryVaultFact {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tags: Record<string, string>;
  identityType?: string;
  /** Object id of the vault's system-assigned identity. */
  systemAssignedPrincipalId?: string;
  /** Object id of the user-assigned identity named by `userAssignedIdentity`. */
  userAssignedPrincipalId?: string;
  /** Customer-managed key URI; absent means platform-managed keys. */
  keyUri?: string;
  useSystemAssignedIdentity?: boolean;
  userAssignedIdentity?: string;
  infrastructureEncryption?: string;
  immutabilityState?: string;
  softDeleteState?: string;
  multiUserAuthorization?: string;
  storageRedundancy?: string;
  crossRegionRestore?: string;
  publicNetworkAccess?: string;
  privateEndpointCount?: number;
}

/** @public */
export interface AzureKeyVaultFact {
  id?: string;
  name: string;
  location?: string;
  enableSoftDelete?: boolean;
  enablePurgeProtection?: boolean;
  softDeleteRetentionInDays?: number;
  networkDefaultAction?: string;
  publicNetworkAccess?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  /** True when data-plane access is granted by Azure RBAC instead of access policies. */
  enableRbacAuthorization?: boolean;
  /** Access policies (when RBAC authorization is off): who may do what with keys. */
  accessPolicies?: Array<{ objectId: string; keyPermissions: string[] }>;
  error?: FactError;
}

/**
 * An Azure RBAC role assignment of a vault identity that covers a key (its scope is the key, its
 * key vault, or above), with the role's data actions (rule Z3). @public
 */
export interface AzureKeyRoleAssignment {
  /** The vault identity the assignment applies to. */
  principalId: string;
  /** The group the assignment was made to, when the identity holds it through membership. */
  viaPrincipalId?: string;
  scope: string;
  roleDefinitionId: string;
  roleName?: string;
  /** Data actions the role grants, wildcards as Azure writes them (`Microsoft.KeyVault/vaults/keys/*`). */
  dataActions: string[];
  notDataActions: string[];
  /** An ABAC condition on the assignment: it grants only when the condition holds (not evaluated). */
  condition?: string;
}

/** @public */
export interface AzureKeyFact {
  keyUri: string;
  keyVaultName: string;
  keyName: string;
  /** Version pinned by the vault's key URI, if any (rule Z5). */
  pinnedVersion?: string;
  keyType?: string;
  keySize?: number;
  /** The version the key URI resolves to now (the pinned one, or the current one). */
  version?: string;
  enabled?: boolean;
  recoveryLevel?: string;
  expiresOn?: string;
  /** True when the key's rotation policy has an automatic `Rotate` action. */
  rotationPolicyEnabled?: boolean;
  /** The rotation trigger, e.g. `timeAfterCreate P18M`. */
  rotationTrigger?: string;
  /**
   * When the key vault uses Azure RBAC: the vault identities' role assignments that cover this key.
   * Absent when not read (access policies apply, or the key vault was not seen).
   */
  roleAssignments?: AzureKeyRoleAssignment[];
  /** Why the role assignments could not be read (e.g. `AuthorizationFailed`). */
  roleAssignmentsError?: FactError;
  error?: FactError;
  /** When this description was read (the last good read). */
  readAt?: string;
  /**
   * The read of this key failed in the latest scan: the description is the last good one (from
   * `readAt`), and this is why it could not be read again. A check relying on it relies on old data.
   */
  staleError?: FactError;
  /** When the key was last tried (the failed read, when `staleError` is set). */
  lastAttemptAt?: string;
}

/** @public */
export interface AzureInventory {
  vaults: AzureRecoveryVaultFact[];
  keyVaults: AzureKeyVaultFact[];
  keys: AzureKeyFact[];
  /**
   * Vault ids the entity names that no scanned subscription holds (not configured, denied, or
   * deleted): every check reports them as `unknown`.
   */
  unresolvedVaultIds?: string[];
}
