import { describe, expect, it, jest } from '@jest/globals';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  CheckStatus,
  EntityPostureResponse,
  listCheckDefinitions,
} from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { waitForScan } from '../__testUtils__/backend';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';
import { backupPostureModuleBuiltInChecks } from '../modules/builtInChecks';
import { backupPosturePlugin } from '../plugin';

jest.setTimeout(120_000);

const sim = useSimulatedEstate();
const JANE = 'user:default/jane';
const RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function entities(): Entity[] {
  return [
    ...demoEntities(sim).map(e =>
      e.kind === 'Group'
        ? {
            ...e,
            relations: [{ type: 'hasMember', targetRef: JANE }],
          }
        : e,
    ),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane', namespace: 'default' },
      spec: { memberOf: ['payments'] },
      relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
    },
  ];
}

const COMPONENTS = [
  'component:default/payments-api',
  'component:default/payments-ledger',
];

async function statusesOf(server: any) {
  const out: Record<string, Record<string, CheckStatus>> = {};
  for (const ref of COMPONENTS) {
    const [, rest] = ref.split(':');
    const p: EntityPostureResponse = (
      await request(server).get(
        `/api/backup-posture/entities/component/${rest}/posture`,
      )
    ).body;
    out[ref] = Object.fromEntries(
      (p.evaluation?.checks ?? []).map(c => [c.checkId, c.status]),
    );
  }
  return out;
}

async function janesNotifications(server: any) {
  const res = await request(server)
    .get('/api/notifications/notifications')
    .set('Authorization', mockCredentials.user.header(JANE));
  expect(res.status).toBe(200);
  return res.body.notifications as Array<{
    payload: {
      title: string;
      description: string;
      link: string;
      severity: string;
      topic: string;
      scope: string;
      metadata: { entityRef: string; checkIds: string[] };
    };
  }>;
}

describe('notifications on regressions (issue 17 item 2), through the real notifications backend', () => {
  it('a scan that makes checks fail notifies each entity’s owners once, with the checks and why; the first scan and a repeat scan notify nobody', async () => {
    const config: any = {
      ...simulatedConfig(),
      app: { baseUrl: 'http://localhost:3000' },
    };
    (config.backupPosture as any).notifications = {
      enabled: true,
      minSeverity: 'high',
    };
    const backend = await startTestBackend({
      features: [
        backupPosturePlugin,
        backupPostureModuleBuiltInChecks,
        notificationsPlugin,
        schedulerServiceFactory,
        catalogServiceMock.factory({ entities: entities() }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const refresh = async (after: string) => {
      const res = await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .set('Authorization', mockCredentials.user.header(JANE));
      expect(res.status).toBe(202);
      return waitForScan(backend.server, { after });
    };
    try {
      const first = await waitForScan(backend.server);
      // The first scan has nothing to compare with.
      expect(await janesNotifications(backend.server)).toEqual([]);
      const before = await statusesOf(backend.server);

      // The customer-managed keys of the ledger's account (shared by the payments services) are
      // disabled.
      const ledger = sim.estate.resources.find(
        r => r.name === 'payments-ledger',
      )!;
      for (const key of sim.estate.keys) {
        if (key.accountId === ledger.accountId && key.keyManager === 'CUSTOMER')
          key.keyState = 'Disabled';
      }
      sim.setEstate(sim.estate);
      const second = await refresh(first.last!.startedAt);
      const after = await statusesOf(backend.server);

      const severity = new Map(
        listCheckDefinitions().map(d => [d.id, d.severity]),
      );
      const expected = COMPONENTS.flatMap(ref => {
        const checkIds = Object.keys(after[ref])
          .filter(
            id =>
              after[ref][id] === 'fail' &&
              before[ref][id] !== undefined &&
              before[ref][id] !== 'fail' &&
              RANK[severity.get(id)!] <= RANK.high,
          )
          .sort();
        return checkIds.length ? [{ ref, checkIds }] : [];
      });
      // Copies into the disabled keys' vaults now fail, at least.
      expect(expected.length).toBeGreaterThan(0);
      const regressed = expected[0];
      const worst = regressed.checkIds
        .map(id => severity.get(id)!)
        .sort((a, b) => RANK[a] - RANK[b])[0];

      const sent = await janesNotifications(backend.server);
      expect(
        sent
          .map(n => ({
            ref: n.payload.metadata.entityRef,
            checkIds: [...n.payload.metadata.checkIds].sort(),
          }))
          .sort((a, b) => a.ref.localeCompare(b.ref)),
      ).toEqual(expected);
      const note = sent.find(
        n => n.payload.metadata.entityRef === regressed.ref,
      )!;
      const [, name] = regressed.ref.split('/');
      expect(note.payload).toMatchObject({
        link: `/catalog/default/component/${name}/backup-posture`,
        severity: { critical: 'critical', high: 'high' }[worst as string],
        topic: 'backup-posture',
        scope: `backup-posture:${regressed.ref}`,
      });
      expect(note.payload.title).toMatch(/^Backup posture of /);
      // Each check, with its severity, what it was before, and why it fails now.
      for (const id of regressed.checkIds) {
        const title = listCheckDefinitions().find(d => d.id === id)!.title;
        expect(note.payload.description).toContain(
          `${title} (${severity.get(id)}; ${
            before[regressed.ref][id] === 'pass' ? 'passed' : ''
          }`,
        );
      }
      expect(note.payload.description).toMatch(/at the previous scan\): \S/);

      // Nothing changed since: no new notification.
      await refresh(second.last!.startedAt);
      expect(await janesNotifications(backend.server)).toHaveLength(
        sent.length,
      );
    } finally {
      await backend.stop();
    }
  });
});
