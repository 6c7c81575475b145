import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  ScanProgress,
  ScanRefreshResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureConfig } from '../config';
import { PostureStore } from '../store/PostureStore';
import { ScanRunner } from './ScanRunner';

export const SCAN_TASK_ID = 'backup-posture-scan';
const MANUAL_REQUEST = 'scan.manualRequest';

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
    },
  ) {}

  async schedule() {
    const { scheduler, config } = this.deps;
    await scheduler.scheduleTask({
      id: SCAN_TASK_ID,
      scope: 'global',
      ...config.schedule,
      fn: async () => {
        await this.runOnce();
      },
    });
  }

  /** One scan; the trigger is read from the database so a refresh on any replica is labelled. */
  async runOnce(): Promise<ScanProgress> {
    const { store, runner } = this.deps;
    const manual = await store.getFact<string>(MANUAL_REQUEST);
    let trigger: ScanProgress['trigger'] = 'schedule';
    if (manual) trigger = 'manual';
    else if ((await store.countScans()) === 0) trigger = 'startup';
    if (manual) await store.deleteFact(MANUAL_REQUEST);
    return runner.run(trigger);
  }

  async refresh(requestedBy: string): Promise<ScanRefreshResponse> {
    const { store, scheduler, logger } = this.deps;
    const status = await store.scanStatus();
    if (status.current) {
      return {
        accepted: false,
        message: `A scan is already running (started ${status.current.startedAt})`,
      };
    }
    await store.setFact(MANUAL_REQUEST, requestedBy, new Date().toISOString());
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
