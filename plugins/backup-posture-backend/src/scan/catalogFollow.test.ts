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

      // The catalog loads: within a few follower ticks, every mapped entity is in the report,
      // evaluated from the stored snapshots of that scan, and no cloud was called for it.
      const callsBefore = sim.calls.length;
      catalog.holder.entities = demoEntities(sim);
      const loaded = await eventually(
        'the report after the catalog loaded',
        () => report(backend.server),
        r => r.totalCount > 0,
      );
      const refs = loaded.items.map(i => i.entityRef).sort();
      expect(refs).toEqual([
        'component:default/broken-annotation',
        'component:default/payments-api',
        'component:default/payments-ledger',
      ]);
      const stateOf = (r: ReportResponse, name: string) =>
        r.items.find(i => i.entityRef === `component:default/${name}`)?.state;
      expect(stateOf(loaded, 'broken-annotation')).toBe('invalid-annotation');
      expect(stateOf(loaded, 'payments-ledger')).toBe('ok');
      // A tag selector the scan never searched (it was not in the catalog then) cannot be
      // answered from its snapshots: pending until the next scan, not "nothing applies".
      expect(stateOf(loaded, 'payments-api')).toBe('pending');
      const pending = await request(backend.server).get(
        '/api/backup-posture/entities/component/default/payments-api/posture',
      );
      expect(pending.body.state).toBe('pending');
      expect(pending.body.evaluation).toBeUndefined();
      expect(sim.calls.length).toBe(callsBefore);
      const status = await request(backend.server).get(
        '/api/backup-posture/scan/status',
      );
      expect(status.body.last.scanId).toBe(first.last!.scanId);
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

      // The next scan searches the selector: the entity is evaluated on what it found.
      expect(
        (await request(backend.server).post('/api/backup-posture/scan/refresh'))
          .status,
      ).toBe(202);
      await waitForScan(backend.server, { after: first.last!.startedAt });
      const scanned = await report(backend.server);
      const api = scanned.items.find(
        i => i.entityRef === 'component:default/payments-api',
      )!;
      expect(api.state).toBe('ok');
      expect(api.clouds).toEqual(['aws']);
      expect(api.score.grade).not.toBeNull();
      const callsAfterScan = sim.calls.length;

      // An entity removed from the catalog leaves the report at the next tick.
      catalog.holder.entities = catalog.holder.entities.filter(
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
