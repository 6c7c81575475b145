import {
  AuditorService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  ScanProgress,
  ScanRefreshResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureConfig } from '../config';
import { PostureStore } from '../store/PostureStore';
import { CatalogFollower } from './CatalogFollower';
import { ScanRunner } from './ScanRunner';

export const SCAN_TASK_ID = 'backup-posture-scan';
export const CATALOG_FOLLOW_TASK_ID = 'backup-posture-catalog-follow';
/** Who asks for a scan when the catalog maps what the last scan did not look for. */
export const CATALOG_FOLLOWER = 'backup-posture:catalog-follower';
/** The stored scan after which the follower last asked for a scan. */
const FACT_SCAN_ASKED_AFTER = 'backup-posture.scanAskedAfter';

/**
 * Registers the scan as a global scheduler task: replicas sharing a database take a lock, so the
 * estate is scanned once per run whatever the number of replicas.
 */
export class ScanScheduler {
  constructor(
    private readonly deps: {
      config: BackupPostureConfig;
      scheduler: SchedulerService;
      store: PostureStore;
      runner: ScanRunner;
      logger: LoggerService;
      auditor: AuditorService;
      /** Present unless the stored postures need not follow the catalog between scans. */
      follower?: CatalogFollower;
    },
  ) {}

  private watchdog?: NodeJS.Timeout;
  /** The scan task's run in this process, until it returns to the scheduler. */
  private inFlight?: Promise<unknown>;

