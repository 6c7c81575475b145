/**
 * The backup-posture backend as the plugin's own tests run it (plugins/backup-posture-backend/
 * src/__testUtils__, which a published package does not export): the plugin with its built-in
 * checks, the real scheduler, a mocked catalog and the simulated demo estate behind msw.
 */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import {
  backupPostureModuleBuiltInChecks,
  backupPosturePlugin,
} from '@backup-posture/plugin-backup-posture-backend';
import {
  DEFAULT_ROLE,
  SIM_CREDENTIALS,
  SimulatedAws,
} from '@internal/simulated-aws';
import { useDemoSimulator } from '@internal/simulated-aws/src/__testUtils__/useDemoSimulator';
import request from 'supertest';

export const NOW = '2026-11-23T00:00:00.000Z';

/** The demo estate behind msw for the whole test file, on the tests' clock. */
export const useSimulatedEstate = (): SimulatedAws => useDemoSimulator(NOW);

const component = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
});

/** payments-api (by tag selector) and payments-ledger (by ARN) of the demo estate. */
export function paymentsEntities(sim: SimulatedAws): Entity[] {
  const ledger = sim.estate.resources.find(r => r.name === 'payments-ledger')!;
  return [
    component('payments-api', {
      [ANNOTATION_AWS_RESOURCE_TAGS]: 'service=payments-api',
    }),
    component('payments-ledger', {
      [ANNOTATION_AWS_RESOURCE_ARNS]: ledger.arn,
    }),
  ];
}

const config = {
  aws: { mainAccount: { ...SIM_CREDENTIALS } },
  backupPosture: {
    schedule: {
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 0 },
    },
    aws: {
      endpoint: 'http://127.0.0.1:4566',
      roleName: DEFAULT_ROLE,
      organization: { enabled: true },
      managementAccountId: '111111111111',
      regions: ['ap-northeast-1', 'ap-northeast-3', 'us-east-1', 'eu-west-1'],
      concurrency: { scopes: 8, callsPerSecondPerScope: 200, maxAttempts: 2 },
    },
  },
};

/**
 * Starts the backend with the given check modules (and `backupPosture.exceptions`) and waits for
 * its startup scan.
 */
export async function startWithScan(
  entities: Entity[],
  modules: BackendFeature[],
  exceptions: object[] = [],
) {
  // The plugin and the built-in checks one by one: startTestBackend does not look into the
  // package's default export (a feature loader) and would add an empty plugin for the modules.
  const backend = await startTestBackend({
    features: [
      backupPosturePlugin,
      backupPostureModuleBuiltInChecks,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          ...config,
          backupPosture: { ...config.backupPosture, exceptions },
        },
      }),
      ...modules,
    ],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await request(backend.server).get(
      '/api/backup-posture/scan/status',
    );
    const status = res.body as ScanStatusResponse;
    if (status.last && !status.current) return backend;
    if (Date.now() > deadline) {
      await backend.stop();
      throw new Error(`No scan finished in time: ${JSON.stringify(status)}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}
