import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AwsKmsKeyFact,
  rollUpScores,
  ScanProgress,
} from '@backup-posture/plugin-backup-posture-common';
import pLimit from 'p-limit';
import { BackupPostureConfig } from '../config';
import { AzureScanner } from '../azure/AzureScanner';
import { AwsClientFactory } from '../discovery/clients';
import { KeyDescriber } from '../discovery/keyDescriber';
import {
  discoverOrganization,
  readGlobalSettings,
} from '../discovery/organization';
import { scanScope } from '../discovery/scopeScanner';
import { isRollUpKind } from '../mapping/rollUp';
import { EntityMapping } from '../mapping/annotations';
import { MappedResources } from '../mapping/mappedResources';
import { resolveSourceKeyAliases } from '../discovery/sourceKeys/resolveAliases';
import { Scope, TagSelector, toFactError } from '../discovery/types';
import {
  FACT_GLOBAL_SETTINGS,
  FACT_ORGANIZATION,
  loadIndex,
  PostureService,
} from '../posture/PostureService';
import { PostureStore } from '../store/PostureStore';
import { EntityRow } from '../store/types';

/** Entity rows evaluated and written together (each is tens of KB of JSON). */
const ENTITY_WRITE_BATCH = 200;

/**
 * One discovery scan: resolve accounts, scan every account × region in parallel (bounded), keep
 * the last good snapshot of any scope that fails, describe every key met once, then evaluate and
 * store every entity's posture. Progress is written to the database as scopes finish.
 */
export class ScanRunner {
  constructor(
    private readonly deps: {
      config: BackupPostureConfig;
      logger: LoggerService;
      store: PostureStore;
      clients: AwsClientFactory;
      catalog: CatalogService;
      auth: AuthService;
      posture: PostureService;
      /** Present when Azure subscriptions are configured. */
      azure?: AzureScanner;
    },
  ) {}

