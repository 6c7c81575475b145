import { describe, expect, it, jest } from '@jest/globals';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  createServiceFactory,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EntityPostureResponse,
  ReportResponse,
  listCheckDefinitions,
} from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { waitForScan } from '../__testUtils__/backend';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';
import { backupPostureModuleBuiltInChecks } from '../modules/builtInChecks';
import { backupPosturePlugin } from '../plugin';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();

const OUTSIDER = 'user:default/outsider';
const MEMBER = 'user:default/jane';

/**
 * The in-memory catalog, reading with the caller's credentials as the real catalog does: the
 * outsider's policy lets them read no entity at all.
 */
function catalogFor(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const hidden = (opts?: { credentials?: BackstageCredentials }) =>
    (opts?.credentials?.principal as { userEntityRef?: string })
      ?.userEntityRef === OUTSIDER;
  const catalog: CatalogService = new Proxy(inner, {
    get(target, name: keyof CatalogService) {
      const value = target[name];
      if (typeof value !== 'function') return value;
      const method = value.bind(target);
      if (name === 'getEntityByRef') {
        return async (ref: any, opts: any) =>
          hidden(opts) ? undefined : method(ref, opts);
      }
      if (name === 'getEntities') {
        return async (req: any, opts: any) =>
          hidden(opts) ? { items: [] } : method(req, opts);
      }
      return method;
    },
  });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

async function start() {
  const entities: Entity[] = [
    ...demoEntities(sim),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane', namespace: 'default' },
      spec: { memberOf: ['payments'] },
      relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
    },
  ];
  return startTestBackend({
    features: [
      backupPosturePlugin,
      backupPostureModuleBuiltInChecks,
      schedulerServiceFactory,
      actionsRegistryServiceFactory,
      catalogFor(entities),
      mockServices.rootConfig.factory({ data: simulatedConfig() }),
    ],
  });
}

const invoke = (server: any, action: string, input: object, user = MEMBER) =>
  request(server)
    .post(
      `/api/backup-posture/.backstage/actions/v1/actions/backup-posture:${action}/invoke`,
    )
    .set('Authorization', mockCredentials.user.header(user))
    .send(input);

