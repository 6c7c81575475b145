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
  error?: FactError;
}

/** @public */
export interface AzureKeyFact {
  keyUri: string;
  keyVaultName: string;
  keyName: string;
  /** Version pinned by the vault's key URI, if any (rule Z5). */
  pinnedVersion?: string;
  keyType?: string;
  enabled?: boolean;
  expiresOn?: string;
  rotationPolicyEnabled?: boolean;
  error?: FactError;
}

/** @public */
export interface AzureInventory {
  vaults: AzureRecoveryVaultFact[];
  keyVaults: AzureKeyVaultFact[];
  keys: AzureKeyFact[];
}
