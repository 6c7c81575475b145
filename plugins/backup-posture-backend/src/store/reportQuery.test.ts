import { describe, expect, it, jest } from '@jest/globals';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  CheckStatus,
  emptyKeyMix,
  EntityPostureSummary,
} from '@backup-posture/plugin-backup-posture-common';
import { ROLL_UP_KINDS } from '../mapping/rollUp';
import { EntityRow } from './types';
import { storeDatabases, storeOn } from '../__testUtils__/storeDatabases';
import { createPostureStore } from './PostureStore';

jest.setTimeout(60_000);

const databases = storeDatabases;

function row(
  name: string,
  checkStatuses: Record<string, CheckStatus>,
  extra: Partial<EntityPostureSummary> = {},
): EntityRow {
  const entityRef = `component:default/${name}`;
  const summary: EntityPostureSummary = {
    entityRef,
    kind: 'component',
    title: name,
    owner: 'group:default/team-a',
    state: 'ok',
    clouds: ['aws'],
    accounts: ['111111111111'],
    regions: ['eu-west-1'],
    score: {
      score: 70,
      grade: 'C',
      earned: 7,
      possible: 10,
      counts: {
        pass: 1,
        fail: 1,
        warn: 0,
        'not-applicable': 0,
        unknown: 0,
        accepted: 0,
      },
    },
    keyMix: emptyKeyMix(),
    checkStatuses,
    lastScanAt: '2026-11-29T10:00:00.000Z',
    stale: false,
    ...extra,
  };
  return {
    summary,
    posture: {
      entityRef,
      state: 'ok',
      problems: [],
      freshness: { stale: false, scopes: [] },
    },
  };
}

const names = (rows: Array<{ entityRef: string }>) =>
  rows.map(r => r.entityRef.split('/')[1]).sort();

