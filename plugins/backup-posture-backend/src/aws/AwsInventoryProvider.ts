import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  AwsGlobalSettingsFact,
  AwsKmsKeyFact,
  AwsOrganizationFact,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProvider,
  InventoryScanContext,
  InventoryScope,
  ProviderMapping,
  StoredInventory,
} from '@backup-posture/plugin-backup-posture-node';
import { AwsConfig } from '../config';
import {
  EntityMapping,
  mapsAws,
  providerMapping,
  readEntityMapping,
} from '../mapping/annotations';
import { AwsInventoryIndex } from './AwsInventoryIndex';
import { AwsScan, FACT_GLOBAL_SETTINGS, FACT_ORGANIZATION } from './awsScan';
import { AwsClientFactory } from './clients';
import { ScopeSnapshot, toFactError } from './types';

const AWS_ANNOTATIONS: readonly string[] = [
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
];

/**
 * AWS Backup as an inventory provider: entities map resources by ARN, tags or the default tag
 * convention; a scope is an account × region; keys are KMS keys by ARN.
 */
export class AwsInventoryProvider implements InventoryProvider<
  EntityMapping,
  ScopeSnapshot,
  AwsKmsKeyFact
> {
  readonly cloud = 'aws' as const;

  constructor(
    private readonly deps: {
      config: AwsConfig;
      clients: AwsClientFactory;
      logger: LoggerService;
    },
  ) {}

  mappingOf(entity: Entity): ProviderMapping<EntityMapping> | undefined {
    return providerMapping(
      readEntityMapping(entity, this.deps.config.defaultTagSelector?.tagKey),
      AWS_ANNOTATIONS,
      mapsAws,
    );
  }

  keyIdOf(key: AwsKmsKeyFact): string {
    return key.arn;
  }

  scopeLabel(scope: InventoryScope): string {
    return `${scope.account}/${scope.region}`;
  }

  toFactError(error: unknown): FactError {
    return toFactError(error);
  }

  async startScan(context: InventoryScanContext<EntityMapping>) {
    return new AwsScan(this.deps, context);
  }

  createIndex(stored: StoredInventory<ScopeSnapshot, AwsKmsKeyFact>) {
    return new AwsInventoryIndex(
      stored.scopes,
      stored.keys,
      stored.facts[FACT_GLOBAL_SETTINGS] as AwsGlobalSettingsFact | undefined,
      stored.facts[FACT_ORGANIZATION] as AwsOrganizationFact | undefined,
    );
  }
}
