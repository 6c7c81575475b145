import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createPostureStore, PostureStore } from '../store/PostureStore';

// The local PostgreSQL 15 (trust auth); CI can point this variable at its own server.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

/** The databases the store is tested on: PostgreSQL 15 and SQLite. */
export const storeDatabases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
});

/** A fresh, migrated store on `databaseId`, with its knex client. */
export async function storeOn(
  databaseId: Parameters<typeof storeDatabases.init>[0],
): Promise<{ store: PostureStore; knex: Knex }> {
  const knex = await storeDatabases.init(databaseId);
  const store = await createPostureStore(
    mockServices.database.mock({ getClient: async () => knex }),
  );
  return { store, knex };
}
