import { Entity } from '@backstage/catalog-model';
import {
  CloudProvider,
  EntityConfigurationProblem,
  EntityInventory,
  FactError,
  ProviderLineageBuilder,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';

/**
 * The unit of scanning, throttling and failure isolation: an AWS account × region, an Azure
 * subscription (region `global`).
 *
 * @alpha
 */
export type InventoryScope = Pick<ScopeStatus, 'cloud' | 'account' | 'region'>;

/**
 * What an entity's annotations of one cloud say: the mapping, or the problems that make it
 * unusable (shown on the entity as `invalid-annotation`).
 *
 * @alpha
 */
export interface ProviderMapping<TMapping> {
  mapping?: TMapping;
  problems: EntityConfigurationProblem[];
}

/** What a provider's scan is given. @alpha */
export interface InventoryScanContext<TMapping> {
  /** Aborted when the scan stops (schedule timeout, shutdown, a newer scan, a database error). */
  signal: AbortSignal;
  /**
   * The usable mappings of every catalog entity of this cloud: what a scan must read beyond its
   * listings (AWS: tag selectors, the mapped resources whose tags and own keys are read).
   */
  mappings: readonly TMapping[];
  /**
   * The facts this provider stored before ({@link ScopeList.facts},
   * {@link InventoryProviderScan.readSharedFacts}), by name: what to fall back on when a read fails.
   */
  facts: Readonly<Record<string, unknown>>;
}

/**
 * The scopes to scan. `errors` are failures of the listing itself (e.g. Organizations), reported
 * with the scan's errors while the scopes known last time are still scanned.
 *
 * @alpha
 */
export interface ScopeList {
  scopes: InventoryScope[];
  errors: Array<{ scope: InventoryScope; error: FactError }>;
  /** Facts read while listing (AWS: the organization), stored by name for this provider. */
  facts?: Record<string, unknown>;
}

/**
 * What the backend needs of a key description: whether this read failed. A key whose read failed
 * keeps its last good description, marked with `staleError` and `lastAttemptAt`; a key read now
 * gets `readAt`; the backend sets all three when it stores the key.
 *
 * @alpha
 */
export interface DescribedKey {
  error?: FactError;
  readAt?: string;
  staleError?: FactError;
  lastAttemptAt?: string;
}

/** What the backend stored for a provider: each scope's last good snapshot and its status. @alpha */
export interface StoredInventory<TSnapshot, TKey> {
  scopes: Array<{
    status: ScopeStatus;
    /** Absent when the scope never succeeded. */
    snapshot?: TSnapshot;
  }>;
  keys: TKey[];
  /** Facts of {@link InventoryProviderScan.readSharedFacts}, by name. */
  facts: Record<string, unknown>;
}

/**
 * One entity's part of the inventory: the provider's field of {@link EntityInventory} (`aws`,
 * `azure`; a module's provider sets `clouds: { [its cloud]: its own shape }`, what its
 * `ProviderCheck`s read), the scopes holding its evidence (never-scanned ones marked as errors,
 * so checks answer unknown) and when its newest data was collected.
 *
 * @alpha
 */
export interface InventorySlice {
  inventory: Partial<
    Omit<EntityInventory, 'entityRef' | 'scopes' | 'problems' | 'collectedAt'>
  >;
  scopes: ScopeStatus[];
  collectedAt?: string;
}

/**
 * The stored inventory of a provider indexed once per scan (or per request), so that slicing it
 * for each of thousands of entities is a few look-ups.
 *
 * @alpha
 */
export interface InventoryProviderIndex<TMapping> {
  /** How many scopes have a status (none: the entity's posture is still `pending`). */
  readonly scopeCount: number;
  /**
   * What belongs to the entity: its own resources or vaults and what is reachable from them
   * (`reachableFrom` in `-common` for AWS), never a neighbour's facts.
   */
  slice(mappings: readonly TMapping[]): InventorySlice;
  /**
   * False when the stored inventory was collected before these mappings existed and cannot
   * answer for them (AWS: a tag selector no scan has searched yet). The entity is then `pending`
   * until the next scan, never evaluated on evidence that was never looked for. Absent: always.
   */
  covers?(mappings: readonly TMapping[]): boolean;
}

/**
 * One scan of a provider, with the state it keeps while it runs (AWS: the accounts found, the KMS
 * keys already described). The backend calls `listScopes`, then `scanScope` for each scope
 * (concurrently, bounded), then `describeKeys` and `readSharedFacts`.
 *
 * @alpha
 */
export interface InventoryProviderScan<TSnapshot, TKey extends DescribedKey> {
  /** How many of this provider's scopes are scanned at a time (its own quotas decide). */
  readonly concurrency: number;
  /** The scopes to scan, from configuration (and discovery, e.g. Organizations members). */
  listScopes(): Promise<ScopeList>;
  /**
   * Reads one scope into a snapshot (read-only calls only). `signal` is also aborted at the
   * scope's own time limit (`backupPosture.timeouts.scope`). Throwing fails the scope alone: the
   * backend keeps its last good snapshot, marked stale with the error.
   */
  scanScope(scope: InventoryScope, signal: AbortSignal): Promise<TSnapshot>;
  /**
   * Describes every key the fresh snapshots name, each once (KMS keys with their multi-region
   * relatives, Key Vault keys with the role assignments of the identities using them). `lastGood`
   * are the stored descriptions: a failed read still names the relatives its last good one did.
   * A provider may start describing while scopes are scanned (AWS does) and settle here.
   */
  describeKeys(
    fresh: ReadonlyArray<{ scope: InventoryScope; snapshot: TSnapshot }>,
    lastGood: readonly TKey[],
  ): Promise<TKey[]>;
  /**
   * Facts that belong to no scope (AWS Backup global settings), by name, stored for this provider.
   * A failed read should return the last good fact from {@link InventoryScanContext.facts}.
   */
  readSharedFacts?(): Promise<Record<string, unknown>>;
}

/**
 * A cloud the backend discovers backup facts in. It describes what the backend does for AWS and
 * Azure today (see the README's table); the scan loop around it stays the backend's: bounded
 * concurrency, the per-scope timeout, keeping a failed scope's last good snapshot marked stale,
 * progress and errors per scope, writes fenced by the scan's start.
 *
 * @alpha
 */
export interface InventoryProvider<
  TMapping = any,
  TSnapshot = any,
  TKey extends DescribedKey = any,
  TSlice = any,
> {
  /** The cloud of its scopes, facts and checks. */
  readonly cloud: CloudProvider;
  /** Reads the entity's annotations of this cloud; `undefined` when it has none. */
  mappingOf(entity: Entity): ProviderMapping<TMapping> | undefined;
  /** The id a key is stored under (AWS: the key ARN; Azure: the key URI). */
  keyIdOf(key: TKey): string;
  /** How logs and errors name a scope (`123456789012/eu-west-1`, `Azure subscription …`). */
  scopeLabel(scope: InventoryScope): string;
  /**
   * How a failed scope read is shown (the cloud's error code and message); by default the error's
   * `name` and `message`.
   */
  toFactError?(error: unknown): FactError;
  /** Starts one scan (one at a time per backend: the scan task holds a global lock). */
  startScan(
    context: InventoryScanContext<TMapping>,
  ): Promise<InventoryProviderScan<TSnapshot, TKey>>;
  /** Indexes what the backend stored, to slice it for entities. */
  createIndex(
    stored: StoredInventory<TSnapshot, TKey>,
  ): InventoryProviderIndex<TMapping>;
  /**
   * A module's cloud only: draws the entity's key lineage from its slice (shown in the entity's
   * lineage diagram, given to its checks). AWS and Azure lineage is the engine's own.
   */
  lineage?: ProviderLineageBuilder<TSlice>;
}
