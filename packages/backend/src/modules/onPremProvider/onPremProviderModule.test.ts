import { describe, expect, it, jest } from '@jest/globals';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  EntityPostureResponse,
  ReportResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { backupPostureChecksExtensionPoint } from '@backup-posture/plugin-backup-posture-node';
import request from 'supertest';
import {
  paymentsEntities,
  startWithScan,
  useSimulatedEstate,
} from '../__testUtils__/backupPostureBackend';
import { onPremJobEncryptedCheck } from './onPremJobEncryptedCheck';
import { createBackupPostureModuleOnPrem } from './onPremProviderModule';
import {
  ANNOTATION_ONPREM_JOBS,
  OnPremApplianceClient,
  OnPremJob,
} from './types';

jest.setTimeout(120_000);

// AWS as the plugin's own tests run it (the demo estate behind msw), beside the module's cloud.
const sim = useSimulatedEstate();

/** Two sites' appliances; a site can be made to fail, as an unreachable appliance does. */
function appliances() {
  const jobs: Record<string, OnPremJob[]> = {
    fra: [
      {
        name: 'orders-db',
        encrypted: true,
        keyId: 'hsm-fra/orders',
        copyToSite: 'ams',
        lastSuccessAt: '2026-11-22T23:00:00.000Z',
      },
      { name: 'legacy-ftp', encrypted: false },
    ],
    ams: [{ name: 'orders-db', encrypted: true, keyId: 'hsm-ams/orders' }],
  };
  const failing = new Set<string>();
  const client: OnPremApplianceClient = {
    listSites: async () => Object.keys(jobs),
    listJobs: async site => {
      if (failing.has(site))
        throw Object.assign(new Error(`appliance ${site} refused the login`), {
          name: 'ApplianceAuthError',
        });
      return jobs[site];
    },
  };
  return { client, failing };
}

const component = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
});

const entities = () => [
  ...paymentsEntities(sim),
  component('orders', { [ANNOTATION_ONPREM_JOBS]: 'fra/orders-db' }),
  component('legacy', {
    [ANNOTATION_ONPREM_JOBS]: 'fra/legacy-ftp, ams/gone-job',
  }),
  component('archive', { [ANNOTATION_ONPREM_JOBS]: 'ber/archive' }),
];

const posture = async (server: any, name: string) => {
  const res = await request(server).get(
    `/api/backup-posture/entities/component/default/${name}/posture`,
  );
  expect(res.status).toBe(200);
  return res.body as EntityPostureResponse;
};
const check = (p: EntityPostureResponse) =>
  p.evaluation!.checks.find(c => c.checkId === 'onprem-job-encrypted')!;

