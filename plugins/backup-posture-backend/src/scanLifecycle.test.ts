import { describe, expect, it, jest } from '@jest/globals';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScanStatusResponse } from '@backup-posture/plugin-backup-posture-common';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { eventually, startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities } from './__testUtils__/fixtures';
import {
  IRELAND_PROD,
  simulatedConfigWith as config,
} from './__testUtils__/scanConfig';

jest.setTimeout(120_000);

const PG = 'postgresql://postgres@127.0.0.1:5432';
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??= PG;

const sim = useSimulatedEstate();
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const TASKS = 'backstage_backend_tasks__tasks';
const STATUS = '/api/backup-posture/scan/status';

async function status(server: any): Promise<ScanStatusResponse> {
  return (await request(server).get(STATUS)).body;
}

const scanRow = (knex: Knex, id: string) =>
  knex('backup_posture_scans').where({ id }).first();

describe('interrupted scans (issue 15, item 1)', () => {
  it('on shutdown the running scan stops at once, is closed as interrupted and releases the lock', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database.factory({ knex });
    const entities = demoEntities(sim);
    // One scope hangs: the scan cannot finish before the backend is stopped.
    sim.faults.add({
      kind: 'timeout',
      ...IRELAND_PROD,
      service: 'backup',
      operation: 'ListBackupVaults',
      holdMs: 60_000,
    });
    const first = await startPlugin({
      config: config({}),
      entities,
      extraFeatures: [database],
    });
    let scanId: string;
    try {
      const running = await eventually(
        'a running scan',
        () => status(first.server),
        s => !!s.current && s.current.scopesDone > 0,
      );
      scanId = running.current!.scanId;
    } finally {
      const stopping = Date.now();
      await first.stop();
      // It did not wait for the hung request.
      expect(Date.now() - stopping).toBeLessThan(10_000);
    }
    const row = await scanRow(knex, scanId);
    expect(row.state).toBe('interrupted');
    expect(JSON.parse(row.error)).toEqual({
      name: 'ScanInterrupted',
      message: expect.stringMatching(/shutting down/),
    });
    // No AWS scope is blamed for the shutdown.
    expect(JSON.parse(row.errors)).toEqual([]);
    // The scheduler's lock is released.
    await eventually(
      'the scan task released',
      async () => (await knex(TASKS).select('current_run_ticket'))[0],
      t => t.current_run_ticket === null,
      5_000,
    );

    // The next backend on the same database scans on request at once.
    sim.faults.clear();
    const second = await startPlugin({
      config: config({}),
      entities,
      extraFeatures: [database],
    });
    try {
      const before = new Date().toISOString();
      const refresh = await request(second.server).post(
        '/api/backup-posture/scan/refresh',
      );
      expect(refresh.body).toEqual({ accepted: true, message: 'Scan started' });
      const done = await waitForScan(second.server, { after: before });
      expect(done.last!.state).toBe('succeeded');
    } finally {
      await second.stop();
    }
  });

  it('a scan whose backend was killed is closed as interrupted, and the next one starts within a scheduling tick', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database.factory({ knex });
    const entities = demoEntities(sim);
    const settings = config({
      heartbeat: { interval: { seconds: 1 }, staleAfter: { seconds: 5 } },
    });
    const first = await startPlugin({
      config: settings,
      entities,
      extraFeatures: [database],
    });
    try {
      await waitForScan(first.server);
    } finally {
      await first.stop();
    }
    // What kill -9 mid-scan leaves: the scan row running (its heartbeat stopped two minutes
    // ago) and the scheduler's lock held by the dead process until schedule.timeout.
    const killedAt = new Date(Date.now() - 120_000).toISOString();
    await knex('backup_posture_scans').insert({
      id: 'killed-scan',
      trigger: 'schedule',
      state: 'running',
      started_at: killedAt,
      heartbeat_at: killedAt,
      scopes_total: 24,
      scopes_done: 3,
      errors: '[]',
    });
    await knex(TASKS).update({
      current_run_ticket: 'ticket-of-the-killed-process',
      current_run_started_at: knex.raw("datetime('now', '-2 minutes')"),
      current_run_expires_at: knex.raw("datetime('now', '+13 minutes')"),
      next_run_start_at: knex.raw("datetime('now', '+28 minutes')"),
    });

    const restartedAt = Date.now();
    const second = await startPlugin({
      config: settings,
      entities,
      extraFeatures: [database],
    });
    try {
      const done = await waitForScan(second.server, {
        after: new Date(restartedAt).toISOString(),
        timeoutMs: 30_000,
      });
      expect(done.last!.state).toBe('succeeded');
      // The scheduler polls every 5 s: the scan started within one tick of the restart.
      expect(Date.parse(done.last!.startedAt) - restartedAt).toBeLessThan(
        7_000,
      );
      const killed = await scanRow(knex, 'killed-scan');
      expect(killed.state).toBe('interrupted');
      expect(JSON.parse(killed.error)).toEqual({
        name: 'ScanInterrupted',
        message: `The scan stopped reporting progress at ${killedAt} (its backend was stopped or lost its database)`,
      });
    } finally {
      await second.stop();
    }
  });

  it('a database restart mid-scan fails the scan itself, blames no cloud scope, and stops its writers (POSTGRES_15)', async () => {
    const knex = await databases.init('POSTGRES_15');
    const { rows } = await knex.raw('select current_database() as db');
    const db = rows[0].db as string;
    const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
    const entities = demoEntities(sim);
    // Slow answers in every scope: the scan is mid-way when the database goes away.
    sim.setLatency({ ms: 150 });
    const backend = await startPlugin({
      config: config({
        heartbeat: { interval: { seconds: 1 }, staleAfter: { seconds: 30 } },
      }),
      entities,
      extraFeatures: [mockServices.database.factory({ knex })],
    });
    try {
      const running = await eventually(
        'a scan half-way',
        () => status(backend.server),
        s => !!s.current && s.current.scopesDone >= 2,
      );
      const scanId = running.current!.scanId;
      // The restart: every session is cut and no new one is accepted for two seconds.
      await admin.raw(`ALTER DATABASE "${db}" WITH ALLOW_CONNECTIONS false`);
      await admin.raw(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()',
        [db],
      );
      await new Promise(r => setTimeout(r, 2_000));
      await admin.raw(`ALTER DATABASE "${db}" WITH ALLOW_CONNECTIONS true`);

      // The scan ends failed (not running), with the database error as its own.
      const row = await eventually(
        'the scan closed',
        () => scanRow(knex, scanId),
        r => r.state !== 'running',
      );
      expect(row.state).toBe('failed');
      expect(JSON.parse(row.error)).toEqual({
        name: 'ScanDatabaseError',
        message: expect.stringMatching(
          /^The scan could not write to the database: /,
        ),
      });
      expect(JSON.parse(row.errors)).toEqual([]);
      const finishedScopes = Number(row.scopes_done);
      expect(finishedScopes).toBeLessThan(24);

      // The API recovers and reports it.
      const after = await eventually(
        'the API answering',
        () => request(backend.server).get(STATUS),
        r => r.status === 200,
      );
      expect(after.body.current).toBeUndefined();
      expect(after.body.last).toMatchObject({
        scanId,
        state: 'failed',
        errors: [],
        error: { name: 'ScanDatabaseError' },
      });
      // Its workers stopped: nothing more is written under the failed scan.
      const written = async () =>
        Number(
          (
            await knex('backup_posture_scope_snapshots')
              .where({ scan_id: scanId })
              .count({ n: '*' })
          )[0].n,
        );
      const writtenAtClose = await written();
      await new Promise(r => setTimeout(r, 3_000));
      expect(await written()).toBe(writtenAtClose);
      expect(Number((await scanRow(knex, scanId)).scopes_done)).toBe(
        finishedScopes,
      );
    } finally {
      sim.clearLatency();
      await backend.stop();
      await admin.destroy();
    }
  });
});
