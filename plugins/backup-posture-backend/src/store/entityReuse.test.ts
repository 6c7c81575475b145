import { describe, expect, it, jest } from '@jest/globals';
import {
  emptyKeyMix,
  EntityPostureSummary,
  PostureEvaluation,
} from '@backup-posture/plugin-backup-posture-common';
import { storeDatabases, storeOn } from '../__testUtils__/storeDatabases';
import { EntityRow } from './types';

jest.setTimeout(60_000);

const SCORE = {
  score: 80,
  grade: 'B' as const,
  counts: {
    pass: 4,
    fail: 1,
    warn: 0,
    'not-applicable': 0,
    unknown: 0,
    accepted: 0,
  },
};

function row(name: string, hash?: string, validUntil?: string): EntityRow {
  const entityRef = `component:default/${name}`;
  const summary: EntityPostureSummary = {
    entityRef,
    kind: 'component',
    state: 'ok',
    clouds: ['aws'],
    accounts: [],
    regions: [],
    score: SCORE,
    keyMix: emptyKeyMix(),
    checkStatuses: { 'vault-lock': 'fail' },
    lastScanAt: '2026-11-29T10:00:00.000Z',
    stale: false,
  };
  const evaluation: PostureEvaluation = {
    entityRef,
    evaluatedAt: '2026-11-29T10:00:00.000Z',
    lineage: [],
    checks: [],
    score: SCORE,
  };
  return {
    summary,
    posture: {
      entityRef,
      state: 'ok',
      problems: [],
      freshness: { stale: false, scopes: [] },
      evaluation,
    },
    ...(hash ? { inputHash: hash } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}

const scan = (id: string, startedAt: string) => ({ id, startedAt });

describe.each(storeDatabases.eachSupportedId())(
  'reusing stored evaluations on %s',
  databaseId => {
    it('keeps the reuse key of each written row; a row written without one (an older replica) has none', async () => {
      const { store } = await storeOn(databaseId);
      const first = scan('s1', '2026-11-29T10:00:00.000Z');
      await store.entities.upsertEntities(
        [
          row('a', 'a'.repeat(64), '2026-12-01T00:00:00.000Z'),
          row('b', 'b'.repeat(64)),
          row('c'),
        ],
        first,
        '2026-11-29T10:05:00.000Z',
      );
      const keys = await store.entities.getReuseKeys();
      expect([...keys.keys()].sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      expect(keys.get('component:default/a')).toEqual({
        inputHash: 'a'.repeat(64),
        validUntil: '2026-12-01T00:00:00.000Z',
        state: 'ok',
        kind: 'component',
        score: SCORE,
      });
      expect(keys.get('component:default/b')!.validUntil).toBeUndefined();
      const evaluations = await store.entities.getEvaluations([
        'component:default/a',
        'component:default/z',
      ]);
      expect([...evaluations.keys()]).toEqual(['component:default/a']);
      expect(evaluations.get('component:default/a')!.score).toEqual(SCORE);
    });

    it('marks kept rows as the scan’s without rewriting them; the entities left out are deleted; a newer scan’s row is never taken', async () => {
      const { store, knex } = await storeOn(databaseId);
      const first = scan('s1', '2026-11-29T10:00:00.000Z');
      await store.entities.upsertEntities(
        [row('a', 'a'.repeat(64)), row('b', 'b'.repeat(64))],
        first,
        '2026-11-29T10:05:00.000Z',
      );
      const blobBefore = (
        await knex('backup_posture_entities')
          .where({ entity_ref: 'component:default/a' })
          .first()
      ).posture_gzip;

      const second = scan('s2', '2026-11-29T11:00:00.000Z');
      expect(
        await store.entities.markReused(
          [{ entityRef: 'component:default/a', inputHash: 'a'.repeat(64) }],
          second,
          '2026-11-29T11:05:00.000Z',
          '2026-11-29T11:04:00.000Z',
        ),
      ).toBe(1);
      await store.entities.deleteEntitiesNotInScan(second);
      const rows = await knex('backup_posture_entities').select();
      expect(rows.map(r => r.entity_ref)).toEqual(['component:default/a']);
      expect(rows[0]).toMatchObject({
        scan_id: 's2',
        scan_started_at: '2026-11-29T11:00:00.000Z',
        updated_at: '2026-11-29T11:05:00.000Z',
        last_scan_at: '2026-11-29T11:04:00.000Z',
        input_hash: 'a'.repeat(64),
      });
      expect(
        Buffer.from(rows[0].posture_gzip).equals(Buffer.from(blobBefore)),
      ).toBe(true);
      // Its check results stay (no regression, the time each status was first seen kept).
      expect(
        await knex('backup_posture_entity_checks').select(
          'entity_ref',
          'since',
        ),
      ).toEqual([
        {
          entity_ref: 'component:default/a',
          since: '2026-11-29T10:05:00.000Z',
        },
      ]);
      // The summaries say the scan it now belongs to.
      expect(
        (await store.entities.getSummaries(['component:default/a']))[0]
          .lastScanAt,
      ).toBe('2026-11-29T11:04:00.000Z');

      // An older scan, late, keeps nothing of the newer one's.
      const older = scan('s0', '2026-11-29T09:00:00.000Z');
      expect(
        await store.entities.markReused(
          [{ entityRef: 'component:default/a', inputHash: 'a'.repeat(64) }],
          older,
          '2026-11-29T11:10:00.000Z',
          '2026-11-29T09:30:00.000Z',
        ),
      ).toBe(0);
      expect(
        await knex('backup_posture_entities').first('scan_id', 'last_scan_at'),
      ).toEqual({ scan_id: 's2', last_scan_at: '2026-11-29T11:04:00.000Z' });
    });
  },
);
