import { describe, expect, it, jest } from '@jest/globals';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AwsCheck,
  listCheckIds,
} from '@backup-posture/plugin-backup-posture-common';
import {
  backupPostureChecksExtensionPoint,
  backupPostureInventoryProvidersExtensionPoint,
  InventoryProvider,
} from '@backup-posture/plugin-backup-posture-node';
import request from 'supertest';
import backupPostureBackend from '../index';
import { startPlugin } from '../__testUtils__/backend';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const sim = useSimulatedEstate();

const orgCheck = (id: string): AwsCheck => ({
  definition: {
    id,
    title: 'An organisation check',
    cloud: 'aws',
    severity: 'low',
    rules: [],
    description: 'Always passes.',
    remediation: { why: 'Because.', console: ['Nothing to do.'] },
  },
  evaluate: () => [],
});

/** A check module, as a third party writes one. */
const moduleAdding = (moduleId: string, ...ids: string[]) =>
  createBackendModule({
    pluginId: 'backup-posture',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { checks: backupPostureChecksExtensionPoint },
        async init({ checks }) {
          checks.addChecks(...ids.map(orgCheck));
        },
      });
    },
  });

const reportFor = (server: any, check: string) =>
  request(server).get(`/api/backup-posture/report?check=${check}`);

describe('backupPostureChecksExtensionPoint', () => {
  it('the default export registers every built-in check through it', async () => {
    const backend = await startTestBackend({
      features: [
        backupPostureBackend,
        schedulerServiceFactory,
        catalogServiceMock.factory({ entities: demoEntities(sim) }),
        mockServices.rootConfig.factory({ data: simulatedConfig() }),
      ],
    });
    try {
      for (const id of listCheckIds()) {
        expect((await reportFor(backend.server, id)).status).toBe(200);
      }
      const unknown = await reportFor(backend.server, 'org-owner-tagged');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        'check: is not the id of a posture check (see docs/checks.md)',
      );
    } finally {
      await backend.stop();
    }
  });

  it('a module adds its checks beside the built-in ones', async () => {
    // startTestBackend does not look into feature loaders, so the plugin and the built-in
    // module are given one by one beside a module (it would add an empty plugin for it).
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [moduleAdding('org-checks', 'org-owner-tagged')],
    });
    try {
      for (const id of ['vault-lock', 'rsv-identity', 'org-owner-tagged']) {
        expect((await reportFor(backend.server, id)).status).toBe(200);
      }
    } finally {
      await backend.stop();
    }
  });

  it('a check id registered twice stops the backend at startup', async () => {
    await expect(
      startPlugin({
        config: simulatedConfig(),
        entities: [],
        extraFeatures: [moduleAdding('org-checks', 'vault-lock')],
      }),
    ).rejects.toThrow(
      /Backup-posture check vault-lock is registered twice: check ids must be unique across modules/,
    );
    await expect(
      startPlugin({
        config: simulatedConfig(),
        entities: [],
        extraFeatures: [
          moduleAdding('one', 'org-check'),
          moduleAdding('two', 'org-check'),
        ],
      }),
    ).rejects.toThrow(/ConflictError.*org-check is registered twice/s);
  });

  /** A module adding inventory providers, as a third party writes one. */
  const providerModule = (...providers: InventoryProvider[]) =>
    createBackendModule({
      pluginId: 'backup-posture',
      moduleId: 'org-provider',
      register(env) {
        env.registerInit({
          deps: { providers: backupPostureInventoryProvidersExtensionPoint },
          async init({ providers: point }) {
            point.addProviders(...providers);
          },
        });
      },
    });

  it('a module provider for a cloud already provided is refused at startup, naming the cloud', async () => {
    const provider = {
      cloud: 'aws',
      mappingOf: () => undefined,
      keyIdOf: () => '',
      scopeLabel: () => '',
      startScan: async () => {
        throw new Error('never scanned');
      },
      createIndex: () => ({
        scopeCount: 0,
        slice: () => ({ inventory: {}, scopes: [] }),
      }),
    } as InventoryProvider;
    await expect(
      startPlugin({
        config: simulatedConfig(),
        entities: [],
        extraFeatures: [providerModule(provider)],
      }),
    ).rejects.toThrow(
      /ConflictError: A backup-posture inventory provider for aws is registered twice/,
    );
  });

  it('a module provider without the interface is refused at startup, naming what is missing', async () => {
    await expect(
      startPlugin({
        config: simulatedConfig(),
        entities: [],
        extraFeatures: [
          providerModule({ cloud: 'gcp' } as unknown as InventoryProvider),
        ],
      }),
    ).rejects.toThrow(
      /InputError: Backup-posture inventory provider gcp has no mappingOf\(\)/,
    );
  });
});
