import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ScanStatusResponse } from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { backupPostureModuleBuiltInChecks } from '../modules/builtInChecks';
import { backupPosturePlugin } from '../plugin';

export async function startPlugin(opts: {
  config: JsonObject;
  entities: Entity[];
  extraFeatures?: any[];
}) {
  const backend = await startTestBackend({
    features: [
      backupPosturePlugin,
      backupPostureModuleBuiltInChecks,
      // The real scheduler: global tasks take a database lock, as in production.
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: opts.entities }),
      mockServices.rootConfig.factory({ data: opts.config }),
      ...(opts.extraFeatures ?? []),
    ],
  });
  return backend;
}

/**
 * Backends sharing one database (replicas), started one after another. Started at the same
 * instant, the Backstage scheduler's own first migration races (its knex tables, not ours) and
 * fails one of them now and then on a loaded machine; a rolling deploy starts replicas apart too.
 * A replica that fails to start stops the ones already started, so none scans on unseen.
 */
export async function startReplicas(
  count: number,
  opts: Parameters<typeof startPlugin>[0],
): Promise<Array<Awaited<ReturnType<typeof startPlugin>>>> {
  const replicas: Array<Awaited<ReturnType<typeof startPlugin>>> = [];
  try {
    for (let i = 0; i < count; i++) replicas.push(await startPlugin(opts));
  } catch (e) {
    await Promise.all(replicas.map(r => r.stop()));
    throw e;
  }
  return replicas;
}

/** Polls the scan status route until a scan has finished (a scan started after `after`). */
export async function waitForScan(
  server: any,
  opts: { after?: string; timeoutMs?: number } = {},
): Promise<ScanStatusResponse> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    const res = await request(server).get('/api/backup-posture/scan/status');
    const body = res.body as ScanStatusResponse;
    if (
      res.status === 200 &&
      body.last &&
      !body.current &&
      (!opts.after || body.last.startedAt > opts.after)
    ) {
      return body;
    }
    if (Date.now() > deadline) {
      throw new Error(`No scan finished in time: ${JSON.stringify(body)}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Polls until `check` holds (or fails with what it last saw). */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: still ${JSON.stringify(value)}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}
