import { describe, expect, it, jest } from '@jest/globals';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { storeDatabases } from '../__testUtils__/storeDatabases';

jest.setTimeout(60_000);

const config = {
  directory: resolvePackagePath(
    '@backup-posture/plugin-backup-posture-backend',
    'migrations',
  ),
  tableName: 'backup_posture__knex_migrations',
};

describe('migration 20261201000000: scope snapshots and keys keyed by cloud', () => {
  it.each(storeDatabases.eachSupportedId())(
    'copies the per-cloud rows of an earlier version and leaves the old tables for older replicas (%p)',
    async databaseId => {
      const knex = await storeDatabases.init(databaseId);
      // The schema of the previous release.
      for (;;) {
        const [done] = await knex.migrate.list(config);
        if (
          done.some(
            (m: any) =>
              (m.name ?? m.file) === '20261130010000_entity_check_since.js',
          )
        )
          break;
        await knex.migrate.up(config);
      }
      const fenced = {
        last_attempt_at: '2026-11-30T00:00:00.000Z',
        scan_id: 'old-scan',
        scan_started_at: '2026-11-29T23:59:00.000Z',
      };
      await knex('backup_posture_scopes').insert({
        account_id: '111111111111',
        region: 'eu-west-1',
        state: 'stale',
        snapshot: '{"accountId":"111111111111"}',
        last_success_at: '2026-11-29T00:00:00.000Z',
        error: '{"name":"Throttling","message":"Rate exceeded"}',
        ...fenced,
      });
      await knex('backup_posture_azure_subscriptions').insert({
        subscription_id: '00000000-0000-0000-0000-000000000001',
        state: 'ok',
        snapshot: '{"subscriptionId":"00000000-0000-0000-0000-000000000001"}',
        last_success_at: '2026-11-30T00:00:00.000Z',
        error: null,
        ...fenced,
      });
      const keyRow = {
        described_at: '2026-11-30T00:00:00.000Z',
        scan_id: 'old-scan',
        scan_started_at: fenced.scan_started_at,
      };
      await knex('backup_posture_keys').insert({
        key_arn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        fact: '{"arn":"k"}',
        ...keyRow,
      });
      await knex('backup_posture_azure_keys').insert({
        key_uri: 'https://kv.vault.azure.net/keys/k/1',
        fact: '{"keyUri":"u"}',
        ...keyRow,
      });

      await knex.migrate.latest(config);

      const scopes = await knex('backup_posture_scope_snapshots').orderBy(
        'cloud',
      );
      expect(scopes).toEqual([
        {
          cloud: 'aws',
          account: '111111111111',
          region: 'eu-west-1',
          state: 'stale',
          snapshot: '{"accountId":"111111111111"}',
          last_success_at: '2026-11-29T00:00:00.000Z',
          error: '{"name":"Throttling","message":"Rate exceeded"}',
          ...fenced,
        },
        {
          cloud: 'azure',
          account: '00000000-0000-0000-0000-000000000001',
          region: 'global',
          state: 'ok',
          snapshot: '{"subscriptionId":"00000000-0000-0000-0000-000000000001"}',
          last_success_at: '2026-11-30T00:00:00.000Z',
          error: null,
          ...fenced,
        },
      ]);
      expect(await knex('backup_posture_key_facts').orderBy('cloud')).toEqual([
        {
          cloud: 'aws',
          key_id: 'arn:aws:kms:eu-west-1:111111111111:key/k',
          fact: '{"arn":"k"}',
          ...keyRow,
        },
        {
          cloud: 'azure',
          key_id: 'https://kv.vault.azure.net/keys/k/1',
          fact: '{"keyUri":"u"}',
          ...keyRow,
        },
      ]);
      // Additive: a replica still on the previous release reads and writes its tables as before.
      expect(await knex('backup_posture_scopes').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      expect(
        Number((await knex('backup_posture_keys').count({ n: '*' }))[0].n),
      ).toBe(1);
      expect(
        Number(
          (
            await knex('backup_posture_azure_subscriptions').count({ n: '*' })
          )[0].n,
        ),
      ).toBe(1);
    },
  );
});
