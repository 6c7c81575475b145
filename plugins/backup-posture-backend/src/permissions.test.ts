import { describe, expect, it, jest } from '@jest/globals';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  backupPosturePermissions,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();

/**
 * A permission policy by permission name: what is not listed is allowed. `conditional` answers
 * catalog reads with a condition (the usual "owners only" policy).
 */
function policy(decisions: Record<string, 'deny' | 'conditional'>) {
  const decide = (name: string): PolicyDecision => {
    switch (decisions[name]) {
      case 'deny':
        return { result: AuthorizeResult.DENY };
      case 'conditional':
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: ['group:default/payments'] },
          },
        };
      default:
        return { result: AuthorizeResult.ALLOW };
    }
  };
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => {
        const d = decide(r.permission.name);
        return d.result === AuthorizeResult.CONDITIONAL
          ? { result: AuthorizeResult.DENY }
          : d;
      }) as any,
    authorizeConditional: async requests =>
      requests.map(r => decide(r.permission.name)) as any,
  }).factory;
}

const STATUS = '/api/backup-posture/scan/status';
const TREND = '/api/backup-posture/report/trend';

describe('permissions on scan details and the trend (issue 15, item 6)', () => {
  it('defines backup-posture.scan.read beside the refresh permission', () => {
    expect(backupPosturePermissions.map(p => [p.name, p.attributes])).toEqual([
      ['backup-posture.scan.refresh', { action: 'update' }],
      ['backup-posture.scan.read', { action: 'read' }],
    ]);
  });

  it('scan status without backup-posture.scan.read: progress only, no account, principal or error', async () => {
    sim.faults.add({ kind: 'access-denied', account: '333333333333' });
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [policy({ 'backup-posture.scan.read': 'deny' })],
    });
    try {
      const status: ScanStatusResponse = await waitForScan(backend.server);
      expect(status.last).toEqual({
        scanId: expect.any(String),
        trigger: 'startup',
        state: 'partial',
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        scopesTotal: 24,
        scopesDone: 24,
        errorCount: 4,
        errors: [],
        keyErrorCount: 1,
        keyErrors: [],
      });
      expect(JSON.stringify(status)).not.toMatch(/333333333333|arn:aws/);
    } finally {
      await backend.stop();
    }
  });

  it('scan status with backup-posture.scan.read: every scope error', async () => {
    sim.faults.add({ kind: 'access-denied', account: '333333333333' });
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [policy({})],
    });
    try {
      const status: ScanStatusResponse = await waitForScan(backend.server);
      expect(status.last!.errorCount).toBe(4);
      expect(
        status.last!.errors.map(e => `${e.account}/${e.region}`).sort(),
      ).toEqual([
        '333333333333/ap-northeast-1',
        '333333333333/ap-northeast-3',
        '333333333333/eu-west-1',
        '333333333333/us-east-1',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('the platform trend follows catalog read access: all entities → points; some (conditional) or none → 403', async () => {
    for (const [catalogRead, status] of [
      [undefined, 200],
      ['conditional', 403],
      ['deny', 403],
    ] as const) {
      const backend = await startPlugin({
        config: simulatedConfig(),
        entities: demoEntities(sim),
        extraFeatures: [
          policy(catalogRead ? { 'catalog.entity.read': catalogRead } : {}),
        ],
      });
      try {
        await waitForScan(backend.server);
        const res = await request(backend.server).get(TREND);
        expect({ catalogRead, status: res.status }).toEqual({
          catalogRead,
          status,
        });
        expect(
          status === 200 ? res.body.points.length : res.body.error.message,
        ).toEqual(
          status === 200
            ? 1
            : 'The platform trend covers every catalog entity: it needs read access to all of them (catalog.entity.read without conditions)',
        );
        // The progress route stays open to every signed-in caller.
        expect((await request(backend.server).get(STATUS)).status).toBe(200);
      } finally {
        await backend.stop();
      }
    }
  });
});
