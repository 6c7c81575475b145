import {
  AwsKmsKeyFact,
  AzureKeyFact,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import { AzureSubscriptionSnapshot } from '../azure/types';
import { Scope, ScopeSnapshot } from '../discovery/types';
import { assertLive, BATCH, fenceOf, notNewer, ScanFence } from './fence';
import {
  listSnapshotRows,
  saveFailureRow,
  saveSnapshotRow,
} from './snapshotRows';
import { SnapshotStore, StoredAzureSubscription, StoredScope } from './types';

/**
 * What discovery read: a snapshot per scope (AWS account × region, Azure subscription), each kept
 * with its last good read when a scan fails it; key descriptions; account-wide facts.
 */
export class DatabaseSnapshotStore implements SnapshotStore {
  constructor(private readonly db: Knex) {}

  async saveScopeSnapshot(
    snapshot: ScopeSnapshot,
    scan: ScanFence,
    at: string,
  ) {
    await saveSnapshotRow(
      this.db,
      'backup_posture_scopes',
      { account_id: snapshot.accountId, region: snapshot.region },
      snapshot,
      scan,
      at,
    );
  }

  async saveScopeFailure(
    scope: Scope,
    error: FactError,
    scan: ScanFence,
    at: string,
  ) {
    await saveFailureRow(
      this.db,
      'backup_posture_scopes',
      { account_id: scope.accountId, region: scope.region },
      error,
      scan,
      at,
    );
  }

  async listScopes(): Promise<StoredScope[]> {
    return listSnapshotRows<ScopeSnapshot>(
      this.db,
      'backup_posture_scopes',
      ['account_id', 'region'],
      r => ({
        cloud: 'aws',
        account: r.account_id,
        region: r.region,
      }),
    );
  }

  async saveAzureSnapshot(
    snapshot: AzureSubscriptionSnapshot,
    scan: ScanFence,
    at: string,
  ) {
    await saveSnapshotRow(
      this.db,
      'backup_posture_azure_subscriptions',
      { subscription_id: snapshot.subscriptionId },
      snapshot,
      scan,
      at,
    );
  }

  async saveAzureFailure(
    subscriptionId: string,
    error: FactError,
    scan: ScanFence,
    at: string,
  ) {
    await saveFailureRow(
      this.db,
      'backup_posture_azure_subscriptions',
      { subscription_id: subscriptionId },
      error,
      scan,
      at,
    );
  }

  /** Azure subscriptions as scopes: `region` is `global` (one scan covers every location). */
  async listAzureSubscriptions(): Promise<StoredAzureSubscription[]> {
    return listSnapshotRows<AzureSubscriptionSnapshot>(
      this.db,
      'backup_posture_azure_subscriptions',
      ['subscription_id'],
      r => ({ cloud: 'azure', account: r.subscription_id, region: 'global' }),
    );
  }

  // --- keys and account-wide facts ---------------------------------------------------------------

  /**
   * Stores key facts. A key read now gets `readAt`; a key that failed this time keeps its last
   * good description, marked with the error (`staleError`) and the attempt (`lastAttemptAt`), so
   * no check takes it for a fresh read; one never read keeps its `error`.
   */
  private async saveKeyRows<
    F extends {
      error?: FactError;
      readAt?: string;
      staleError?: FactError;
      lastAttemptAt?: string;
    },
  >(
    table: string,
    keyColumn: string,
    idOf: (fact: F) => string,
    facts: F[],
    previous: F[],
    scan: ScanFence,
    at: string,
  ) {
    assertLive(scan);
    const fence = fenceOf(scan, at);
    const old = new Map(previous.map(k => [idOf(k), k] as const));
    const rows = facts.map(f => {
      const last = old.get(idOf(f));
      let fact: F;
      if (!f.error) fact = { ...f, readAt: at };
      else if (last && !last.error)
        fact = { ...last, staleError: f.error, lastAttemptAt: at };
      else fact = { ...f, lastAttemptAt: at };
      return {
        [keyColumn]: idOf(f),
        fact: JSON.stringify(fact),
        described_at: at,
        scan_id: fence.id,
        scan_started_at: fence.startedAt,
      };
    });
    for (let i = 0; i < rows.length; i += BATCH) {
      assertLive(scan);
      await this.db(table)
        .insert(rows.slice(i, i + BATCH))
        .onConflict(keyColumn)
        .merge()
        .where(notNewer(table, fence.startedAt));
    }
  }

  async saveKeys(facts: AwsKmsKeyFact[], scan: ScanFence, at: string) {
    await this.saveKeyRows(
      'backup_posture_keys',
      'key_arn',
      f => f.arn,
      facts,
      await this.listKeys(),
      scan,
      at,
    );
  }

  async listKeys(): Promise<AwsKmsKeyFact[]> {
    const rows = await this.db('backup_posture_keys').select('fact');
    return rows.map(r => JSON.parse(r.fact));
  }

  async saveAzureKeys(facts: AzureKeyFact[], scan: ScanFence, at: string) {
    await this.saveKeyRows(
      'backup_posture_azure_keys',
      'key_uri',
      f => f.keyUri,
      facts,
      await this.listAzureKeys(),
      scan,
      at,
    );
  }

  async listAzureKeys(): Promise<AzureKeyFact[]> {
    const rows = await this.db('backup_posture_azure_keys').select('fact');
    return rows.map(r => JSON.parse(r.fact));
  }

  async setFact(name: string, value: unknown, at: string) {
    await this.db('backup_posture_facts')
      .insert({ name, value: JSON.stringify(value), updated_at: at })
      .onConflict('name')
      .merge();
  }

  async getFact<T>(name: string): Promise<T | undefined> {
    const row = await this.db('backup_posture_facts').where({ name }).first();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
}
