import { describe, expect, it, jest } from '@jest/globals';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EntityPostureSummary,
  listCheckDefinitions,
  ReportResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { simulatedBackupPostureConfig } from '@internal/simulated-aws';
import { useDemoSimulator } from '@internal/simulated-aws/src/__testUtils__/useDemoSimulator';
// The point of the test: the backup-posture backend beside the real Tech Insights backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import backupPosturePlugin from '@backup-posture/plugin-backup-posture-backend';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { techInsightsModuleBackupPosture } from './module';
import { exampleBackupPostureChecks } from './exampleChecks';
import { BACKUP_POSTURE_FACT_RETRIEVER_ID } from './facts';

jest.setTimeout(120_000);

useDemoSimulator('2026-11-23T00:00:00.000Z');

/** The dev app's demo components, which the simulated demo estate backs. */
const demoComponents = (): Entity[] =>
  parseAllDocuments(
    readFileSync(
      resolve(__dirname, '../../../examples/catalog/components.yaml'),
      'utf8',
    ),
  )
    .map(d => d.toJS() as Entity)
    .filter(e => e.kind === 'Component')
    .map(e => ({ ...e, metadata: { ...e.metadata, namespace: 'default' } }));

/** The example checks as an app-config would hold them (`techInsights.factChecker.checks`). */
const checksConfig = Object.fromEntries(
  exampleBackupPostureChecks.map(({ id, ...check }) => [id, check]),
);

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('the Tech Insights module, on the real Tech Insights backend', () => {
  it('ships the example checks the dev app configures', () => {
    const appConfig = parse(
      readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
    );
    expect(appConfig.techInsights.factChecker.checks).toEqual(checksConfig);
    expect(Object.keys(appConfig.techInsights.factRetrievers)).toEqual([
      BACKUP_POSTURE_FACT_RETRIEVER_ID,
    ]);
  });

  it('stores each demo entity’s posture as facts, and the example checks pass or fail as the posture says', async () => {
    const entities = demoComponents();
    const config = simulatedBackupPostureConfig();
    const backend = await startTestBackend({
      features: [
        backupPosturePlugin,
        techInsightsPlugin,
        jsonRulesEngineModule,
        techInsightsModuleBackupPosture,
        schedulerServiceFactory,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            techInsights: {
              factRetrievers: {
                // Once a year: the test triggers it after the scan.
                [BACKUP_POSTURE_FACT_RETRIEVER_ID]: {
                  cadence: '0 0 1 1 *',
                  lifecycle: { maxItems: 2 },
                },
              },
              factChecker: { checks: checksConfig },
            },
          },
        }),
      ],
    });
    try {
      const scanned = await eventually(
        () => request(backend.server).get('/api/backup-posture/scan/status'),
        res => Boolean(res.body?.last && !res.body.current),
      );
      expect(scanned.body.last.state).toBe('succeeded');
      const report: ReportResponse = (
        await request(backend.server).get(
          '/api/backup-posture/report?limit=500',
        )
      ).body;
      // Known: evaluated with a score; unknown: not scanned, unmapped, or nothing applicable.
      const isKnown = (i: EntityPostureSummary) =>
        i.state === 'ok' && i.score.score !== null;
      const known = report.items.filter(isKnown);
      const unknown = report.items.filter(i => !isKnown(i));
      // Many known postures, and some unknown, or the test would prove less than it claims.
      expect(known.length).toBeGreaterThanOrEqual(10);

      const trigger = await request(backend.server).post(
        `/api/tech-insights/.backstage/scheduler/v1/tasks/${BACKUP_POSTURE_FACT_RETRIEVER_ID}/trigger`,
      );
      expect(trigger.status).toBe(200);

      const latest = (summary: EntityPostureSummary) =>
        request(backend.server).get('/api/tech-insights/facts/latest').query({
          entity: summary.entityRef,
          'ids[]': BACKUP_POSTURE_FACT_RETRIEVER_ID,
        });
      const first = await eventually(
        () => latest(known[0]),
        res => Boolean(res.body?.[BACKUP_POSTURE_FACT_RETRIEVER_ID]),
      );
      expect(first.status).toBe(200);

      const severityOf = new Map(
        listCheckDefinitions().map(d => [d.id, d.severity]),
      );
      for (const summary of known) {
        const res = await latest(summary);
        const facts = res.body[BACKUP_POSTURE_FACT_RETRIEVER_ID].facts;
        const failing = Object.keys(summary.checkStatuses)
          .filter(id => summary.checkStatuses[id] === 'fail')
          .sort();
        expect(facts).toMatchObject({
          backupPostureScore: summary.score.score,
          backupPostureGrade: summary.score.grade,
          backupPostureStale: summary.stale,
          backupPostureFailingChecks: failing,
          backupPostureFailCount: summary.score.counts.fail,
          backupPostureUnknownCount: summary.score.counts.unknown,
          backupPostureFailingCritical: failing.filter(
            id => severityOf.get(id) === 'critical',
          ).length,
        });

        const [kind, rest] = summary.entityRef.split(':');
        const [namespace, name] = rest.split('/');
        const run = await request(backend.server)
          .post(`/api/tech-insights/checks/run/${namespace}/${kind}/${name}`)
          .send({
            checks: [
              'backupPostureGradeAtLeastB',
              'backupPostureNoCriticalFailing',
            ],
          });
        expect(run.status).toBe(200);
        const result = Object.fromEntries(
          run.body.map((r: { check: { id: string }; result: boolean }) => [
            r.check.id,
            r.result,
          ]),
        );
        expect(result).toEqual({
          backupPostureGradeAtLeastB: ['A', 'B'].includes(summary.score.grade!),
          backupPostureNoCriticalFailing: !failing.some(
            id => severityOf.get(id) === 'critical',
          ),
        });
      }
      // Both outcomes occur in the demo estate.
      const grades = new Set(
        known.map(k => ['A', 'B'].includes(k.score.grade!)),
      );
      expect(grades).toEqual(new Set([true, false]));

      // An entity whose posture is unknown gets no facts: nothing for a check to pass or fail on.
      expect(unknown.length).toBeGreaterThan(0);
      for (const summary of unknown) {
        const res = await latest(summary);
        expect(res.body[BACKUP_POSTURE_FACT_RETRIEVER_ID]).toBeUndefined();
      }
    } finally {
      await backend.stop();
    }
  });
});
