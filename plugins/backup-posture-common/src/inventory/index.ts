import { AwsInventory, FactError } from './aws';
import { AzureInventory } from './azure';

export * from './aws';
export * from './azure';

/**
 * Freshness of one scanned scope (an AWS account × region, or an Azure subscription). When the
 * last attempt failed, the entity keeps the last good data of that scope and this says why.
 *
 * @public
 */
export interface ScopeStatus {
  /** `aws`, `azure` or the cloud of a module's inventory provider. */
  cloud: string;
  /** AWS account id, Azure subscription id, or what a module's provider scans by. */
  account: string;
  /** AWS region; `global` for account-wide calls; Azure uses `global` too. */
  region: string;
  state: 'ok' | 'stale' | 'error';
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  error?: FactError;
}

/** Problems with the entity's own configuration (e.g. a malformed annotation). @public */
export interface EntityConfigurationProblem {
  annotation?: string;
  message: string;
}

/** The input of the posture engine: everything known about one entity. @public */
export interface EntityInventory {
  entityRef: string;
  /** When the newest data in this inventory was collected. */
  collectedAt?: string;
  aws?: AwsInventory;
  azure?: AzureInventory;
  /**
   * The entity's part of clouds that backend modules add (their `InventoryProvider`s), by cloud:
   * each provider's own shape, read only by that cloud's checks (`ProviderCheck`).
   */
  clouds?: Record<string, unknown>;
  scopes: ScopeStatus[];
  problems: EntityConfigurationProblem[];
}
