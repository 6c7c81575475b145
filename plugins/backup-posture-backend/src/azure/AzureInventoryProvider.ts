import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AZURE_VAULT_IDS,
  ANNOTATION_AZURE_VAULT_TAGS,
  AzureKeyFact,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProvider,
  InventoryScope,
  ProviderMapping,
  StoredInventory,
} from '@backup-posture/plugin-backup-posture-node';
import { AzureConfig } from '../config';
import {
  EntityMapping,
  mapsAzure,
  providerMapping,
  readEntityMapping,
} from '../mapping/annotations';
import { AzureClientFactory } from './AzureClientFactory';
import { AzureInventoryIndex } from './AzureInventoryIndex';
import { AzureScan } from './AzureScan';
import { AzureSubscriptionSnapshot, toAzureFactError } from './types';

const AZURE_ANNOTATIONS: readonly string[] = [
  ANNOTATION_AZURE_VAULT_IDS,
  ANNOTATION_AZURE_VAULT_TAGS,
];

/**
 * Azure Backup as an inventory provider: entities map Recovery Services vaults by id or tags; a
 * scope is a subscription (region `global`); keys are Key Vault keys by URI.
 */
export class AzureInventoryProvider implements InventoryProvider<
  EntityMapping,
  AzureSubscriptionSnapshot,
  AzureKeyFact
> {
  readonly cloud = 'azure' as const;

  constructor(
    private readonly deps: {
      /** Absent when no subscription is configured: entities still map vaults (shown unscanned). */
      config?: AzureConfig;
      clients?: AzureClientFactory;
    },
  ) {}

  mappingOf(entity: Entity): ProviderMapping<EntityMapping> | undefined {
    return providerMapping(
      readEntityMapping(entity),
      AZURE_ANNOTATIONS,
      mapsAzure,
    );
  }

  keyIdOf(key: AzureKeyFact): string {
    return key.keyUri;
  }

  scopeLabel(scope: InventoryScope): string {
    return `Azure subscription ${scope.account}`;
  }

  toFactError(error: unknown): FactError {
    return toAzureFactError(error);
  }

  async startScan() {
    return new AzureScan(this.deps);
  }

  createIndex(
    stored: StoredInventory<AzureSubscriptionSnapshot, AzureKeyFact>,
  ) {
    return new AzureInventoryIndex(stored.scopes, stored.keys);
  }
}
