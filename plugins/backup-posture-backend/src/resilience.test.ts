import { describe, expect, it, jest } from '@jest/globals';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityPostureResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const POSTURE = '/api/backup-posture/entities/component/default';
const OSAKA_PROD = { account: '222222222222', region: 'ap-northeast-3' };

describe('failure isolation, restart and read-only discovery', () => {
  it('keeps the last good data of failed scopes, marks them stale, and survives a restart', async () => {
    const knex = await databases.init('SQLITE_3');
    const entities = demoEntities(sim);
    const database = mockServices.database.factory({ knex });

    const first = await startPlugin({
      config: simulatedConfig(),
      entities,
      extraFeatures: [database],
    });
    let before: EntityPostureResponse;
    let ledgerBefore: EntityPostureResponse | undefined;
    try {
      await waitForScan(first.server);

      // Read-only: every AWS call of a whole scan is a List/Get/Describe (or STS AssumeRole).
      expect(sim.calls.length).toBeGreaterThan(100);
      const writes = sim.calls.filter(
        c =>
          !/^(List|Get|Describe)/.test(c.operation) &&
          c.operation !== 'AssumeRole',
      );
      expect(writes).toEqual([]);
      // Each account's role is assumed once per scan, not once per client or call.
      expect(sim.countCalls({ service: 'sts', operation: 'AssumeRole' })).toBe(
        6,
      );

      before = (
        await request(first.server).get(`${POSTURE}/payments-api/posture`)
      ).body;
      const osakaPoints = before.inventory!.aws!.recoveryPoints.filter(
        p =>
          p.region === OSAKA_PROD.region && p.accountId === OSAKA_PROD.account,
      );
      expect(osakaPoints.length).toBeGreaterThan(0);

      // AccessDenied in one account, throttling in one scope, a malformed answer in another.
      sim.faults.add({ kind: 'access-denied', account: '333333333333' });
      sim.faults.add({ kind: 'throttle', ...OSAKA_PROD, service: 'backup' });
      sim.faults.add({
        kind: 'malformed',
        account: '555555555555',
        region: 'us-east-1',
        service: 'backup',
        operation: 'ListBackupVaults',
      });
      const startedBefore = new Date().toISOString();
      const refresh = await request(first.server).post(
        '/api/backup-posture/scan/refresh',
      );
      expect(refresh.status).toBe(202);
      expect(refresh.body.accepted).toBe(true);
      const status = await waitForScan(first.server, { after: startedBefore });
      expect(status.last!.trigger).toBe('manual');
      expect(status.last!.state).toBe('partial');
      expect(status.last!.scopesDone).toBe(24);
      const failed = status
        .last!.errors.map(e => `${e.account}/${e.region}:${e.error.name}`)
        .sort();
      expect(failed).toHaveLength(6);
      expect(failed.filter(f => f.startsWith('333333333333/'))).toHaveLength(4);
      expect(failed).toContainEqual(
        expect.stringMatching(/^222222222222\/ap-northeast-3:Throttling/),
      );
      expect(failed).toContainEqual(
        expect.stringMatching(/^555555555555\/us-east-1:/),
      );

      // The throttled scope's recovery points are still there, marked stale with the error.
      const after: EntityPostureResponse = (
        await request(first.server).get(`${POSTURE}/payments-api/posture`)
      ).body;
      expect(after.state).toBe('ok');
      expect(after.freshness.stale).toBe(true);
      const osaka = after.freshness.scopes.find(
        s => s.account === OSAKA_PROD.account && s.region === OSAKA_PROD.region,
      )!;
      expect(osaka.state).toBe('stale');
      expect(osaka.error!.name).toMatch(/Throttling/);
      expect(osaka.lastSuccessAt! < osaka.lastAttemptAt!).toBe(true);
      expect(
        after
          .inventory!.aws!.recoveryPoints.map(p => p.recoveryPointArn)
          .sort(),
      ).toEqual(
        before
          .inventory!.aws!.recoveryPoints.map(p => p.recoveryPointArn)
          .sort(),
      );
      // An entity whose scopes all answered is not stale.
      const ledger: EntityPostureResponse = (
        await request(first.server).get(`${POSTURE}/payments-ledger/posture`)
      ).body;
      ledgerBefore = ledger;
      // Its own scope answered; only the failed scopes it depends on are marked.
      const failedScopes = status.last!.errors.map(
        e => `${e.account}/${e.region}`,
      );
      for (const scope of ledger.freshness.scopes) {
        const key = `${scope.account}/${scope.region}`;
        expect({ key, state: scope.state }).toEqual({
          key,
          state: failedScopes.includes(key) ? 'stale' : 'ok',
        });
      }
      expect(ledger.freshness.scopes).toContainEqual(
        expect.objectContaining({
          account: '222222222222',
          region: 'ap-northeast-1',
          state: 'ok',
        }),
      );
    } finally {
      await first.stop();
    }
    // Restart on the same database while AWS denies everything: nothing is lost.
    sim.reset();
    sim.faults.add({ kind: 'access-denied' });
    const second = await startPlugin({
      config: simulatedConfig(),
      entities,
      extraFeatures: [database],
    });
    try {
      // The scheduler's state is shared too: a restart does not rescan before it is due.
      const restored: EntityPostureResponse = (
        await request(second.server).get(`${POSTURE}/payments-ledger/posture`)
      ).body;
      expect(restored).toEqual(ledgerBefore!);
      const startedBefore = new Date().toISOString();
      await request(second.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const status: ScanStatusResponse = await waitForScan(second.server, {
        after: startedBefore,
      });
      expect(status.last!.state).toBe('failed');
      const ledger: EntityPostureResponse = (
        await request(second.server).get(`${POSTURE}/payments-ledger/posture`)
      ).body;
      expect(ledger.state).toBe('ok');
      expect(ledger.freshness.stale).toBe(true);
      expect(
        ledger
          .inventory!.aws!.recoveryPoints.map(p => p.recoveryPointArn)
          .sort(),
      ).toEqual(
        ledgerBefore!
          .inventory!.aws!.recoveryPoints.map(p => p.recoveryPointArn)
          .sort(),
      );
      expect(ledger.inventory!.aws!.keys.length).toBe(
        ledgerBefore!.inventory!.aws!.keys.length,
      );
      const trend = await request(second.server).get(
        '/api/backup-posture/report/trend',
      );
      expect(trend.body.points).toHaveLength(2); // the failed scan adds no trend point
    } finally {
      await second.stop();
    }
  });
});

describe('authentication and permissions', () => {
  it('rejects unauthenticated requests on every route', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    try {
      for (const [method, path] of [
        ['get', `${POSTURE}/payments-api/posture`],
        ['get', '/api/backup-posture/groups/default/payments/scorecard'],
        ['get', '/api/backup-posture/report'],
        ['get', '/api/backup-posture/report/trend'],
        ['get', '/api/backup-posture/scan/status'],
        ['post', '/api/backup-posture/scan/refresh'],
      ] as const) {
        const res = await request(backend.server)[method](path);
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
    } finally {
      await backend.stop();
    }
  });

  it('refuses a manual refresh without the refresh permission', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    try {
      await waitForScan(backend.server);
      const calls = sim.calls.length;
      const res = await request(backend.server).post(
        '/api/backup-posture/scan/refresh',
      );
      expect(res.status).toBe(403);
      await new Promise(r => setTimeout(r, 300));
      expect(sim.calls.length).toBe(calls);
      // The report only lists entities the caller may read: DENY on catalog reads leaves nothing.
      const report = await request(backend.server).get(
        '/api/backup-posture/report',
      );
      expect(report.body.totalCount).toBe(0);
    } finally {
      await backend.stop();
    }
  });
});
