import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { DEFAULT_ROLE, SIM_CREDENTIALS } from '@internal/simulated-aws';
import { AUTH } from './apiBench';
import { indexedCatalogServiceFactory } from './indexedCatalog';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the benchmark drives both sides
import backupPosturePlugin from '@backup-posture/plugin-backup-posture-backend';
import { ScanStatusResponse } from '@backup-posture/plugin-backup-posture-common';

/** The plugin's scan settings (backupPosture.aws.concurrency) the benchmark runs with. */
export interface ScanSettings {
  scopeConcurrency: number;
  requestsInFlight: number;
  quotaShare: number;
}

/**
 * The real backup-posture backend plugin in a test backend (real scheduler, in-memory catalog
 * of the benchmark's entities, looked up by index as the real catalog does, mock auth) on a SQLite file, so the database size can be measured.
 * Its start-up scan discovers the simulated estate at `endpoint`.
 */
export async function startBenchBackend(opts: {
  endpoint: string;
  regions: string[];
  entities: Entity[];
  settings: ScanSettings;
  copyJobsLookbackDays: number;
}) {
  const dir = mkdtempSync(join(tmpdir(), 'backup-posture-bench-'));
  const backend = await startTestBackend({
    features: [
      backupPosturePlugin,
      schedulerServiceFactory,
      databaseServiceFactory,
      indexedCatalogServiceFactory(opts.entities),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'better-sqlite3',
              connection: { directory: dir },
            },
          },
          aws: {
            mainAccount: { ...SIM_CREDENTIALS },
          },
          backupPosture: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 180 },
              initialDelay: { seconds: 0 },
            },
            aws: {
              endpoint: opts.endpoint,
              roleName: DEFAULT_ROLE,
              copyJobsLookbackDays: opts.copyJobsLookbackDays,
              organization: { enabled: true },
              managementAccountId: '111111111111',
              regions: opts.regions,
              concurrency: {
                scopes: opts.settings.scopeConcurrency,
                requestsInFlight: opts.settings.requestsInFlight,
                quotaShare: opts.settings.quotaShare,
                maxAttempts: 3,
              },
            },
          },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    backend,
    baseUrl: `http://127.0.0.1:${port}`,
    dbFile: join(dir, 'backup-posture.sqlite'),
    dbBytes: () => statSync(join(dir, 'backup-posture.sqlite')).size,
    async stop() {
      await backend.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Polls the scan status route until the first scan has finished; fails on an error answer, or
 * when no scan finished within `timeoutMs` (a stuck backend must not hang the benchmark).
 */
export async function waitForFirstScan(
  baseUrl: string,
  onPoll: (status?: ScanStatusResponse) => void,
  timeoutMs = 3 * 3600_000,
): Promise<ScanStatusResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let res: Response | undefined;
    try {
      res = await fetch(`${baseUrl}/api/backup-posture/scan/status`, {
        headers: {
          ...AUTH,
          connection: 'close',
        },
      });
    } catch {
      // a poll lost to a reset connection is retried at the next tick
    }
    if (res && !res.ok)
      throw new Error(
        `scan status answered ${res.status}: ${await res.text()}`,
      );
    const body = res ? ((await res.json()) as ScanStatusResponse) : undefined;
    if (body?.last && !body.current) return body;
    onPoll(body);
    if (Date.now() > deadline)
      throw new Error(
        `no scan finished within ${timeoutMs / 60_000} minutes: ${JSON.stringify(body)}`,
      );
    await new Promise(r => setTimeout(r, 250));
  }
}
