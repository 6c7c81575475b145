import { describe, expect, it, jest } from '@jest/globals';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReportResponse } from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { eventually, waitForScan } from '../__testUtils__/backend';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';
import { backupPostureModuleBuiltInChecks } from '../modules/builtInChecks';
import { backupPosturePlugin } from '../plugin';

jest.setTimeout(120_000);

const sim = useSimulatedEstate();

/** A catalog whose content the test changes while the backend runs (loading, then edited). */
function liveCatalog() {
  const holder = { entities: [] as Entity[] };
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy({} as CatalogService, {
        get: (_, prop) => {
          const now = catalogServiceMock({ entities: holder.entities }) as any;
          const value = now[prop];
          return typeof value === 'function' ? value.bind(now) : value;
        },
      }),
  });
  return { holder, factory };
}

/** The simulated estate, the catalog compared every second. */
function followingConfig() {
  const config = simulatedConfig() as any;
  config.backupPosture.catalogFollow = { interval: { seconds: 1 } };
  return config;
}

const report = async (server: any) =>
  (await request(server).get('/api/backup-posture/report?limit=500'))
    .body as ReportResponse;

describe('the catalog follower: postures follow the catalog between scans', () => {
  it('a scan that ran before the catalog loaded is caught up from its snapshots, without calling any cloud', async () => {
    const catalog = liveCatalog();
    const backend = await startTestBackend({
      features: [
        backupPosturePlugin,
        backupPostureModuleBuiltInChecks,
        schedulerServiceFactory,
        catalog.factory,
        mockServices.rootConfig.factory({ data: followingConfig() }),
      ],
    });
    try {
      // The startup scan runs while the catalog is still empty: it stores no entity.
      const first = await waitForScan(backend.server);
      expect((await report(backend.server)).totalCount).toBe(0);

      // The catalog loads (all but the tag-mapped service): within a few follower ticks, every
      // entity is in the report, evaluated from that scan's stored snapshots, no cloud called.
      const callsBefore = sim.calls.length;
      const all = demoEntities(sim);
      catalog.holder.entities = all.filter(
        e => e.metadata.name !== 'payments-api',
      );
      const loaded = await eventually(
        'the report after the catalog loaded',
        () => report(backend.server),
        r => r.totalCount > 0,
      );
      const stateOf = (r: ReportResponse, name: string) =>
        r.items.find(i => i.entityRef === `component:default/${name}`)?.state;
      expect(loaded.items.map(i => i.entityRef).sort()).toEqual([
        'component:default/broken-annotation',
        'component:default/payments-ledger',
      ]);
      expect(stateOf(loaded, 'broken-annotation')).toBe('invalid-annotation');
      expect(stateOf(loaded, 'payments-ledger')).toBe('ok');
      // What the report holds is what the entity route answers (same evaluation, same scan).
      const ledger = loaded.items.find(
        i => i.entityRef === 'component:default/payments-ledger',
      )!;
      const posture = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/payments-ledger/posture',
      );
      expect(posture.status).toBe(200);
      expect(ledger.score).toEqual(posture.body.evaluation.score);
      expect(ledger.score.grade).not.toBeNull();
      expect(posture.body.freshness.lastScanAt).toBe(first.last!.finishedAt);
      // Nothing was pending: no scan was asked for, no cloud called.
      await new Promise(r => setTimeout(r, 3_000));
      const status = await request(backend.server).get(
        '/api/backup-posture/scan/status',
      );
      expect(status.body.last.scanId).toBe(first.last!.scanId);
      expect(status.body.current).toBeUndefined();
      expect(sim.calls.length).toBe(callsBefore);

      // A service mapped by a tag selector the stored scan never searched: it cannot be answered
      // from the snapshots (it is pending, not "nothing applies"), so the follower asks for a
      // scan, which searches the selector and evaluates it on what it found.
      catalog.holder.entities = all;
      const scanned = await eventually(
        'payments-api after the scan the follower asked for',
        () => report(backend.server),
        r => stateOf(r, 'payments-api') === 'ok',
        60_000,
      );
      const api = scanned.items.find(
        i => i.entityRef === 'component:default/payments-api',
      )!;
      expect(api.clouds).toEqual(['aws']);
      expect(api.score.grade).not.toBeNull();
      const after = await waitForScan(backend.server, {
        after: first.last!.startedAt,
      });
      expect(after.last!.trigger).toBe('manual');
      expect(sim.calls.length).toBeGreaterThan(callsBefore);
      const callsAfterScan = sim.calls.length;

      // An entity removed from the catalog leaves the report at the next tick.
      catalog.holder.entities = all.filter(
        e => e.metadata.name !== 'payments-ledger',
      );
      await eventually(
        'the report after payments-ledger was removed',
        () => report(backend.server),
        r =>
          !r.items.some(
            i => i.entityRef === 'component:default/payments-ledger',
          ),
      );
      expect(sim.calls.length).toBe(callsAfterScan);
    } finally {
      await backend.stop();
    }
  });
});
