import { describe, expect, it, jest } from '@jest/globals';
import { mockServices } from '@backstage/backend-test-utils';
import { FactError } from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProvider,
  InventoryScanContext,
  InventoryScope,
} from '@backup-posture/plugin-backup-posture-node';
import { storeDatabases, storeOn } from '../__testUtils__/storeDatabases';
import { PostureStore } from '../store/PostureStore';
import { scanProviders } from './scanProviders';

jest.setTimeout(60_000);

/**
 * A provider shaped unlike AWS and Azure (its own scope names, key ids and error codes), so the
 * loop is tested against a contract, not against what the built-in providers happen to do.
 */
interface Snap {
  scope: string;
  keys: string[];
}
interface Key {
  id: string;
  state?: string;
  error?: FactError;
  staleError?: FactError;
}

function fakeProvider(behaviour: {
  cloud: string;
  scopes: string[];
  concurrency: number;
  /** What reading a scope does: a snapshot, an error, or never answering. */
  read: (scope: string) => Snap | Error | 'hang';
  keyRead: (id: string) => Key;
  facts?: Record<string, unknown>;
  listErrors?: Array<{ scope: InventoryScope; error: FactError }>;
}) {
  const seen = {
    contexts: [] as Array<InventoryScanContext<string>>,
    scanned: [] as string[],
    inFlight: 0,
    maxInFlight: 0,
    fresh: [] as string[],
  };
  const scopeOf = (account: string): InventoryScope => ({
    cloud: behaviour.cloud as InventoryScope['cloud'],
    account,
    region: 'everywhere',
  });
  const provider: InventoryProvider<string, Snap, Key> = {
    cloud: behaviour.cloud as InventoryProvider['cloud'],
    mappingOf: () => undefined,
    keyIdOf: k => k.id,
    scopeLabel: s => `${behaviour.cloud} project ${s.account}`,
    toFactError: e => ({
      name: `Fake.${(e as Error).name}`,
      message: (e as Error).message,
    }),
    async startScan(context) {
      seen.contexts.push(context);
      return {
        concurrency: behaviour.concurrency,
        async listScopes() {
          return {
            scopes: behaviour.scopes.map(scopeOf),
            errors: behaviour.listErrors ?? [],
            ...(behaviour.facts ? { facts: behaviour.facts } : {}),
          };
        },
        async scanScope(scope) {
          seen.scanned.push(scope.account);
          seen.inFlight++;
          seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
          try {
            await new Promise(r => setTimeout(r, 20));
            const result = behaviour.read(scope.account);
            if (result === 'hang') return await new Promise<Snap>(() => {});
            if (result instanceof Error) throw result;
            return result;
          } finally {
            seen.inFlight--;
          }
        },
        async describeKeys(fresh) {
          seen.fresh.push(...fresh.map(f => f.scope.account));
          const ids = new Set(fresh.flatMap(f => f.snapshot.keys));
          return [...ids].map(behaviour.keyRead);
        },
        async readSharedFacts() {
          return { policy: { read: true } };
        },
      };
    },
    createIndex: () => ({
      scopeCount: 0,
      slice: () => ({ inventory: {}, scopes: [] }),
    }),
  };
  return { provider, seen };
}

async function runScan(
  store: PostureStore,
  providers: InventoryProvider[],
  scanId: string,
  startedAt: string,
) {
  const progress: Array<{ scopesTotal: number; scopesDone: number }> = [];
  const result = await scanProviders({
    providers,
    mappings: new Map([['gcp', ['mapping-1']]]),
    store: store.snapshots,
    logger: mockServices.logger.mock(),
    scan: { id: scanId, startedAt, signal: new AbortController().signal },
    scopeTimeoutMs: 300,
    onProgress: async p =>
      void progress.push({
        scopesTotal: p.scopesTotal,
        scopesDone: p.scopesDone,
      }),
    failScan: e => {
      throw e;
    },
  });
  return { result, progress };
}

