import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@backup-posture/plugin-backup-posture-backend',
  'migrations',
);

/**
 * Brings the plugin's tables to the latest migration. Replicas starting together race to create
 * knex's own bookkeeping tables, and while one replica migrates, knex fails the others at once
 * with `MigrationLocked`: they wait until the migrating replica is done, or `timeoutMs` passed.
 */
export async function migrate(
  client: Knex,
  { timeoutMs = 120_000 }: { timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 1; ; i++) {
    try {
      await client.migrate.latest({
        directory: migrationsDir,
        tableName: 'backup_posture__knex_migrations',
      });
      return;
    } catch (e) {
      // Another replica is migrating: wait for it. Anything else (the race on knex's own tables)
      // is retried a few times only, so a broken migration fails the startup soon.
      const locked = (e as Error)?.name === 'MigrationLocked';
      if (Date.now() >= deadline || (!locked && i >= 5)) throw e;
      const backoffMs = Math.min(200 * i, 1000) + Math.random() * 200;
      await new Promise(r => setTimeout(r, backoffMs));
    }
  }
}
