import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FactError,
  ScanProgress,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProvider,
  InventoryProviderScan,
  InventoryScope,
} from '@backup-posture/plugin-backup-posture-node';
import pLimit from 'p-limit';
import { factPrefix } from '../providers/PostureIndex';
import { SnapshotStore } from '../store/types';
import { ScanFence } from '../store/fence';
import { formatDuration, runWithSignal } from './callContext';
import { errorFact } from './factError';

/** What one scan of every provider reports (progress is reported as scopes finish). */
export interface ProvidersScanResult {
  errors: ScanProgress['errors'];
  keyErrors: NonNullable<ScanProgress['keyErrors']>;
  /** Keys described, by cloud. */
  keyCounts: Record<string, number>;
}

/** What the scan loop needs from the scan around it. */
export interface ProvidersScanContext {
  providers: readonly InventoryProvider[];
  /** Each provider's usable entity mappings, by cloud. */
  mappings: ReadonlyMap<string, unknown[]>;
  store: SnapshotStore;
  logger: LoggerService;
  scan: Exclude<ScanFence, string> & { signal: AbortSignal };
  scopeTimeoutMs: number;
  /** Called once every provider has listed its scopes, and after each scope. */
  onProgress(progress: {
    scopesTotal: number;
    scopesDone: number;
    errors: ScanProgress['errors'];
  }): Promise<void>;
  /** A database error: the scan's own failure, never a scope's. Throws. */
  failScan(e: unknown): never;
}

/** Settles with `work`, or rejects with the signal's reason as soon as it is aborted. */
async function untilAborted<T>(
  signal: AbortSignal,
  work: () => Promise<T>,
): Promise<T> {
  if (signal.aborted) throw signal.reason;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The scan loop, the same for every provider: list each provider's scopes; read each scope
 * (bounded by the provider's concurrency, providers side by side: different clouds, different
 * quotas) within its own time limit, storing its snapshot or, when it fails, keeping its last good
 * one marked stale with the error; then describe the keys the fresh snapshots name, storing each
 * (a failed read keeps its last good description, marked stale); then the provider's shared facts.
 */
export async function scanProviders(
  ctx: ProvidersScanContext,
): Promise<ProvidersScanResult> {
  const { providers, store, logger, scan, failScan } = ctx;
  const signal = scan.signal;
  const result: ProvidersScanResult = {
    errors: [],
    keyErrors: [],
    keyCounts: {},
  };
  let scopesTotal = 0;
  let scopesDone = 0;
  const progress = () =>
    ctx.onProgress({ scopesTotal, scopesDone, errors: result.errors });

  const started = await Promise.all(
    providers.map(async provider => {
      const facts = await store
        .listFacts(factPrefix(provider.cloud))
        .catch(failScan);
      const providerScan = await provider.startScan({
        signal,
        mappings: ctx.mappings.get(provider.cloud) ?? [],
        facts,
      });
      const list = await providerScan.listScopes();
      if (signal.aborted) throw signal.reason;
      await saveFacts(provider, list.facts).catch(failScan);
      for (const { scope, error } of list.errors)
        result.errors.push({
          cloud: scope.cloud,
          account: scope.account,
          region: scope.region,
          error,
        });
      scopesTotal += list.scopes.length;
      return { provider, providerScan, scopes: list.scopes };
    }),
  );
  await progress();

  async function saveFacts(
    provider: InventoryProvider,
    facts: Record<string, unknown> | undefined,
  ) {
    const at = new Date().toISOString();
    for (const [name, value] of Object.entries(facts ?? {}))
      await store.setFact(`${factPrefix(provider.cloud)}${name}`, value, at);
  }

  async function scanOne(
    provider: InventoryProvider,
    providerScan: InventoryProviderScan<unknown, any>,
    scope: InventoryScope,
  ): Promise<unknown | undefined> {
    if (signal.aborted) throw signal.reason;
    const at = new Date().toISOString();
    // The scope's own time limit; its calls in flight are aborted with it.
    const timeout = AbortSignal.timeout(ctx.scopeTimeoutMs);
    const scopeSignal = AbortSignal.any([signal, timeout]);
    let snapshot: unknown;
    let failure: FactError | undefined;
    try {
      snapshot = await runWithSignal(scopeSignal, () =>
        untilAborted(scopeSignal, () =>
          providerScan.scanScope(scope, scopeSignal),
        ),
      );
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      failure = timeout.aborted
        ? {
            name: 'ScopeTimeout',
            message: `${provider.scopeLabel(scope)} was not read within ${formatDuration(ctx.scopeTimeoutMs)} (backupPosture.timeouts.scope)`,
          }
        : (provider.toFactError ?? errorFact)(e);
    }
    if (failure) {
      logger.warn(
        `Backup posture scan of ${provider.scopeLabel(scope)} failed, keeping its last snapshot: ${failure.name}: ${failure.message}`,
      );
      result.errors.push({
        cloud: scope.cloud,
        account: scope.account,
        region: scope.region,
        error: failure,
      });
      await store.saveScopeFailure(scope, failure, scan, at).catch(failScan);
    } else {
      // A database error here is the scan's, never the scope's.
      await store.saveScopeSnapshot(scope, snapshot, scan, at).catch(failScan);
    }
    scopesDone++;
    await progress();
    return failure ? undefined : snapshot;
  }

  const keyErrors = await Promise.all(
    started.map(async ({ provider, providerScan, scopes }) => {
      const limit = pLimit(providerScan.concurrency);
      const fresh: Array<{ scope: InventoryScope; snapshot: unknown }> = [];
      await Promise.all(
        scopes.map(scope =>
          limit(async () => {
            const snapshot = await scanOne(provider, providerScan, scope);
            if (snapshot !== undefined) fresh.push({ scope, snapshot });
          }),
        ),
      );
      const lastGood = await store.listKeys(provider.cloud).catch(failScan);
      const keys = await runWithSignal(signal, () =>
        providerScan.describeKeys(fresh, lastGood as any[]),
      );
      if (signal.aborted) throw signal.reason;
      await store
        .saveKeys(
          provider.cloud,
          keys,
          k => provider.keyIdOf(k),
          scan,
          new Date().toISOString(),
        )
        .catch(failScan);
      result.keyCounts[provider.cloud] = keys.length;
      if (providerScan.readSharedFacts) {
        const facts = await providerScan.readSharedFacts();
        if (signal.aborted) throw signal.reason;
        await saveFacts(provider, facts).catch(failScan);
      }
      return keys.flatMap(k =>
        k.error
          ? [
              {
                cloud: provider.cloud,
                key: provider.keyIdOf(k),
                error: k.error,
              },
            ]
          : [],
      );
    }),
  );
  // In provider order, whichever finished first.
  result.keyErrors = keyErrors.flat();
  return result;
}