describe('actions for AI assistants (issue 17 item 3), through the actions registry', () => {
  it('get-entity-backup-posture: the stored posture’s score and grade, and each failing or unknown check with why and how to fix; nothing for a caller who may not read the entity', async () => {
    const backend = await start();
    try {
      await waitForScan(backend.server);
      const ref = 'component:default/payments-ledger';
      const posture: EntityPostureResponse = (
        await request(backend.server).get(
          '/api/backup-posture/entities/component/default/payments-ledger/posture',
        )
      ).body;
      const res = await invoke(backend.server, 'get-entity-backup-posture', {
        entityRef: ref,
      });
      expect(res.status).toBe(200);
      const out = res.body.output;
      expect(out).toMatchObject({
        entityRef: ref,
        state: 'ok',
        score: posture.evaluation!.score.score,
        grade: posture.evaluation!.score.grade,
        stale: posture.freshness.stale,
        problems: [],
      });
      const expected = posture.evaluation!.checks.filter(c =>
        ['fail', 'unknown', 'warn'].includes(c.status),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(out.checks.map((c: any) => [c.checkId, c.status])).toEqual(
        expected.map(c => [c.checkId, c.status]),
      );
      for (const [i, c] of expected.entries()) {
        expect(out.checks[i]).toEqual({
          checkId: c.checkId,
          title: c.title,
          severity: c.severity,
          status: c.status,
          summary: c.summary,
          // Why: the findings of the check's own status, with their messages.
          findings: c.findings
            .filter(f => f.status === c.status)
            .map(f => ({
              subject: f.subject,
              status: f.status,
              message: f.message,
              ...(f.explanation ? { explanation: f.explanation } : {}),
            })),
          why: c.remediation.why,
          fix: c.remediation.console,
        });
        expect(out.checks[i].findings.length).toBeGreaterThan(0);
      }

      const hidden = await invoke(
        backend.server,
        'get-entity-backup-posture',
        { entityRef: ref },
        OUTSIDER,
      );
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain('grade');

      const anonymous = await request(backend.server)
        .post(
          '/api/backup-posture/.backstage/actions/v1/actions/backup-posture:get-entity-backup-posture/invoke',
        )
        .set('Authorization', mockCredentials.none.header())
        .send({ entityRef: ref });
      expect(anonymous.status).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('list-owned-failing-backup-checks: a user’s groups’ entities with their grades and failing checks, as the report has them; nothing the caller may not read', async () => {
    const backend = await start();
    try {
      await waitForScan(backend.server);
      const report: ReportResponse = (
        await request(backend.server).get(
          '/api/backup-posture/report?owner=group:default/payments&limit=500',
        )
      ).body;
      const titles = new Map(listCheckDefinitions().map(d => [d.id, d]));
      const expected = report.items
        .map(s => ({
          entityRef: s.entityRef,
          state: s.state,
          grade: s.state === 'ok' ? s.score.grade : null,
          score: s.state === 'ok' ? s.score.score : null,
          stale: s.stale,
          failingChecks: Object.keys(s.checkStatuses)
            .filter(id => s.checkStatuses[id] === 'fail')
            .sort()
            .map(id => ({
              checkId: id,
              title: titles.get(id)!.title,
              severity: titles.get(id)!.severity,
            })),
        }))
        .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
      expect(expected.some(e => e.failingChecks.length > 0)).toBe(true);

      for (const ownerRef of ['group:default/payments', MEMBER]) {
        const res = await invoke(
          backend.server,
          'list-owned-failing-backup-checks',
          { ownerRef },
        );
        expect(res.status).toBe(200);
        expect(res.body.output.entities).toEqual(expected);
      }
      const viaUser = await invoke(
        backend.server,
        'list-owned-failing-backup-checks',
        { ownerRef: MEMBER },
      );
      expect(viaUser.body.output.owners).toEqual([
        MEMBER,
        'group:default/payments',
      ]);

      const outsider = await invoke(
        backend.server,
        'list-owned-failing-backup-checks',
        { ownerRef: 'group:default/payments' },
        OUTSIDER,
      );
      expect(outsider.status).toBe(404);

      const notAnOwner = await invoke(
        backend.server,
        'list-owned-failing-backup-checks',
        { ownerRef: 'component:default/payments-api' },
      );
      expect(notAnOwner.status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('explain-backup-check: a check’s definition and fix, and the meaning of a known AWS message; an unknown message is said to be unknown', async () => {
    const backend = await start();
    try {
      const vaultLock = listCheckDefinitions().find(
        d => d.id === 'vault-lock',
      )!;
      const res = await invoke(backend.server, 'explain-backup-check', {
        checkId: 'vault-lock',
        message: 'MPA is not opted-in for this account',
      });
      expect(res.status).toBe(200);
      expect(res.body.output.check).toEqual({
        id: 'vault-lock',
        title: vaultLock.title,
        cloud: vaultLock.cloud,
        severity: vaultLock.severity,
        rules: vaultLock.rules,
        description: vaultLock.description,
        why: vaultLock.remediation.why,
        console: vaultLock.remediation.console,
        ...(vaultLock.remediation.cli
          ? { cli: vaultLock.remediation.cli }
          : {}),
        ...(vaultLock.remediation.terraform
          ? { terraform: vaultLock.remediation.terraform }
          : {}),
      });
      expect(res.body.output.message).toMatchObject({ known: true });
      expect(res.body.output.message.explanation).toMatch(/MPA|approval/i);

      const unknown = await invoke(backend.server, 'explain-backup-check', {
        message: 'Something else went wrong',
      });
      expect(unknown.body.output).toEqual({
        message: {
          known: false,
          rules: [],
          explanation: expect.stringContaining(
            'Not a message this plugin knows',
          ),
        },
      });

      expect(
        (await invoke(backend.server, 'explain-backup-check', {})).status,
      ).toBe(400);
      expect(
        (
          await invoke(backend.server, 'explain-backup-check', {
            checkId: 'no-such-check',
          })
        ).status,
      ).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
