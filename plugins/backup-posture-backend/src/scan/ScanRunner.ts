import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AwsKmsKeyFact,
  FactError,
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
import {
  Scope,
  ScopeSnapshot,
  TagSelector,
  toFactError,
} from '../discovery/types';
import {
  FACT_GLOBAL_SETTINGS,
  FACT_ORGANIZATION,
  loadIndex,
  PostureService,
} from '../posture/PostureService';
import { PostureStore } from '../store/PostureStore';
import {
  formatDuration,
  runWithSignal,
  ScanInterruptedError,
} from './callContext';
import { EntityRow } from '../store/types';
import { RegressionNotifier } from '../notifications/RegressionNotifier';
import { EntityRegression } from '../notifications/regressions';

/** A database error that ended a scan: the scan's own failure, never a scope's. */
export class ScanDatabaseError extends Error {
  override readonly name = 'ScanDatabaseError';
  constructor(cause: unknown) {
    super(
      `The scan could not write to the database: ${(cause as Error)?.message ?? cause}`,
    );
    this.cause = cause;
  }
}

/** Retries a database write briefly (a failover or restart takes seconds). */
export async function retryDatabase<T>(
  write: () => Promise<T>,
  attempts = 4,
  delayMs = 500,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise(r => setTimeout(r, delayMs * i));
    }
  }
}

