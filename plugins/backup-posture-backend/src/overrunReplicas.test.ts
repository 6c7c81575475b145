import { describe, expect, it, jest } from '@jest/globals';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  eventually,
  startReplicas,
  waitForScan,
} from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(120_000);

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

const sim = useSimulatedEstate();
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

/**
 * Issue 15 item 7, "two replicas with a scan that overruns → one writer wins, the newest": the
 * fault that made a late, older scan overwrite every entity's posture with older data.
 */
describe('a scan that overruns schedule.timeout on two replicas (POSTGRES_15)', () => {
  it('is cut by the scheduler; the next scan, on either replica, is the only writer of every row', async () => {
    const knex = await databases.init('POSTGRES_15');
    const base = simulatedConfig();
    const config: JsonObject = {
      ...base,
      backupPosture: {
        ...(base.backupPosture as JsonObject),
        // The held call is not cut by the request timeout: only the scheduler stops the scan.
        timeouts: { request: { minutes: 5 }, scope: { minutes: 5 } },
        schedule: {
          frequency: { seconds: 20 },
          // Long enough for a whole scan on a loaded machine; the held call outlasts it.
          timeout: { seconds: 15 },
          initialDelay: { seconds: 0 },
        },
      },
    };
    // The first scan hangs on one call for two minutes: it outruns schedule.timeout.
    const hang = sim.faults.add({
      kind: 'timeout',
      account: '222222222222',
      region: 'eu-west-1',
      service: 'backup',
      operation: 'ListBackupVaults',
      holdMs: 120_000,
      times: 1,
    });
    const features = [mockServices.database.factory({ knex })];
    const entities = demoEntities(sim);
    const replicas = await startReplicas(2, {
      config,
      entities,
      extraFeatures: features,
    });
    try {
      // The scans as the database records them: the next scan may start the moment the cut one
      // is closed, so the status route could show either.
      const rows = await eventually(
        'a cut scan and a finished one after it',
        () => knex('backup_posture_scans').orderBy('started_at'),
        all => all.length >= 2 && all[all.length - 1].state === 'succeeded',
        90_000,
      );
      const overrun = rows[0];
      expect(overrun.state).toBe('interrupted');
      expect(JSON.parse(overrun.error)).toEqual({
        name: 'ScanInterrupted',
        message:
          'The scheduler stopped the scan (schedule.timeout reached, or the backend is shutting down)',
      });
      expect(hang.hits).toBe(1);
      const next = rows[rows.length - 1];
      // Both replicas report the newest scan.
      for (const replica of replicas) {
        const status = await waitForScan(replica.server, {
          after: overrun.started_at,
        });
        expect(status.last).toMatchObject({
          scanId: next.id,
          state: 'succeeded',
        });
      }

      // Scans never overlapped: each began after the one before it was closed.
      const scans = await knex('backup_posture_scans').orderBy('started_at');
      for (let i = 1; i < scans.length; i++) {
        expect(scans[i].started_at >= scans[i - 1].finished_at).toBe(true);
      }
      // Give the cut scan's workers time to write, were they still running.
      await new Promise(r => setTimeout(r, 2_000));
      // Every entity's posture comes from the newest finished scan, none from the cut one.
      const written = await knex('backup_posture_entities').select(
        'entity_ref',
        'scan_id',
        'scan_started_at',
      );
      expect(written.map(r => r.entity_ref)).toEqual(
        expect.arrayContaining([
          'component:default/payments-api',
          'component:default/payments-ledger',
        ]),
      );
      const newest = (
        await knex('backup_posture_scans')
          .where({ state: 'succeeded' })
          .orderBy('started_at', 'desc')
          .first()
      ).id;
      expect(new Set(written.map(r => r.scan_id))).toEqual(new Set([newest]));
      const scopesOfCutScan = await knex('backup_posture_scope_snapshots')
        .where({ scan_id: overrun.id })
        .where('last_attempt_at', '>', next.started_at);
      expect(scopesOfCutScan).toEqual([]);
    } finally {
      await Promise.all(replicas.map(r => r.stop()));
    }
  });
});
