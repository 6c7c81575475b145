import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseEntityPostureStore } from './EntityPostureStore';
import { migrate } from './migrate';
import { DatabaseScanStore } from './ScanStore';
import { DatabaseSnapshotStore } from './SnapshotStore';
import { EntityPostureStore, ScanStore, SnapshotStore } from './types';

export type { ScanFence } from './fence';

/**
 * Everything the plugin keeps, in the Backstage database (knex; SQLite and PostgreSQL), by job:
 * scans and their trend, what discovery read, and the evaluated entity postures.
 */
export interface PostureStore {
  scans: ScanStore;
  snapshots: SnapshotStore;
  entities: EntityPostureStore;
}

/** The stores on the plugin's database, migrated to the latest schema unless told to skip. */
export async function createPostureStore(
  database: DatabaseService,
): Promise<PostureStore> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await migrate(client);
  }
  return {
    scans: new DatabaseScanStore(client),
    snapshots: new DatabaseSnapshotStore(client),
    entities: new DatabaseEntityPostureStore(client),
  };
}
