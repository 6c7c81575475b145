import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScanProgress } from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureConfig } from '../config';
import { PostureService } from '../posture/PostureService';
import { PostureStore } from '../store/PostureStore';
import { runWithSignal, ScanInterruptedError } from './callContext';
import { RegressionNotifier } from '../notifications/RegressionNotifier';
import { readCatalogEntities } from './catalogEntities';
import { evaluateEntities } from './evaluateEntities';
import { errorFact } from './factError';
import { scanProviders } from './scanProviders';

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

/**
 * One scan: every inventory provider's scopes read and stored (`scanProviders`), then every
 * entity's posture evaluated and stored. Owns the scan's row: progress as scopes finish, the
 * heartbeat, and closing it as succeeded, partial, failed or interrupted.
 */
export class ScanRunner {
  constructor(
    private readonly deps: {
      config: BackupPostureConfig;
      logger: LoggerService;
      store: PostureStore;
      catalog: CatalogService;
      auth: AuthService;
      posture: PostureService;
      /** Present when regression notifications are enabled. */
      notifier?: RegressionNotifier;
    },
  ) {}

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
    const { config, logger, store, posture, notifier } = this.deps;
    const scanId = randomUUID();
    const startedAt = new Date().toISOString();
    const scan = { id: scanId, startedAt, signal: controller.signal };
    await retryDatabase(() =>
      store.scans.startScan({ id: scanId, trigger, startedAt }),
    );
    let errors: ScanProgress['errors'] = [];
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
      const entities = await readCatalogEntities(
        this.deps.catalog,
        this.deps.auth,
      );
      // Each provider's usable mappings (an entity with any annotation problem is left out).
      const mappings = new Map<string, unknown[]>();
      for (const e of entities) {
        const m = posture.mappingOf(e);
        if (!m || m.problems.length) continue;
        for (const [cloud, mapping] of m.byCloud)
          mappings.set(cloud, [...(mappings.get(cloud) ?? []), mapping]);
      }
      const scanned = await scanProviders({
        providers: posture.providers,
        mappings,
        store: store.snapshots,
        logger,
        scan: { ...scan, signal: controller.signal },
        scopeTimeoutMs: config.timeouts.scopeMs,
        onProgress: async p => {
          errors = p.errors;
          scopesTotal = p.scopesTotal;
          scopesDone = p.scopesDone;
          await progress();
        },
        failScan,
      });
      const { keyErrors } = scanned;
      if (keyErrors.length) {
        logger.warn(
          `Backup posture scan ${scanId}: ${keyErrors.length} key reads failed; their last good descriptions are kept, marked stale`,
        );
      }
      if (
        !(await store.scans.recordKeyErrors(scanId, keyErrors).catch(failScan))
      )
        closedElsewhere();

      const finishedAt = new Date().toISOString();
      const evaluationStart = Date.now();
      const evaluated = await evaluateEntities({
        posture,
        store,
        entities,
        scan,
        lastScanAt: finishedAt,
        now: finishedAt,
        notifier,
        failScan,
      });
      const { total, entityCount } = evaluated;
      let state: ScanProgress['state'] = 'succeeded';
      if (errors.length > 0) {
        state =
          scopesTotal > 0 && errors.length >= scopesTotal
            ? 'failed'
            : 'partial';
      }
      // Before closing the row: once it is closed, nothing of the scan's task should be left
      // to do but return (a backend stopped then must not keep the scheduler's lock).
      await store.scans
        .pruneScans(
          new Date(Date.now() - config.retentionDays * 86400_000).toISOString(),
        )
        .catch(e => logger.warn(`Pruning old scans failed: ${e}`));
      const closed = await retryDatabase(() =>
        store.scans.finishScan(scanId, state, finishedAt, {
          score: total.score,
          grade: total.grade,
          entities: evaluated.leafCount,
          counts: total.counts,
        }),
      ).catch(failScan);
      if (!closed) closedElsewhere();
      // Only for a scan that finished: its owners hear of what newly fails.
      if (notifier) await notifier.notify(evaluated.regressions);
      logger.info(
        `Backup posture scan ${scanId} ${state}: ${scopesDone}/${scopesTotal} scopes, ${errors.length} errors, keys ${Object.entries(
          scanned.keyCounts,
        )
          .map(([cloud, n]) => `${cloud} ${n}`)
          .join(
            ', ',
          )}, ${entityCount} entities (${evaluated.reusedCount} kept from the previous evaluation; evaluated and stored in ${Date.now() - evaluationStart} ms)`,
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
      const error = errorFact(reason);
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
