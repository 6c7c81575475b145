import { FactError } from '@backup-posture/plugin-backup-posture-common';
import {
  DescribedKey,
  InventoryScope,
} from '@backup-posture/plugin-backup-posture-node';
import { Knex } from 'knex';
import { assertLive, BATCH, fenceOf, notNewer, ScanFence } from './fence';
import {
  listSnapshotRows,
  saveFailureRow,
  saveSnapshotRow,
} from './snapshotRows';
import { SnapshotStore, StoredScopeRow } from './types';

const SCOPES = 'backup_posture_scope_snapshots';
const KEYS = 'backup_posture_key_facts';
const FACTS = 'backup_posture_facts';

const scopeKey = (scope: InventoryScope) => ({
  cloud: scope.cloud,
  account: scope.account,
  region: scope.region,
});

/**
 * What discovery read, for every cloud alike: a snapshot per scope (cloud, account or subscription,
 * region), kept with its last good read when a scan fails it; key descriptions by (cloud, key id);
 * facts that belong to no scope, by name.
 */
export class DatabaseSnapshotStore implements SnapshotStore {
  constructor(private readonly db: Knex) {}

  async saveScopeSnapshot(
    scope: InventoryScope,
    snapshot: unknown,
    scan: ScanFence,
    at: string,
  ) {
    await saveSnapshotRow(this.db, SCOPES, scopeKey(scope), snapshot, scan, at);
  }

  async saveScopeFailure(
    scope: InventoryScope,
    error: FactError,
    scan: ScanFence,
    at: string,
  ) {
    await saveFailureRow(this.db, SCOPES, scopeKey(scope), error, scan, at);
  }

  async listScopes<T>(cloud: string): Promise<Array<StoredScopeRow<T>>> {
    return listSnapshotRows<T>(
      this.db,
      SCOPES,
      { cloud },
      ['account', 'region'],
      r => ({ cloud: r.cloud, account: r.account, region: r.region }),
    );
  }

  /**
   * Stores key descriptions. A key read now gets `readAt`; a key that failed this time keeps its
   * last good description, marked with the error (`staleError`) and the attempt (`lastAttemptAt`),
   * so no check takes it for a fresh read; one never read keeps its `error`.
   */
  async saveKeys<K extends DescribedKey>(
    cloud: string,
    facts: K[],
    idOf: (fact: K) => string,
    scan: ScanFence,
    at: string,
  ) {
    assertLive(scan);
    const fence = fenceOf(scan, at);
    const old = new Map(
      (await this.listKeys<K>(cloud)).map(k => [idOf(k), k] as const),
    );
    const rows = facts.map(f => {
      const last = old.get(idOf(f));
      let fact: K;
      if (!f.error) fact = { ...f, readAt: at };
      else if (last && !last.error)
        fact = { ...last, staleError: f.error, lastAttemptAt: at };
      else fact = { ...f, lastAttemptAt: at };
      return {
        cloud,
        key_id: idOf(f),
        fact: JSON.stringify(fact),
        described_at: at,
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
      };
    });
    for (let i = 0; i < rows.length; i += BATCH) {
      assertLive(scan);
      await this.db(KEYS)
        .insert(rows.slice(i, i + BATCH))
        .onConflict(['cloud', 'key_id'])
        .merge()
        .where(notNewer(KEYS, fence.startedAt));
    }
  }

  async listKeys<K>(cloud: string): Promise<K[]> {
    const rows = await this.db(KEYS).where({ cloud }).select('fact');
    return rows.map(r => JSON.parse(r.fact));
  }

  async setFact(name: string, value: unknown, at: string) {
    await this.db(FACTS)
      .insert({ name, value: JSON.stringify(value), updated_at: at })
      .onConflict('name')
      .merge();
  }

  async getFact<T>(name: string): Promise<T | undefined> {
    const row = await this.db(FACTS).where({ name }).first();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async listFacts(prefix: string): Promise<Record<string, unknown>> {
    // A handful of rows: filtered here rather than with LIKE, whose escaping differs by database.
    const rows = await this.db(FACTS).select('name', 'value');
    const facts: Record<string, unknown> = {};
    for (const r of rows) {
      if (r.name.startsWith(prefix))
        facts[r.name.slice(prefix.length)] = JSON.parse(r.value);
    }
    return facts;
  }
}