describe('the report query in SQL', () => {
  it.each(databases.eachSupportedId())(
    'filters by check and status through the indexed check results, and lists failing checks (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.entities.upsertEntities(
        [
          row('a', { 'vault-lock': 'fail', 'backup-key-healthy': 'pass' }),
          row('b', { 'vault-lock': 'pass', 'backup-key-healthy': 'fail' }),
          row('c', { 'vault-lock': 'unknown' }),
        ],
        'scan-1',
        '2026-11-29T10:00:00.000Z',
      );
      const q = store.entities.queryReportRows.bind(store.entities);
      expect(names(await q({ check: 'vault-lock' }))).toEqual(['a', 'b', 'c']);
      expect(names(await q({ check: 'vault-lock', status: 'fail' }))).toEqual([
        'a',
      ]);
      expect(names(await q({ status: 'fail' }))).toEqual(['a', 'b']);
      expect(names(await q({ status: 'unknown' }))).toEqual(['c']);
      // An id that only an object's prototype has never matches.
      expect(await q({ check: 'constructor' })).toEqual([]);
      expect(await q({ check: 'no-such-check' })).toEqual([]);

      const byName = new Map((await q({})).map(r => [r.entityRef, r]));
      expect(byName.get('component:default/a')).toEqual({
        entityRef: 'component:default/a',
        kind: 'component',
        title: 'a',
        owner: 'group:default/team-a',
        state: 'ok',
        score: row('a', {}).summary.score,
        lastScanAt: '2026-11-29T10:00:00.000Z',
        failingCheckIds: ['vault-lock'],
      });
      expect(byName.get('component:default/c')?.failingCheckIds).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'takes the search text and cloud literally: % and _ are no wildcards, case does not matter (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.entities.upsertEntities(
        [
          row('plain', {}, { title: 'Payments 100 percent' }),
          row('pct', {}, { title: 'Payments 100% Ready' }),
          row('under_score', {}, { title: 'Ünïcode Title', clouds: ['azure'] }),
          row('both', {}, { clouds: ['aws', 'azure'] }),
        ],
        'scan-1',
        '2026-11-29T10:00:00.000Z',
      );
      const q = store.entities.queryReportRows.bind(store.entities);
      expect(names(await q({ q: '100%' }))).toEqual(['pct']);
      expect(names(await q({ q: 'd_r' }))).toEqual([]);
      expect(names(await q({ q: 'under_' }))).toEqual(['under_score']);
      expect(names(await q({ q: 'PAYMENTS' }))).toEqual(['pct', 'plain']);
      // Titles are lower-cased as JavaScript does, also beyond ASCII.
      expect(names(await q({ q: 'ÜNÏCODE' }))).toEqual(['under_score']);
      expect(names(await q({ cloud: 'azure' }))).toEqual([
        'both',
        'under_score',
      ]);
      expect(names(await q({ cloud: 'aw' as 'aws' }))).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves out the roll-up kinds whatever their case (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.entities.upsertEntities(
        [
          row('svc', {}),
          row('sys', {}, { entityRef: 'system:default/sys', kind: 'System' }),
          row('team', {}, { entityRef: 'group:default/team', kind: 'group' }),
        ],
        'scan-1',
        '2026-11-29T10:00:00.000Z',
      );
      expect(
        (
          await store.entities.queryReportRows({ excludeKinds: ROLL_UP_KINDS })
        ).map(r => r.entityRef),
      ).toEqual(['component:default/svc']);
      expect(await store.entities.queryReportRows({})).toHaveLength(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the check results of the scan that holds the row: an older scan changes neither (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const newer = { id: 'scan-new', startedAt: '2026-11-29T11:00:00.000Z' };
      const older = { id: 'scan-old', startedAt: '2026-11-29T10:00:00.000Z' };
      await store.entities.upsertEntities(
        [row('a', { 'vault-lock': 'pass' })],
        newer,
        '2026-11-29T11:05:00.000Z',
      );
      await store.entities.upsertEntities(
        [
          row('a', { 'vault-lock': 'fail' }),
          row('b', { 'vault-lock': 'fail' }),
        ],
        older,
        '2026-11-29T11:10:00.000Z',
      );
      expect(
        names(
          await store.entities.queryReportRows({
            check: 'vault-lock',
            status: 'fail',
          }),
        ),
      ).toEqual(['b']);

      // The newer scan's sweep drops b and its results; a's stay.
      await store.entities.deleteEntitiesNotInScan(newer);
      expect(await store.entities.queryReportRows({ status: 'fail' })).toEqual(
        [],
      );
      expect(
        names(await store.entities.queryReportRows({ status: 'pass' })),
      ).toEqual(['a']);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a row an older replica wrote (report columns empty) from its summary (%p)',
    async databaseId => {
      const { store, knex } = await storeOn(databaseId);
      const legacy = row('legacy', { 'vault-lock': 'fail' }, { title: 'Old' });
      await store.entities.upsertEntities(
        [legacy],
        'scan-1',
        '2026-11-29T10:00:00.000Z',
      );
      // As the previous version writes it: no report columns, no check rows.
      await knex('backup_posture_entities').update({
        score_detail: null,
        last_scan_at: null,
        search_title: null,
      });
      await knex('backup_posture_entity_checks').delete();
      const [read] = await store.entities.queryReportRows({ q: 'OLD' });
      expect(read).toEqual({
        entityRef: 'component:default/legacy',
        kind: 'component',
        title: 'Old',
        owner: 'group:default/team-a',
        state: 'ok',
        score: legacy.summary.score,
        lastScanAt: '2026-11-29T10:00:00.000Z',
        failingCheckIds: ['vault-lock'],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'backfills the report columns and check results of rows stored before the migration (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migrations = {
        directory: resolvePackagePath(
          '@backup-posture/plugin-backup-posture-backend',
          'migrations',
        ),
        tableName: 'backup_posture__knex_migrations',
      };
      // Up to the migration before the report columns.
      for (let i = 0; i < 5; i++) await knex.migrate.up(migrations);
      const old = row('old', { 'vault-lock': 'fail', 'vault-policy': 'pass' });
      await knex('backup_posture_entities').insert({
        entity_ref: old.summary.entityRef,
        kind: 'component',
        title: old.summary.title,
        owner: old.summary.owner,
        state: 'ok',
        score: 70,
        grade: 'C',
        clouds: 'aws',
        summary: JSON.stringify(old.summary),
        scan_id: 'scan-1',
        updated_at: '2026-11-29T10:00:00.000Z',
      });
      const store = await createPostureStore(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      expect(
        await store.entities.queryReportRows({
          check: 'vault-policy',
          status: 'pass',
        }),
      ).toEqual([
        {
          entityRef: 'component:default/old',
          kind: 'component',
          title: 'old',
          owner: 'group:default/team-a',
          state: 'ok',
          score: old.summary.score,
          lastScanAt: '2026-11-29T10:00:00.000Z',
          failingCheckIds: ['vault-lock'],
        },
      ]);
    },
  );
});