describe('a third cloud added by a backend module (the example onprem provider)', () => {
  it('is scanned, sliced per entity, evaluated by its check and drawn as lineage', async () => {
    const { client } = appliances();
    const backend = await startWithScan(entities(), [
      createBackupPostureModuleOnPrem(client),
    ]);
    try {
      const orders = await posture(backend.server, 'orders');
      expect(orders.state).toBe('ok');
      expect(check(orders)).toMatchObject({
        title: 'On-premises backup jobs encrypt their data',
        cloud: 'onprem',
        severity: 'high',
        rules: ['OP1'],
        status: 'pass',
      });
      expect(check(orders).findings).toEqual([
        {
          subject: 'fra/orders-db',
          status: 'pass',
          message: 'encrypted with hsm-fra/orders',
          evidence: { site: 'fra', job: 'orders-db', keyId: 'hsm-fra/orders' },
        },
      ]);
      // Only the module's check: the AWS and Azure checks need their clouds' inventories.
      expect(orders.evaluation!.checks.map(c => c.checkId)).toEqual([
        'onprem-job-encrypted',
      ]);
      expect(orders.evaluation!.lineage).toEqual([
        expect.objectContaining({
          resourceArn: 'onprem:fra/orders-db',
          links: [
            expect.objectContaining({ id: 'source', depth: 0, account: 'fra' }),
            expect.objectContaining({
              id: 'fra/orders-db',
              parentId: 'source',
              kind: 'primary',
              observedKey: { keyArn: 'hsm-fra/orders', manager: 'customer' },
            }),
            expect.objectContaining({
              id: 'ams/orders-db',
              parentId: 'fra/orders-db',
              kind: 'copy',
              account: 'ams',
            }),
          ],
        }),
      ]);
      // The scopes holding its evidence: the job's site and the site it copies to.
      expect(
        orders.freshness.scopes.map(s => [s.cloud, s.account, s.state]),
      ).toEqual([
        ['onprem', 'ams', 'ok'],
        ['onprem', 'fra', 'ok'],
      ]);
      expect(orders.derived!.coverage.accounts).toEqual(['ams', 'fra']);

      const legacy = check(await posture(backend.server, 'legacy'));
      expect(legacy.status).toBe('fail');
      expect(legacy.findings).toEqual([
        {
          subject: 'fra/legacy-ftp',
          status: 'fail',
          message: 'writes unencrypted backups',
          evidence: { site: 'fra', job: 'legacy-ftp', encrypted: false },
        },
        {
          subject: 'ams/gone-job',
          status: 'fail',
          message: 'no job gone-job on site ams',
          evidence: { site: 'ams', job: 'gone-job' },
        },
      ]);

      // A site the provider never scanned: unknown with the reason, never a verdict.
      const archive = check(await posture(backend.server, 'archive'));
      expect(archive.status).toBe('unknown');
      expect(archive.findings).toEqual([
        {
          subject: 'ber/archive',
          status: 'unknown',
          message: 'site ber could not be read',
          evidence: {
            site: 'ber',
            job: 'archive',
            error:
              'NotScanned: site ber is not among the sites the on-premises provider scans',
          },
        },
      ]);

      // The report filters by the module's cloud in SQL like by the built-in ones.
      const report = await request(backend.server)
        .get('/api/backup-posture/report?cloud=onprem&sort=entityRef&order=asc')
        .expect(200);
      const body = report.body as ReportResponse;
      expect(body.items.map(r => [r.entityRef, r.clouds])).toEqual([
        ['component:default/archive', ['onprem']],
        ['component:default/legacy', ['onprem']],
        ['component:default/orders', ['onprem']],
      ]);
      const aws = await request(backend.server)
        .get('/api/backup-posture/report?cloud=aws')
        .expect(200);
      expect(
        (aws.body as ReportResponse).items.map(r => r.entityRef).sort(),
      ).toEqual([
        'component:default/payments-api',
        'component:default/payments-ledger',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('keeps a failed site last good snapshot, marked stale with the appliance error', async () => {
    const { client, failing } = appliances();
    const backend = await startWithScan(entities(), [
      createBackupPostureModuleOnPrem(client),
    ]);
    try {
      failing.add('fra');
      const startedBefore = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const deadline = Date.now() + 60_000;
      let status: ScanStatusResponse;
      for (;;) {
        status = (
          await request(backend.server).get('/api/backup-posture/scan/status')
        ).body as ScanStatusResponse;
        if (
          !status.current &&
          status.last &&
          status.last.startedAt >= startedBefore
        )
          break;
        if (Date.now() > deadline) throw new Error(JSON.stringify(status));
        await new Promise(r => setTimeout(r, 100));
      }
      expect(status.last!.errors).toContainEqual(
        expect.objectContaining({
          cloud: 'onprem',
          account: 'fra',
          error: expect.objectContaining({
            name: 'ApplianceAuthError',
            message: 'appliance fra refused the login',
          }),
        }),
      );

      const orders = await posture(backend.server, 'orders');
      const fra = orders.freshness.scopes.find(s => s.account === 'fra')!;
      expect(fra).toMatchObject({
        cloud: 'onprem',
        state: 'stale',
        error: { name: 'ApplianceAuthError' },
      });
      expect(orders.freshness.stale).toBe(true);
      // The last good snapshot still answers: the job was encrypted when last read.
      expect(check(orders).findings[0]).toMatchObject({
        status: 'pass',
        message: 'encrypted with hsm-fra/orders',
      });
    } finally {
      await backend.stop();
    }
  });

  it('stops the backend when a module adds a check for a cloud no provider reads', async () => {
    const checkOnly = createBackendModule({
      pluginId: 'backup-posture',
      moduleId: 'onprem-check-only',
      register(env) {
        env.registerInit({
          deps: { checks: backupPostureChecksExtensionPoint },
          async init({ checks }) {
            checks.addChecks(onPremJobEncryptedCheck);
          },
        });
      },
    });
    await expect(startWithScan(entities(), [checkOnly])).rejects.toThrow(
      'Backup-posture check onprem-job-encrypted reads cloud "onprem", which no inventory provider is registered for (registered: aws, azure)',
    );
  });
});