  /**
   * Waits (up to `waitMs`) until the scan task's run in this process has returned to the
   * scheduler, which then releases its lock: a backend stopped the instant a scan finished
   * (its row closed, its audit event not yet written) left the lock held until schedule.timeout.
   */
  async idle(waitMs = 5_000): Promise<void> {
    const run = this.inFlight;
    if (!run) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      run,
      new Promise(r => {
        timer = setTimeout(r, waitMs);
      }),
    ]);
    clearTimeout(timer);
  }

  async schedule() {
    const { scheduler, config, logger } = this.deps;
    // Before this process's own worker can claim the lock (initialDelay may be 0).
    await this.releaseLeftLock();
    await scheduler.scheduleTask({
      id: SCAN_TASK_ID,
      scope: 'global',
      ...config.schedule,
      fn: async signal => {
        const run = this.runOnce(signal);
        this.inFlight = run.catch(() => undefined);
        try {
          await run;
        } finally {
          this.inFlight = undefined;
        }
      },
    });
    const { follower } = this.deps;
    if (follower) {
      // Evaluation from stored snapshots when the catalog changes: a second global task, so one
      // replica does it at a time (never during a scan: the scan evaluates when it finishes).
      const interval = { milliseconds: config.catalogFollowIntervalMs };
      await scheduler.scheduleTask({
        id: CATALOG_FOLLOW_TASK_ID,
        scope: 'global',
        frequency: interval,
        timeout: { minutes: 10 },
        initialDelay: interval,
        fn: async () => {
          const followed = await follower.followOnce();
          if (followed.pendingCount > 0 && followed.scanId)
            await this.scanForPending(followed.scanId, followed.pendingCount);
        },
      });
    }
    // Every replica watches for a scan whose owner is gone (killed, crashed, cut from the
    // database): at startup, then at each heartbeat interval.
    const check = () =>
      this.closeStaleScans().catch(e =>
        logger.warn(`Backup posture scan watchdog failed: ${e}`),
      );
    await check();
    this.watchdog = setInterval(check, config.heartbeat.intervalMs);
    this.watchdog.unref?.();
  }

  /**
   * Entities the last scan never looked for (a tag selector annotated since) are pending: ask
   * for a scan now rather than at the next schedule, once per stored scan (a scan whose every
   * scope failed leaves them pending without asking again and again).
   */
  private async scanForPending(scanId: string, pendingCount: number) {
    const { store, logger } = this.deps;
    const asked = await store.snapshots.getFact<string>(FACT_SCAN_ASKED_AFTER);
    if (asked === scanId) return;
    await store.snapshots.setFact(
      FACT_SCAN_ASKED_AFTER,
      scanId,
      new Date().toISOString(),
    );
    const answer = await this.refresh(CATALOG_FOLLOWER);
    logger.info(
      `Backup posture: ${pendingCount} entities map what scan ${scanId} did not look for; scan requested: ${answer.message}`,
    );
  }

  /**
   * At startup: a scan task lock held while no scan is running was left by a backend that stopped
   * after its scan's row was closed but before the scheduler released the lock (the process ended
   * in between). It would block every scan until schedule.timeout: release it. (A replica that
   * claimed the lock a moment ago and has not opened its scan row yet loses it; its scan still
   * runs, and a newer one supersedes it.)
   */
  private async releaseLeftLock() {
    const { store, scheduler, logger } = this.deps;
    if ((await store.scans.scanStatus()).current) return;
    try {
      await scheduler.cancelTask(SCAN_TASK_ID);
      logger.info(
        'Backup posture: released a scan lock left without a running scan (a backend stopped as its scan ended)',
      );
    } catch (e) {
      // ConflictError: nobody holds it, the usual case; NotFoundError: a new database.
      const name = (e as Error)?.name;
      if (name !== 'ConflictError' && name !== 'NotFoundError')
        logger.warn(`Backup posture: could not check the scan lock: ${e}`);
    }
  }

  /** Stops watching (on shutdown). */
  stop() {
    clearInterval(this.watchdog);
  }

  /**
   * Closes as `interrupted` a running scan whose heartbeat is older than `heartbeat.staleAfter`,
   * releases the scheduler lock its dead owner still holds and starts the next scan now (the
   * interrupted scan's results are missing). Returns whether a scan was closed.
   */
  async closeStaleScans(): Promise<boolean> {
    const { store, scheduler, config, logger } = this.deps;
    const now = Date.now();
    const closed = await store.scans.closeStaleScans(
      new Date(now - config.heartbeat.staleAfterMs).toISOString(),
      new Date(now).toISOString(),
    );
    if (!closed.length) return false;
    logger.warn(
      `Backup posture scan ${closed.join(', ')} stopped reporting progress: closed as interrupted; starting the next scan`,
    );
    const ignoreConflict = (e: unknown) => {
      if (
        !(e instanceof ConflictError) &&
        (e as Error)?.name !== 'ConflictError'
      )
        throw e;
    };
    // The lock of a dead owner would be held until schedule.timeout: release it. (A live owner
    // whose heartbeat was late loses its ticket and is aborted by the scheduler.)
    await scheduler.cancelTask(SCAN_TASK_ID).catch(ignoreConflict);
    await scheduler.triggerTask(SCAN_TASK_ID).catch(ignoreConflict);
    return true;
  }

  /** One scan; the trigger is read from the database so a refresh on any replica is labelled. */
  async runOnce(signal?: AbortSignal): Promise<ScanProgress> {
    const { store, runner } = this.deps;
    const manual = await store.scans.takeScanRequest();
    let trigger: ScanProgress['trigger'] = 'schedule';
    if (manual) trigger = 'manual';
    else if ((await store.scans.countScans()) === 0) trigger = 'startup';
    // Audited: every scan that runs, with who asked for it, and how it ended.
    const event = await this.deps.auditor.createEvent({
      eventId: 'scan',
      severityLevel: 'low',
      meta: { trigger, ...(manual ? { requestedBy: manual } : {}) },
    });
    let progress: ScanProgress;
    try {
      progress = await runner.run(trigger, signal);
    } catch (e) {
      await event.fail({ error: e as Error });
      throw e;
    }
    const meta = {
      scanId: progress.scanId,
      state: progress.state,
      scopesTotal: progress.scopesTotal,
      scopesDone: progress.scopesDone,
      errorCount: progress.errorCount ?? progress.errors.length,
      keyErrorCount: progress.keyErrorCount ?? 0,
    };
    if (progress.state === 'failed') {
      await event.fail({
        meta,
        error: new Error(
          `Every scope failed (${meta.errorCount} errors), e.g. ${progress.errors[0]?.error.message ?? 'unknown'}`,
        ),
      });
    } else {
      // `partial`: some scopes failed; the scan itself ran (their last snapshots are kept).
      await event.success({ meta });
    }
    return progress;
  }

  async refresh(requestedBy: string): Promise<ScanRefreshResponse> {
    const { store, scheduler, logger } = this.deps;
    await this.closeStaleScans();
    const status = await store.scans.scanStatus();
    if (status.current) {
      return {
        accepted: false,
        message: `A scan is already running (started ${status.current.startedAt})`,
      };
    }
    await store.scans.requestScan(requestedBy, new Date().toISOString());
    try {
      await scheduler.triggerTask(SCAN_TASK_ID);
    } catch (e) {
      if (
        e instanceof ConflictError ||
        (e as Error)?.name === 'ConflictError'
      ) {
        return { accepted: false, message: 'A scan is already running' };
      }
      throw e;
    }
    logger.info(`Backup posture scan requested by ${requestedBy}`);
    return { accepted: true, message: 'Scan started' };
  }
}
