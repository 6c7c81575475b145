import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { EntityPostureResponse } from '@backup-posture/plugin-backup-posture-common';
import { Estate, FaultSpec, SimulatedAws } from '@internal/simulated-aws';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { startPlugin, waitForScan } from './backend';
import { NOW, simulatedConfig } from './fixtures';
import { buildEstate, REGIONS } from './generatedEstate';

export type Backend = Awaited<ReturnType<typeof startPlugin>>;

/**
 * A simulator behind msw for the whole test file (generated estates are set on it per backend),
 * and `withBackend`: starts a backend (fresh database) over `estate` with `faults`, runs `fn`
 * after its first scan.
 */
export function useTruthBackend() {
  const sim = new SimulatedAws(
    buildEstate(
      { infra: { lagKey: 'cmk', listingOrder: 0 }, mine: [], neighbours: [] },
      NOW,
    ).crowded,
  );
  const mswServer = setupServer(...sim.handlers());
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => sim.reset());
  afterAll(() => mswServer.close());

  const config = simulatedConfig({ regions: REGIONS });

  async function withBackend<T>(
    estate: Estate,
    entities: Entity[],
    faults: FaultSpec[],
    fn: (server: Backend['server']) => Promise<T>,
    backendConfig: JsonObject = config,
  ): Promise<T> {
    sim.reset();
    sim.setEstate(estate);
    for (const f of faults) sim.faults.add(f);
    const backend = await startPlugin({ config: backendConfig, entities });
    try {
      await waitForScan(backend.server);
      return await fn(backend.server);
    } finally {
      await backend.stop();
    }
  }

  return { sim, withBackend };
}

/** Scans again (manual refresh) and waits for that scan to finish. */
export async function rescan(server: Backend['server']) {
  const startedBefore = new Date().toISOString();
  await request(server).post('/api/backup-posture/scan/refresh').expect(202);
  await waitForScan(server, { after: startedBefore });
}

export async function posture(
  server: Backend['server'],
  ref: string,
): Promise<EntityPostureResponse> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const res = await request(server).get(
    `/api/backup-posture/entities/${kind}/${namespace}/${name}/posture`,
  );
  expect(res.status).toBe(200);
  return res.body as EntityPostureResponse;
}
