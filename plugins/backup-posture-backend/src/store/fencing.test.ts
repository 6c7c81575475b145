import { describe, expect, it, jest } from '@jest/globals';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  emptyKeyMix,
  EntityPostureSummary,
} from '@backup-posture/plugin-backup-posture-common';
import { AwsKmsKeyFact } from '@backup-posture/plugin-backup-posture-common';
import { emptyScopeSnapshot } from '../aws/types';
import { EntityRow } from './types';
import { createPostureStore } from './PostureStore';

jest.setTimeout(60_000);

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function row(name: string, score: number): EntityRow {
  const entityRef = `component:default/${name}`;
  const summary: EntityPostureSummary = {
    entityRef,
    kind: 'component',
    state: 'ok',
    clouds: ['aws'],
    accounts: [],
    regions: [],
    score: {
      score,
      grade: 'A',
      counts: {
        pass: 1,
        fail: 0,
        warn: 0,
        'not-applicable': 0,
        unknown: 0,
        accepted: 0,
      },
    },
    keyMix: emptyKeyMix(),
    checkStatuses: {},
    stale: false,
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

const SCOPE = { accountId: '222222222222', region: 'eu-west-1' };
const AWS_SCOPE = {
  cloud: 'aws' as const,
  account: SCOPE.accountId,
  region: SCOPE.region,
};
const arnOf = (k: AwsKmsKeyFact) => k.arn;
const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/k1';

describe('writes fenced by scan start time', () => {
  it.each(databases.eachSupportedId())(
    'a late, older scan never overwrites what a newer scan wrote (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createPostureStore(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const older = { id: 'older', startedAt: '2026-11-29T10:00:00.000Z' };
      const newer = { id: 'newer', startedAt: '2026-11-29T10:20:00.000Z' };
      await store.scans.startScan({ ...older, trigger: 'schedule' });
      await store.scans.startScan({ ...newer, trigger: 'schedule' });

      // The newer scan finishes first.
      const at = '2026-11-29T10:21:00.000Z';
      await store.snapshots.saveScopeSnapshot(
        AWS_SCOPE,
        { ...emptyScopeSnapshot(SCOPE, at), collectedAt: at },
        newer,
        at,
      );
      await store.snapshots.saveKeys<AwsKmsKeyFact>(
        'aws',
        [
          {
            arn: KEY,
            accountId: '222222222222',
            region: 'eu-west-1',
            keyManager: 'CUSTOMER',
            keyState: 'Disabled',
          } as AwsKmsKeyFact,
        ],
        arnOf,
        newer,
        at,
      );
      await store.entities.upsertEntities([row('payments-api', 40)], newer, at);
      await store.entities.deleteEntitiesNotInScan(newer);
      expect(
        await store.scans.finishScan(newer.id, 'succeeded', at, {
          score: 40,
          grade: 'C',
          entities: 1,
          counts: {},
        }),
      ).toBe(true);

      // Then the older one, late, writes everything it had read.
      const late = '2026-11-29T10:30:00.000Z';
      await store.snapshots.saveScopeSnapshot(
        AWS_SCOPE,
        emptyScopeSnapshot(SCOPE, late),
        older,
        late,
      );
      await store.snapshots.saveScopeFailure(
        AWS_SCOPE,
        { name: 'Throttling', message: 'Rate exceeded' },
        older,
        late,
      );
      await store.snapshots.saveKeys<AwsKmsKeyFact>(
        'aws',
        [
          {
            arn: KEY,
            accountId: '222222222222',
            region: 'eu-west-1',
            keyManager: 'CUSTOMER',
            keyState: 'Enabled',
          } as AwsKmsKeyFact,
        ],
        arnOf,
        older,
        late,
      );
      await store.entities.upsertEntities(
        [row('payments-api', 100), row('gone-since', 100)],
        older,
        late,
      );
      await store.entities.deleteEntitiesNotInScan(older);
      // Its history row was closed when the newer scan started: it stays closed.
      expect(
        await store.scans.finishScan(older.id, 'succeeded', late, {
          score: 100,
          grade: 'A',
          entities: 2,
          counts: {},
        }),
      ).toBe(false);

      const [scope] = await store.snapshots.listScopes('aws');
      expect(scope.status).toEqual({
        cloud: 'aws',
        account: SCOPE.accountId,
        region: SCOPE.region,
        state: 'ok',
        lastAttemptAt: at,
        lastSuccessAt: at,
      });
      expect(
        (await store.snapshots.listKeys<AwsKmsKeyFact>('aws')).map(
          k => k.keyState,
        ),
      ).toEqual(['Disabled']);
      const summaries = await store.entities.getSummaries([
        'component:default/payments-api',
        'component:default/gone-since',
      ]);
      // The older scan's row of an entity the newer scan did not write may land (nothing newer).
      expect(summaries.map(s => [s.entityRef, s.score.score]).sort()).toEqual([
        ['component:default/gone-since', 100],
        ['component:default/payments-api', 40],
      ]);
      const status = await store.scans.scanStatus();
      expect(status.current).toBeUndefined();
      expect(status.last).toMatchObject({
        scanId: 'newer',
        state: 'succeeded',
      });
      const olderRow = await knex('backup_posture_scans')
        .where({ id: 'older' })
        .first();
      expect(olderRow.state).toBe('interrupted');
      expect(JSON.parse(olderRow.error)).toEqual({
        name: 'ScanInterrupted',
        message: `Superseded by scan newer, started ${newer.startedAt}`,
      });
      expect(olderRow.score).toBeNull();
      expect((await store.scans.trend(10)).points.map(p => p.scanId)).toEqual([
        'newer',
      ]);
    },
  );

  it('an aborted scan writes nothing more', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await createPostureStore(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const controller = new AbortController();
    const scan = {
      id: 's1',
      startedAt: '2026-11-29T10:00:00.000Z',
      signal: controller.signal,
    };
    await store.scans.startScan({ ...scan, trigger: 'schedule' });
    controller.abort(new Error('The backend is shutting down'));
    await expect(
      store.snapshots.saveScopeSnapshot(
        AWS_SCOPE,
        emptyScopeSnapshot(SCOPE, 'x'),
        scan,
        'x',
      ),
    ).rejects.toThrow('The backend is shutting down');
    await expect(
      store.entities.upsertEntities([row('a', 1)], scan, 'x'),
    ).rejects.toThrow('The backend is shutting down');
    expect(await store.snapshots.listScopes('aws')).toEqual([]);
    expect(await store.entities.getSummaries(['component:default/a'])).toEqual(
      [],
    );
  });
});