  private async catalogEntities(): Promise<Entity[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of this.deps.catalog.streamEntities(
      {
        filter: [
          { kind: ['component', 'resource', 'system', 'group', 'domain'] },
        ],
      },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }

  /** Configured accounts plus, when enabled, the organization's ACTIVE accounts. */
  private async accounts(): Promise<{
    accounts: Map<string, string[]>;
    orgError?: unknown;
  }> {
    const { aws } = this.deps.config;
    const accounts = new Map<string, string[]>();
    for (const a of aws.accounts)
      accounts.set(a.accountId, a.regions ?? aws.regions);
    if (!aws.organization.enabled) return { accounts };
    try {
      const org = await discoverOrganization(
        await this.deps.clients.organizations(),
      );
      await this.deps.store.setFact(
        FACT_ORGANIZATION,
        org,
        new Date().toISOString(),
      );
      for (const id of org.memberAccountIds) {
        if (
          !aws.organization.excludeAccountIds.includes(id) &&
          !accounts.has(id)
        ) {
          accounts.set(id, aws.regions);
        }
      }
      return { accounts };
    } catch (e) {
      // Keep scanning the member accounts found last time.
      this.deps.logger.warn(`Organizations discovery failed: ${e}`);
      const previous = await this.deps.store.getFact<{
        memberAccountIds: string[];
      }>(FACT_ORGANIZATION);
      for (const id of previous?.memberAccountIds ?? []) {
        if (
          !aws.organization.excludeAccountIds.includes(id) &&
          !accounts.has(id)
        ) {
          accounts.set(id, aws.regions);
        }
      }
      return { accounts, orgError: e };
    }
  }

  async run(trigger: ScanProgress['trigger']): Promise<ScanProgress> {
    const { config, logger, store, clients, posture } = this.deps;
    const scanId = randomUUID();
    const startedAt = new Date().toISOString();
    await store.startScan({ id: scanId, trigger, startedAt });
    const errors: ScanProgress['errors'] = [];
    let scopesDone = 0;
    let scopesTotal = 0;
    try {
      const entities = await this.catalogEntities();
      const tagSelectors = new Map<string, TagSelector>();
      const mappings: EntityMapping[] = [];
      for (const e of entities) {
        const m = posture.mappingOf(e);
        if (m && !m.problems.length) mappings.push(m);
        if (m?.tagSelector && !m.byDefaultConvention && !m.problems.length) {
          tagSelectors.set(JSON.stringify(m.tagSelector), m.tagSelector);
        }
      }
      // Only resources mapped to entities get their own key read (source describe calls).
      const mapped = new MappedResources(mappings);
      const { accounts, orgError } = await this.accounts();
      if (orgError) {
        errors.push({
          account: config.aws.managementAccountId ?? 'main',
          region: 'global',
          error: toFactError(orgError),
        });
      }
      const scopes: Scope[] = [...accounts].flatMap(([accountId, regions]) =>
        regions.map(region => ({ accountId, region })),
      );
      scopesTotal = scopes.length + (this.deps.azure?.subscriptionCount ?? 0);
      await store.updateProgress(scanId, { scopesTotal, scopesDone, errors });

      const copyJobsSince = new Date(
        Date.now() - config.aws.copyJobsLookbackDays * 86400_000,
      );
      const keys = new KeyDescriber(
        s => clients.forScope(s),
        new Set(accounts.keys()),
      );
      const keyFacts: Array<Promise<AwsKmsKeyFact | AwsKmsKeyFact[]>> = [];
      const limit = pLimit(config.aws.concurrency.scopes);
      // Azure runs beside AWS: different clouds, different quotas. Both are awaited together, so
      // a failure of either is the scan's (never an unhandled rejection while the other runs).
      const azureScan = this.deps.azure?.run(scanId, async (sub, error) => {
        if (error) errors.push({ account: sub, region: 'global', error });
        scopesDone++;
        await store.updateProgress(scanId, { scopesTotal, scopesDone, errors });
      });
      const awsScan = Promise.all(
        scopes.map(scope =>
          limit(async () => {
            const at = new Date().toISOString();
            try {
              const snapshot = await scanScope(
                scope,
                await clients.forScope(scope),
                {
                  tagSelectors: [...tagSelectors.values()],
                  tagKeys: config.aws.defaultTagSelector
                    ? [config.aws.defaultTagSelector.tagKey]
                    : [],
                  copyJobsSince,
                  mapped,
                },
              );
              await resolveSourceKeyAliases(snapshot, keys);
              const keyArns = new Set<string>();
              // AWS-owned keys live in AWS's accounts: DescribeKey on them is refused.
              for (const v of [
                ...snapshot.vaults,
                ...snapshot.recoveryPoints,
              ]) {
                if (
                  v.encryptionKeyArn &&
                  v.encryptionKeyType !== 'AWS_OWNED_KMS_KEY'
                )
                  keyArns.add(v.encryptionKeyArn);
              }
              for (const j of snapshot.copyJobs) {
                if (j.destinationEncryptionKeyArn)
                  keyArns.add(j.destinationEncryptionKeyArn);
              }
              for (const arn of keyArns)
                keyFacts.push(keys.describe(arn, scope));
              // Source keys with their multi-region relatives (rule A4 names an unused replica).
              for (const r of snapshot.resources) {
                if (r.encryptionKeyArn)
                  keyFacts.push(
                    keys.describeWithRelatives(r.encryptionKeyArn, scope),
                  );
              }
              await store.saveScopeSnapshot(snapshot, scanId, at);
            } catch (e) {
              const error = toFactError(e);
              logger.warn(
                `Backup posture scan of ${scope.accountId}/${scope.region} failed, keeping its last snapshot: ${error.name}: ${error.message}`,
              );
              errors.push({
                account: scope.accountId,
                region: scope.region,
                error,
              });
              await store.saveScopeFailure(scope, error, scanId, at);
            }
            scopesDone++;
            await store.updateProgress(scanId, {
              scopesTotal,
              scopesDone,
              errors,
            });
          }),
        ),
      );

      const [, azureResult] = await Promise.all([awsScan, azureScan]);
      const described = (await Promise.all(keyFacts)).flat();
      const uniqueKeys = [...new Map(described.map(k => [k.arn, k])).values()];
      await store.saveKeys(uniqueKeys, scanId, new Date().toISOString());

      const mgmtAccount = config.aws.managementAccountId;
      if (mgmtAccount || config.aws.organization.enabled) {
        const region = config.aws.regions[0] ?? 'us-east-1';
        const settings = await readGlobalSettings(
          await clients.managementBackup(region),
          mgmtAccount ?? 'main',
        );
        const previous =
          await store.getFact<typeof settings>(FACT_GLOBAL_SETTINGS);
        // A failed read keeps the last good settings, with the error for freshness.
        await store.setFact(
          FACT_GLOBAL_SETTINGS,
          settings.error && previous && !previous.error ? previous : settings,
          new Date().toISOString(),
        );
      }

      const finishedAt = new Date().toISOString();
      const index = await loadIndex(store);
      // Evaluate and write in batches: all rows at once held every entity's inventory slice in
      // memory together (gigabytes at 10,000 entities; docs/benchmarks.md).
      const leafScores: Array<EntityRow['summary']['score']> = [];
      let batch: EntityRow[] = [];
      let entityCount = 0;
      for (const row of posture.evaluateEach(
        entities,
        index,
        finishedAt,
        finishedAt,
      )) {
        entityCount++;
        if (row.summary.state === 'ok' && !isRollUpKind(row.summary.kind)) {
          leafScores.push(row.summary.score);
        }
        batch.push(row);
        if (batch.length >= ENTITY_WRITE_BATCH) {
          await store.upsertEntities(batch, scanId, finishedAt);
          batch = [];
        }
      }
      await store.upsertEntities(batch, scanId, finishedAt);
      await store.deleteEntitiesNotInScan(scanId);
      const total = rollUpScores(leafScores);
      let state: ScanProgress['state'] = 'succeeded';
      if (errors.length > 0) {
        state =
          scopesTotal > 0 && errors.length >= scopesTotal
            ? 'failed'
            : 'partial';
      }
      await store.finishScan(scanId, state, finishedAt, {
        score: total.score,
        grade: total.grade,
        entities: leafScores.length,
        counts: total.counts,
      });
      await store.pruneScans(
        new Date(Date.now() - config.retentionDays * 86400_000).toISOString(),
      );
      logger.info(
        `Backup posture scan ${scanId} ${state}: ${scopesDone}/${scopesTotal} scopes, ${errors.length} errors, ${uniqueKeys.length} KMS keys, ${azureResult?.keys ?? 0} Key Vault keys, ${entityCount} entities`,
      );
      return {
        scanId,
        trigger,
        state,
        startedAt,
        finishedAt,
        scopesTotal,
        scopesDone,
        errors,
      };
    } catch (e) {
      logger.error(`Backup posture scan ${scanId} failed: ${e}`);
      await store.finishScan(scanId, 'failed', new Date().toISOString());
      throw e;
    }
  }
}
