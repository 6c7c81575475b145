import { describe, expect, it, jest } from '@jest/globals';
import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { eventually, waitForScan } from './__testUtils__/backend';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { backupPostureModuleBuiltInChecks } from './modules/builtInChecks';
import { backupPosturePlugin } from './plugin';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();

type Logged = { message: string; fields: Record<string, any> };

/** A logger that keeps what it is given (with its children's fields), for the real auditor. */
function recordingLogger(logged: Logged[]) {
  const make = (fields: Record<string, any>): LoggerService => {
    const at = () => (message: string, meta?: Error | Record<string, any>) =>
      logged.push({
        message,
        fields: {
          ...fields,
          ...(meta instanceof Error ? { error: meta } : meta),
        },
      });
    return {
      error: at(),
      warn: at(),
      info: at(),
      debug: at(),
      child: more => make({ ...fields, ...more }),
    };
  };
  return createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => make({}),
  });
}

const auditEvents = (logged: Logged[], eventId: string) =>
  logged.filter(
    l => l.fields.isAuditEvent && l.message === `backup-posture.${eventId}`,
  );

async function start(logged: Logged[], denyRefresh = false) {
  return startTestBackend({
    features: [
      backupPosturePlugin,
      backupPostureModuleBuiltInChecks,
      schedulerServiceFactory,
      auditorServiceFactory,
      recordingLogger(logged),
      catalogServiceMock.factory({ entities: demoEntities(sim) }),
      mockServices.rootConfig.factory({ data: simulatedConfig() }),
      ...(denyRefresh
        ? [mockServices.permissions.factory({ result: 'DENY' as any })]
        : []),
    ],
  });
}

describe('audit events (issue 17 item 4), through the real auditor', () => {
  it('a scan that runs: initiated with its trigger, then how it ended (state, scopes, errors)', async () => {
    sim.faults.add({ kind: 'access-denied', account: '333333333333' });
    const logged: Logged[] = [];
    const backend = await start(logged);
    try {
      const status = await waitForScan(backend.server);
      expect(status.last!.state).toBe('partial');
      const events = await eventually(
        'the scan audit events',
        async () => auditEvents(logged, 'scan'),
        e => e.length >= 2,
      );
      expect(events.map(e => e.fields.status)).toEqual([
        'initiated',
        'succeeded',
      ]);
      expect(events[0].fields.meta).toEqual({ trigger: 'startup' });
      expect(events[1].fields).toMatchObject({
        plugin: 'backup-posture',
        eventId: 'scan',
        severityLevel: 'low',
        meta: {
          trigger: 'startup',
          scanId: status.last!.scanId,
          state: 'partial',
          scopesTotal: status.last!.scopesTotal,
          scopesDone: status.last!.scopesDone,
          errorCount: status.last!.errorCount,
          keyErrorCount: status.last!.keyErrorCount,
        },
      });
      expect(events[1].fields.meta.errorCount).toBeGreaterThan(0);
    } finally {
      await backend.stop();
    }
  });

  it('a refresh request: who asked and the answer; then the scan it started, with the requester', async () => {
    const logged: Logged[] = [];
    const backend = await start(logged);
    try {
      const first = await waitForScan(backend.server);
      const res = await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .set('Authorization', mockCredentials.user.header('user:default/jane'));
      expect(res.status).toBe(202);
      const refresh = auditEvents(logged, 'scan-refresh');
      expect(refresh.map(e => e.fields.status)).toEqual([
        'initiated',
        'succeeded',
      ]);
      expect(refresh[1].fields).toMatchObject({
        severityLevel: 'medium',
        actor: { actorId: 'user:default/jane' },
        request: { method: 'POST', url: '/api/backup-posture/scan/refresh' },
        meta: { accepted: true, message: res.body.message },
      });

      await waitForScan(backend.server, { after: first.last!.startedAt });
      const scans = await eventually(
        'the manual scan audit events',
        async () =>
          auditEvents(logged, 'scan').filter(
            e => e.fields.meta?.trigger === 'manual',
          ),
        e => e.length >= 2,
      );
      expect(scans.map(e => e.fields.status)).toEqual([
        'initiated',
        'succeeded',
      ]);
      expect(scans[1].fields.meta).toMatchObject({
        trigger: 'manual',
        requestedBy: 'user:default/jane',
        state: 'succeeded',
        errorCount: 0,
      });
    } finally {
      await backend.stop();
    }
  });

  it('a refresh the caller may not make is audited as failed, with the caller', async () => {
    const logged: Logged[] = [];
    const backend = await start(logged, true);
    try {
      const res = await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/outsider'),
        );
      expect(res.status).toBe(403);
      const refresh = auditEvents(logged, 'scan-refresh');
      expect(refresh.map(e => e.fields.status)).toEqual([
        'initiated',
        'failed',
      ]);
      expect(refresh[1].fields.actor.actorId).toBe('user:default/outsider');
      expect(String(refresh[1].fields.error)).toContain(
        'Not allowed to start a backup posture scan',
      );
    } finally {
      await backend.stop();
    }
  });
});