/** Settles with `work`, or rejects with the signal's reason as soon as it is aborted. */
async function untilAborted<T>(
  signal: AbortSignal,
  work: Promise<T>,
): Promise<T> {
  if (signal.aborted) throw signal.reason;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

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
      /** Present when regression notifications are enabled. */
      notifier?: RegressionNotifier;
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
    let org: Awaited<ReturnType<typeof discoverOrganization>>;
    try {
      org = await discoverOrganization(await this.deps.clients.organizations());
    } catch (e) {
      // Keep scanning the member accounts found last time.
      this.deps.logger.warn(`Organizations discovery failed: ${e}`);
      const previous = await this.deps.store.snapshots.getFact<{
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
    // Outside the try: a database error is the scan's, not the organization's.
    await this.deps.store.snapshots.setFact(
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
  }

  /** The scan running in this process, if any (one at a time: the task holds a global lock). */
  private current?: { controller: AbortController; done: Promise<unknown> };

  /**
   * Stops the running scan, if any, and waits (up to `waitMs`) until its row is closed as
   * `interrupted`, so the scheduler releases its lock before the backend goes away.
   */
  async shutdown(waitMs = 10_000): Promise<void> {
    const current = this.current;
    if (!current) return;
    current.controller.abort(
      new ScanInterruptedError('The backend is shutting down'),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      current.done.catch(() => undefined),
      new Promise(r => {
        timer = setTimeout(r, waitMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /**
   * One scan. `signal` is the scheduler's: aborted at `schedule.timeout` or on shutdown. The scan
   * stops at once when it is aborted, when its row is closed by someone else (a newer scan, a
   * replica that found its heartbeat stale) or when a database write fails; its row is then
   * closed as `interrupted` or `failed` (with the scan's own error), and none of its workers
   * writes anything after that.
   */
  async run(
    trigger: ScanProgress['trigger'],
    signal?: AbortSignal,
  ): Promise<ScanProgress> {
    const controller = new AbortController();
    const stop = () =>
      controller.abort(
        new ScanInterruptedError(
          'The scheduler stopped the scan (schedule.timeout reached, or the backend is shutting down)',
        ),
      );
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    const done = runWithSignal(controller.signal, () =>
      this.runScan(trigger, controller),
    );
    this.current = { controller, done };
    try {
      return await done;
    } finally {
      signal?.removeEventListener('abort', stop);
      if (this.current?.done === done) this.current = undefined;
    }
  }

  private async runScan(
    trigger: ScanProgress['trigger'],
    controller: AbortController,
  ): Promise<ScanProgress> {
    const { config, logger, store, clients, posture, notifier } = this.deps;
    const scanId = randomUUID();
    const startedAt = new Date().toISOString();
    const scan = { id: scanId, startedAt, signal: controller.signal };
    await retryDatabase(() =>
      store.scans.startScan({ id: scanId, trigger, startedAt }),
    );
    const errors: ScanProgress['errors'] = [];
    let scopesDone = 0;
    let scopesTotal = 0;
    /** A database failure is the scan's own: it stops every worker. */
    const failScan = (e: unknown): never => {
      if (!controller.signal.aborted)
        controller.abort(new ScanDatabaseError(e));
      throw controller.signal.reason;
    };
    const closedElsewhere = (): never => {
      controller.abort(
        new ScanInterruptedError(
          'The scan was closed by another replica (a newer scan started, or its heartbeat was late)',
        ),
      );
      throw controller.signal.reason;
    };
    const progress = async () => {
      if (controller.signal.aborted) throw controller.signal.reason;
      const live = await store.scans
        .updateProgress(scanId, { scopesTotal, scopesDone, errors })
        .catch(failScan);
      if (!live) closedElsewhere();
    };
    const heartbeat = setInterval(() => {
      store.scans
        .heartbeat(scanId, new Date().toISOString())
        .then(live => {
          if (!live && !controller.signal.aborted) {
            controller.abort(
              new ScanInterruptedError(
                'The scan was closed by another replica (a newer scan started, or its heartbeat was late)',
              ),
            );
          }
        })
        .catch(e =>
          logger.warn(`Backup posture scan ${scanId} heartbeat failed: ${e}`),
        );
    }, config.heartbeat.intervalMs);
    heartbeat.unref?.();
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
      if (controller.signal.aborted) throw controller.signal.reason;
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
      await progress();

      const copyJobsSince = new Date(
        Date.now() - config.aws.copyJobsLookbackDays * 86400_000,
      );
      const keys = new KeyDescriber(
        s => clients.forScope(s),
        new Set(accounts.keys()),
      );
      const keyFacts: Array<Promise<AwsKmsKeyFact | AwsKmsKeyFact[]>> = [];
      const limit = pLimit(config.aws.concurrency.scopes);
      const scopeMs = config.timeouts.scopeMs;
      // Azure runs beside AWS: different clouds, different quotas. Both are awaited together, so
      // a failure of either is the scan's (never an unhandled rejection while the other runs).
      const azureScan = this.deps.azure?.run(
        scan,
        async (sub, error) => {
          if (error) errors.push({ account: sub, region: 'global', error });
          scopesDone++;
          await progress();
        },
        failScan,
      );
      const awsScan = Promise.all(
        scopes.map(scope =>
          limit(async () => {
            if (controller.signal.aborted) throw controller.signal.reason;
            const at = new Date().toISOString();
            // The scope's own time limit; its calls in flight are aborted with it.
            const timeout = AbortSignal.timeout(scopeMs);
            const scopeSignal = AbortSignal.any([controller.signal, timeout]);
            let snapshot: ScopeSnapshot | undefined;
            let failure: FactError | undefined;
            try {
              snapshot = await runWithSignal(scopeSignal, async () => {
                const read = await untilAborted(
                  scopeSignal,
                  (async () =>
                    scanScope(scope, await clients.forScope(scope), {
                      tagSelectors: [...tagSelectors.values()],
                      tagKeys: config.aws.defaultTagSelector
                        ? [config.aws.defaultTagSelector.tagKey]
                        : [],
                      copyJobsSince,
                      mapped,
                    }))(),
                );
                await untilAborted(
                  scopeSignal,
                  resolveSourceKeyAliases(read, keys),
                );
                return read;
              });
            } catch (e) {
              if (controller.signal.aborted) throw controller.signal.reason;
              failure = timeout.aborted
                ? {
                    name: 'ScopeTimeout',
                    message: `${scope.accountId}/${scope.region} was not read within ${formatDuration(scopeMs)} (backupPosture.timeouts.scope)`,
                  }
                : toFactError(e);
            }
            if (snapshot) {
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
              // A database error here is the scan's, never the scope's.
              await store.snapshots
                .saveScopeSnapshot(snapshot, scan, at)
                .catch(failScan);
            } else {
              const error = failure!;
              logger.warn(
                `Backup posture scan of ${scope.accountId}/${scope.region} failed, keeping its last snapshot: ${error.name}: ${error.message}`,
              );
              errors.push({
                account: scope.accountId,
                region: scope.region,
                error,
              });
              await store.snapshots
                .saveScopeFailure(scope, error, scan, at)
                .catch(failScan);
            }
            scopesDone++;
            await progress();
          }),
        ),
      );

      const [, azureResult] = await Promise.all([awsScan, azureScan]);
      const described = (await Promise.all(keyFacts)).flat();
      // A key whose read failed names no relatives this time: read the multi-region relatives
      // its last good description named, so they are not left looking fresh unread.
      const seen = new Set(described.map(k => k.arn));
      const lastGood = new Map(
        (await store.snapshots.listKeys().catch(failScan)).map(k => [k.arn, k]),
      );
      const relatives = described.flatMap(k => {
        const last = k.error ? lastGood.get(k.arn) : undefined;
        return [last?.primaryKeyArn, ...(last?.replicaKeyArns ?? [])]
          .filter((arn): arn is string => !!arn && !seen.has(arn))
          .map(arn => {
            seen.add(arn);
            return runWithSignal(controller.signal, () =>
              keys.describe(arn, { accountId: k.accountId, region: k.region }),
            );
          });
      });
      described.push(...(await Promise.all(relatives)));
      const uniqueKeys = [...new Map(described.map(k => [k.arn, k])).values()];
      await store.snapshots
        .saveKeys(uniqueKeys, scan, new Date().toISOString())
        .catch(failScan);

      // Every failed key read is the scan's to tell (each key keeps its last good description,
      // marked stale with the error).
      const keyErrors: NonNullable<ScanProgress['keyErrors']> = [
        ...uniqueKeys.flatMap(k =>
          k.error
            ? [{ cloud: 'aws' as const, key: k.arn, error: k.error }]
            : [],
        ),
        ...(azureResult?.keyErrors ?? []).map(k => ({
          cloud: 'azure' as const,
          ...k,
        })),
      ];
      if (keyErrors.length) {
        logger.warn(
          `Backup posture scan ${scanId}: ${keyErrors.length} key reads failed; their last good descriptions are kept, marked stale`,
        );
      }
      if (
        !(await store.scans.recordKeyErrors(scanId, keyErrors).catch(failScan))
      )
        closedElsewhere();

      const mgmtAccount = config.aws.managementAccountId;
      if (mgmtAccount || config.aws.organization.enabled) {
        const region = config.aws.regions[0] ?? 'us-east-1';
        const settings = await readGlobalSettings(
          await clients.managementBackup(region),
          mgmtAccount ?? 'main',
        );
        if (controller.signal.aborted) throw controller.signal.reason;
        await (async () => {
          const previous =
            await store.snapshots.getFact<typeof settings>(
              FACT_GLOBAL_SETTINGS,
            );
          // A failed read keeps the last good settings, with the error for freshness.
          await store.snapshots.setFact(
            FACT_GLOBAL_SETTINGS,
            settings.error && previous && !previous.error ? previous : settings,
            new Date().toISOString(),
          );
        })().catch(failScan);
      }

      const finishedAt = new Date().toISOString();
      const index = await loadIndex(store).catch(failScan);
      // Evaluate and write in batches: all rows at once held every entity's inventory slice in
      // memory together (gigabytes at 10,000 entities; docs/benchmarks.md).
      const leafScores: Array<EntityRow['summary']['score']> = [];
      const regressions: EntityRegression[] = [];
      const write = async (rows: EntityRow[]) => {
        const previous = await store.entities
          .upsertEntities(rows, scan, finishedAt)
          .catch(failScan);
        if (notifier)
          regressions.push(...notifier.regressionsIn(rows, previous));
      };
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
          await write(batch);
          batch = [];
        }
      }
      await write(batch);
      await store.entities.deleteEntitiesNotInScan(scan).catch(failScan);
      const total = rollUpScores(leafScores);
      let state: ScanProgress['state'] = 'succeeded';
      if (errors.length > 0) {
        state =
          scopesTotal > 0 && errors.length >= scopesTotal
            ? 'failed'
            : 'partial';
      }
      const closed = await retryDatabase(() =>
        store.scans.finishScan(scanId, state, finishedAt, {
          score: total.score,
          grade: total.grade,
          entities: leafScores.length,
          counts: total.counts,
        }),
      ).catch(failScan);
      if (!closed) closedElsewhere();
      // Only for a scan that finished: its owners hear of what newly fails.
      if (notifier) await notifier.notify(regressions);
      await store.scans
        .pruneScans(
          new Date(Date.now() - config.retentionDays * 86400_000).toISOString(),
        )
        .catch(e => logger.warn(`Pruning old scans failed: ${e}`));
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
        errorCount: errors.length,
        keyErrors,
        keyErrorCount: keyErrors.length,
      };
    } catch (e) {
      // Whatever failed first: stop every worker still running before closing the row.
      const reason = controller.signal.aborted ? controller.signal.reason : e;
      if (!controller.signal.aborted) controller.abort(reason);
      const interrupted = reason instanceof ScanInterruptedError;
      const error = toFactError(reason);
      if (interrupted) {
        logger.warn(
          `Backup posture scan ${scanId} interrupted: ${error.message}`,
        );
      } else {
        logger.error(
          `Backup posture scan ${scanId} failed: ${error.name}: ${error.message}`,
        );
      }
      await retryDatabase(() =>
        store.scans.finishScan(
          scanId,
          interrupted ? 'interrupted' : 'failed',
          new Date().toISOString(),
          undefined,
          error,
        ),
      ).catch(closeError =>
        // Left running: the heartbeat stops, and a replica closes it as interrupted.
        logger.error(
          `Backup posture scan ${scanId} could not be closed: ${closeError}`,
        ),
      );
      throw reason;
    } finally {
      clearInterval(heartbeat);
    }
  }
}
