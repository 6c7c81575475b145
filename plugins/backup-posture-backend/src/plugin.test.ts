import { describe, expect, it, jest } from '@jest/globals';
import {
  EntityPostureResponse,
  ReportResponse,
} from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(120_000);

const sim = useSimulatedEstate();

describe('backup-posture backend over the simulated demo estate', () => {
  it('scans every account × region at startup and serves entity posture', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
    });
    try {
      const status = await waitForScan(backend.server);
      // 6 organization members (incl. management) × 4 regions; 999999999999 is outside.
      expect(status.last).toMatchObject({
        state: 'succeeded',
        scopesTotal: 24,
        scopesDone: 24,
        errors: [],
      });
      expect(status.last!.trigger).toBe('startup');

      const res = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/payments-ledger/posture',
      );
      expect(res.status).toBe(200);
      const body = res.body as EntityPostureResponse;
      expect(body.state).toBe('ok');
      expect(body.freshness.stale).toBe(false);
      const ledger = sim.estate.resources.find(
        r => r.name === 'payments-ledger',
      )!;
      expect(body.inventory!.aws!.resources.map(r => r.arn)).toEqual([
        ledger.arn,
      ]);
      // Its recovery points exist in its own account and in the central backup account (copies).
      const pointAccounts = new Set(
        body.inventory!.aws!.recoveryPoints.map(p => p.accountId),
      );
      expect(pointAccounts).toEqual(new Set(['222222222222', '444444444444']));
      for (const p of body.inventory!.aws!.recoveryPoints)
        expect(p.resourceArn).toBe(ledger.arn);
      // Every key referenced by its vaults and points was described, with its manager.
      const keyArns = new Set(body.inventory!.aws!.keys.map(k => k.arn));
      const vaultKeys = body.inventory!.aws!.vaults.flatMap(v =>
        v.encryptionKeyArn ? [v.encryptionKeyArn] : [],
      );
      expect(vaultKeys.length).toBeGreaterThan(0);
      expect(vaultKeys.filter(k => !keyArns.has(k))).toEqual([]);
      expect(
        body.inventory!.aws!.keys.every(k => k.keyManager || k.error),
      ).toBe(true);
      expect(body.inventory!.aws!.plans.length).toBeGreaterThan(0);
      expect(body.evaluation).toBeDefined();

      const api = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/payments-api/posture',
      );
      const apiBody = api.body as EntityPostureResponse;
      expect(apiBody.state).toBe('ok');
      expect(
        apiBody.inventory!.aws!.resources.map(r => r.resourceType),
      ).toEqual(['Aurora']);
      expect(apiBody.inventory!.aws!.resources[0].matchedBy).toBe('tags');
      // Stored postures go out compressed as stored; a client that refuses gzip gets plain JSON.
      expect(api.headers['content-encoding']).toBe('gzip');
      expect(api.headers['content-type']).toMatch(/^application\/json/);
      const plain = await request(backend.server)
        .get(
          '/api/backup-posture/entities/component/default/payments-api/posture',
        )
        .set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toEqual(apiBody);

      const broken = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/broken-annotation/posture',
      );
      expect(broken.status).toBe(200);
      expect(broken.body.state).toBe('invalid-annotation');
      expect(broken.body.problems[0].message).toMatch(/not-an-arn/);

      const none = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/no-annotation/posture',
      );
      expect(none.body.state).toBe('not-annotated');

      const system = await request(backend.server).get(
        '/api/backup-posture/entities/system/default/payments/posture',
      );
      expect(system.body.state).toBe('ok');
      expect(
        system.body.inventory.aws.resources
          .map((r: { arn: string }) => r.arn)
          .sort(),
      ).toEqual(
        [
          ...apiBody.inventory!.aws!.resources.map(r => r.arn),
          ledger.arn,
        ].sort(),
      );

      const missing = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/does-not-exist/posture',
      );
      expect(missing.status).toBe(404);

      const report = await request(backend.server).get(
        '/api/backup-posture/report?limit=2&sort=entityRef',
      );
      expect(report.status).toBe(200);
      const r = report.body as ReportResponse;
      expect(r.totalCount).toBe(3);
      expect(r.items.map(i => i.entityRef)).toEqual([
        'component:default/broken-annotation',
        'component:default/payments-api',
      ]);
      // Unknown posture (an invalid annotation) sorts last in either order.
      for (const order of ['asc', 'desc']) {
        const byGrade = await request(backend.server).get(
          `/api/backup-posture/report?sort=grade&order=${order}`,
        );
        expect(
          byGrade.body.items.map((i: { entityRef: string }) => i.entityRef),
        ).toHaveLength(3);
        expect(byGrade.body.items[2].entityRef).toBe(
          'component:default/broken-annotation',
        );
      }
      const filtered = await request(backend.server).get(
        '/api/backup-posture/report?q=ledger',
      );
      expect(
        filtered.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual(['component:default/payments-ledger']);
      const bad = await request(backend.server).get(
        '/api/backup-posture/report?limit=abc',
      );
      expect(bad.status).toBe(400);

      const group = await request(backend.server).get(
        '/api/backup-posture/groups/default/payments/scorecard',
      );
      expect(group.status).toBe(200);
      expect(
        group.body.entities
          .map((e: { entityRef: string }) => e.entityRef)
          .sort(),
      ).toEqual([
        'component:default/broken-annotation',
        'component:default/payments-api',
        'component:default/payments-ledger',
      ]);
      const trend = await request(backend.server).get(
        '/api/backup-posture/report/trend',
      );
      expect(trend.body.points).toHaveLength(1);
      expect(trend.body.points[0].entities).toBe(2);
    } finally {
      await backend.stop();
    }
  });
});