describe('scanProviders: the scan loop, the same for any provider', () => {
  it.each(storeDatabases.eachSupportedId())(
    'stores each scope, keeps the last good snapshot and key of what failed, stale with the provider’s error (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      let failing = false;
      const { provider, seen } = fakeProvider({
        cloud: 'gcp',
        scopes: ['p1', 'p2', 'p3'],
        concurrency: 2,
        read: scope => {
          if (failing && scope === 'p2') {
            const e = new Error('permission denied on p2');
            e.name = 'PermissionDenied';
            return e;
          }
          if (failing && scope === 'p3') return 'hang';
          return { scope, keys: [`key-${scope}`] };
        },
        keyRead: id =>
          failing && id === 'key-p1'
            ? { id, error: { name: 'Unavailable', message: 'KMS down' } }
            : { id, state: failing ? 'DISABLED' : 'ENABLED' },
        facts: { projects: ['p1', 'p2', 'p3'] },
      });

      const first = await runScan(
        store,
        [provider],
        's1',
        '2026-12-01T00:00:00.000Z',
      );
      expect(first.result.errors).toEqual([]);
      expect(first.result.keyCounts).toEqual({ gcp: 3 });
      expect(first.progress[0]).toEqual({ scopesTotal: 3, scopesDone: 0 });
      expect(first.progress.at(-1)).toEqual({ scopesTotal: 3, scopesDone: 3 });
      // The provider's own concurrency bounds its scopes in flight.
      expect(seen.maxInFlight).toBeLessThanOrEqual(2);
      expect(seen.contexts[0].mappings).toEqual(['mapping-1']);
      expect(seen.contexts[0].facts).toEqual({});

      failing = true;
      const second = await runScan(
        store,
        [provider],
        's2',
        '2026-12-01T01:00:00.000Z',
      );
      // The facts of the first scan are handed back, by name, for the provider to fall back on.
      expect(seen.contexts[1].facts).toEqual({
        projects: ['p1', 'p2', 'p3'],
        policy: { read: true },
      });
      expect(second.result.errors).toEqual([
        {
          cloud: 'gcp',
          account: 'p2',
          region: 'everywhere',
          error: {
            name: 'Fake.PermissionDenied',
            message: 'permission denied on p2',
          },
        },
        {
          cloud: 'gcp',
          account: 'p3',
          region: 'everywhere',
          error: {
            name: 'ScopeTimeout',
            message:
              'gcp project p3 was not read within 300 ms (backupPosture.timeouts.scope)',
          },
        },
      ]);
      // Only the fresh snapshots name keys to describe.
      expect(seen.fresh.slice(3)).toEqual(['p1']);
      expect(second.result.keyErrors).toEqual([
        {
          cloud: 'gcp',
          key: 'key-p1',
          error: { name: 'Unavailable', message: 'KMS down' },
        },
      ]);

      const scopes = await store.snapshots.listScopes<Snap>('gcp');
      const byAccount = new Map(scopes.map(s => [s.status.account, s]));
      expect(byAccount.get('p1')?.status.state).toBe('ok');
      expect(byAccount.get('p2')?.status).toMatchObject({
        cloud: 'gcp',
        state: 'stale',
        lastSuccessAt: expect.any(String),
        error: {
          name: 'Fake.PermissionDenied',
          message: 'permission denied on p2',
        },
      });
      // The last good snapshot stays, for the entity to show marked stale.
      expect(byAccount.get('p2')?.snapshot).toEqual({
        scope: 'p2',
        keys: ['key-p2'],
      });
      expect(byAccount.get('p3')?.status).toMatchObject({
        state: 'stale',
        error: { name: 'ScopeTimeout' },
      });

      const keys = new Map(
        (await store.snapshots.listKeys<Key>('gcp')).map(k => [k.id, k]),
      );
      // A failed key read keeps the last good description, marked stale with the error.
      expect(keys.get('key-p1')).toMatchObject({
        state: 'ENABLED',
        staleError: { name: 'Unavailable', message: 'KMS down' },
        lastAttemptAt: expect.any(String),
        readAt: expect.any(String),
      });
      // Keys of scopes not read this time are left as they were (not described again).
      expect(keys.get('key-p2')).toMatchObject({ state: 'ENABLED' });
      expect(keys.get('key-p2')?.staleError).toBeUndefined();
      // Nothing of this provider is stored under another cloud.
      expect(await store.snapshots.listScopes('aws')).toEqual([]);
      expect(await store.snapshots.listKeys('aws')).toEqual([]);
    },
  );

  it('runs providers side by side, each scope once, listing errors reported with the scopes', async () => {
    const { store } = await storeOn('SQLITE_3');
    const a = fakeProvider({
      cloud: 'gcp',
      scopes: ['g1', 'g2', 'g3', 'g4'],
      concurrency: 1,
      read: scope => ({ scope, keys: [] }),
      keyRead: id => ({ id }),
      listErrors: [
        {
          scope: { cloud: 'gcp', account: 'org', region: 'global' },
          error: { name: 'OrgDenied', message: 'cannot list projects' },
        },
      ],
    });
    const b = fakeProvider({
      cloud: 'oci',
      scopes: ['o1', 'o2', 'o3'],
      concurrency: 3,
      read: scope => ({ scope, keys: [] }),
      keyRead: id => ({ id }),
    });
    const { result, progress } = await runScan(
      store,
      [a.provider, b.provider],
      's1',
      '2026-12-01T00:00:00.000Z',
    );
    expect(a.seen.scanned.sort()).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(b.seen.scanned.sort()).toEqual(['o1', 'o2', 'o3']);
    expect(a.seen.maxInFlight).toBe(1);
    expect(b.seen.maxInFlight).toBe(3);
    expect(progress[0]).toEqual({ scopesTotal: 7, scopesDone: 0 });
    expect(result.errors).toEqual([
      {
        cloud: 'gcp',
        account: 'org',
        region: 'global',
        error: { name: 'OrgDenied', message: 'cannot list projects' },
      },
    ]);
    expect(
      (await store.snapshots.listScopes('oci')).map(s => s.status.account),
    ).toEqual(['o1', 'o2', 'o3']);
  });
});
