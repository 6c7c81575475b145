import { describe, expect, it, jest } from '@jest/globals';
import {
  emptyKeyMix,
  EntityPostureSummary,
} from '@backup-posture/plugin-backup-posture-common';
import { gunzipSync } from 'node:zlib';
import { emptyScopeSnapshot, ScopeSnapshot } from '../aws/types';
import { EntityRow } from './types';
import { storeDatabases, storeOn } from '../__testUtils__/storeDatabases';
import { PostureStore } from './PostureStore';

jest.setTimeout(60_000);

const databases = storeDatabases;

function row(
  name: string,
  extra: Partial<EntityPostureSummary> = {},
): EntityRow {
  const entityRef = `component:default/${name}`;
  const summary: EntityPostureSummary = {
    entityRef,
    kind: 'component',
    title: name.toUpperCase(),
    owner: 'group:default/team-a',
    state: 'ok',
    clouds: ['aws'],
    accounts: [],
    regions: [],
    score: {
      score: 50,
      grade: 'D',
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
    checkStatuses: {},
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

async function storeOnly(
  databaseId: Parameters<typeof databases.init>[0],
): Promise<PostureStore> {
  return (await storeOn(databaseId)).store;
}

describe('PostureStore entity rows', () => {
  it.each(databases.eachSupportedId())(
    'filters summaries, sees another scan’s rows at once, and keeps postures compressed (%p)',
    async databaseId => {
      const store = await storeOnly(databaseId);
      await store.entities.upsertEntities(
        [
          row('payments-api'),
          row('crm', { clouds: ['azure'], owner: 'group:default/team-b' }),
          row('data-lake', { clouds: ['aws', 'azure'], lifecycle: 'prod' }),
        ],
        'scan-1',
        '2026-11-23T10:00:00.000Z',
      );
      const refs = (items: Array<{ entityRef: string }>) =>
        items.map(i => i.entityRef.split('/')[1]).sort();
      expect(refs(await store.entities.queryReportRows({}))).toEqual([
        'crm',
        'data-lake',
        'payments-api',
      ]);
      expect(
        refs(await store.entities.queryReportRows({ cloud: 'azure' })),
      ).toEqual(['crm', 'data-lake']);
      expect(
        refs(
          await store.entities.queryReportRows({
            owner: 'group:default/team-b',
          }),
        ),
      ).toEqual(['crm']);
      expect(
        refs(await store.entities.queryReportRows({ lifecycle: 'prod' })),
      ).toEqual(['data-lake']);
      expect(
        refs(await store.entities.queryReportRows({ q: 'PAYMENTS' })),
      ).toEqual(['payments-api']);
      expect(refs(await store.entities.queryReportRows({ q: 'lake' }))).toEqual(
        ['data-lake'],
      );

      // A later scan (as from another replica) rewrites the rows: the next query sees them.
      await store.entities.replaceEntities(
        [row('crm', { clouds: ['azure'], title: 'Customers' })],
        'scan-2',
        '2026-11-23T11:00:00.000Z',
      );
      const after = await store.entities.queryReportRows({});
      expect(refs(after)).toEqual(['crm']);
      expect(after[0].title).toBe('Customers');

      const gzipped = await store.entities.getEntityPostureGzip(
        'component:default/crm',
      );
      expect(JSON.parse(gunzipSync(gzipped!).toString('utf8'))).toMatchObject({
        entityRef: 'component:default/crm',
        state: 'ok',
      });
      expect(
        await store.entities.getEntityPostureGzip(
          'component:default/payments-api',
        ),
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists scope snapshots across read pages: every row once, failures with their error (%p)',
    async databaseId => {
      const store = await storeOnly(databaseId);
      const at = '2026-11-24T00:00:00.000Z';
      // More rows than one read page (200), so a missed or repeated page shows.
      const accounts = Array.from({ length: 150 }, (_, i) =>
        String(100000000000 + i),
      );
      const regions = ['ap-northeast-1', 'us-east-1', 'eu-west-1'];
      for (const accountId of accounts) {
        for (const region of regions) {
          await store.snapshots.saveScopeSnapshot(
            { cloud: 'aws', account: accountId, region },
            emptyScopeSnapshot({ accountId, region }, at),
            'scan-1',
            at,
          );
        }
      }
      await store.snapshots.saveScopeFailure(
        { cloud: 'aws', account: accounts[7], region: 'eu-west-1' },
        { name: 'AccessDenied', message: 'denied' },
        'scan-2',
        at,
      );
      const scopes = await store.snapshots.listScopes<ScopeSnapshot>('aws');
      expect(scopes).toHaveLength(450);
      const keys = scopes.map(
        s => `${s.snapshot?.accountId}/${s.snapshot?.region}`,
      );
      expect(new Set(keys).size).toBe(450);
      const failed = scopes.filter(s => s.status.error);
      expect(failed).toHaveLength(1);
      expect(failed[0].status).toMatchObject({
        account: accounts[7],
        region: 'eu-west-1',
        state: 'stale',
        error: { name: 'AccessDenied' },
      });
      // The last good snapshot stays beside the failure.
      expect(failed[0].snapshot?.accountId).toBe(accounts[7]);
    },
  );
});
