import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AzureKeyFact,
  AzureKeyVaultFact,
  encryptionPrincipalOf,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';
import pLimit from 'p-limit';
import { AzureConfig } from '../config';
import { formatDuration, runWithSignal } from '../scan/callContext';
import { PostureStore, ScanFence } from '../store/PostureStore';
import { AzureClientFactory } from './AzureClientFactory';
import { readKey } from './keyReader';
import { RoleAssignmentReader } from './roleAssignmentReader';
import { scanSubscription } from './subscriptionScanner';
import { AzureSubscriptionSnapshot, toAzureFactError } from './types';

/**
 * The Azure half of a scan: every configured subscription in parallel (bounded), keeping the last
 * good snapshot of one that fails, then each key URI met read once from Key Vault (with the
 * vault identities' role assignments when its key vault uses Azure RBAC).
 */
export class AzureScanner {
  constructor(
    private readonly deps: {
      config: AzureConfig;
      clients: AzureClientFactory;
      store: PostureStore;
      logger: LoggerService;
      /** `backupPosture.timeouts.scope`, for one subscription. */
      scopeTimeoutMs: number;
    },
  ) {}

  get subscriptionCount(): number {
    return this.deps.config.subscriptions.length;
  }

  /**
   * `scan.signal` stops every subscription (their calls in flight are aborted); each subscription
   * also has its own time limit (`timeouts.scope`). A database error goes to `failScan`: the
   * scan's own failure, never the subscription's.
   */
  async run(
    scan: Exclude<ScanFence, string>,
    onSubscriptionDone: (
      subscriptionId: string,
      error?: FactError,
    ) => Promise<void>,
    failScan: (e: unknown) => never = e => {
      throw e;
    },
  ): Promise<{
    keys: number;
    keyErrors: Array<{ key: string; error: FactError }>;
  }> {
    const { config, clients, store, logger, scopeTimeoutMs } = this.deps;
    const signal = scan.signal ?? new AbortController().signal;
    const fresh: AzureSubscriptionSnapshot[] = [];
    const limit = pLimit(config.concurrency.subscriptions);
    await Promise.all(
      config.subscriptions.map(({ subscriptionId }) =>
        limit(async () => {
          if (signal.aborted) throw signal.reason;
          const at = new Date().toISOString();
          const timeout = AbortSignal.timeout(scopeTimeoutMs);
          const subscriptionSignal = AbortSignal.any([signal, timeout]);
          let snapshot: AzureSubscriptionSnapshot | undefined;
          let error: FactError | undefined;
          try {
            snapshot = await runWithSignal(subscriptionSignal, () =>
              scanSubscription(subscriptionId, clients),
            );
          } catch (e) {
            if (signal.aborted) throw signal.reason;
            error = timeout.aborted
              ? {
                  name: 'ScopeTimeout',
                  message: `Azure subscription ${subscriptionId} was not read within ${formatDuration(scopeTimeoutMs)} (backupPosture.timeouts.scope)`,
                }
              : toAzureFactError(e);
          }
          if (snapshot) {
            fresh.push(snapshot);
            await store.snapshots
              .saveAzureSnapshot(snapshot, scan, at)
              .catch(failScan);
            await onSubscriptionDone(subscriptionId);
          } else {
            logger.warn(
              `Backup posture scan of Azure subscription ${subscriptionId} failed, keeping its last snapshot: ${error!.name}: ${error!.message}`,
            );
            await store.snapshots
              .saveAzureFailure(subscriptionId, error!, scan, at)
              .catch(failScan);
            await onSubscriptionDone(subscriptionId, error);
          }
        }),
      ),
    );

    const keys = await this.readKeys(fresh);
    if (signal.aborted) throw signal.reason;
    await store.snapshots
      .saveAzureKeys(keys, scan, new Date().toISOString())
      .catch(failScan);
    return {
      keys: keys.length,
      keyErrors: keys.flatMap(k =>
        k.error ? [{ key: k.keyUri, error: k.error }] : [],
      ),
    };
  }

  /**
   * Each key URI met, read once; for a key in an Azure RBAC key vault, also the role assignments
   * of the vault identities that use it.
   */
  private async readKeys(
    fresh: AzureSubscriptionSnapshot[],
  ): Promise<AzureKeyFact[]> {
    const { config, clients } = this.deps;
    const keyVaults = new Map<string, AzureKeyVaultFact>();
    const uses = new Map<string, { keyUri: string; principals: Set<string> }>();
    for (const s of fresh) {
      for (const kv of s.keyVaults) keyVaults.set(kv.name.toLowerCase(), kv);
      for (const v of s.vaults) {
        if (!v.keyUri) continue;
        const use = uses.get(v.keyUri.toLowerCase()) ?? {
          keyUri: v.keyUri,
          principals: new Set<string>(),
        };
        const principal = encryptionPrincipalOf(v);
        if (principal) use.principals.add(principal.toLowerCase());
        uses.set(v.keyUri.toLowerCase(), use);
      }
    }
    const roleAssignments = new RoleAssignmentReader(clients);
    const limit = pLimit(config.concurrency.keys);
    return Promise.all(
      [...uses.values()].map(({ keyUri, principals }) =>
        limit(async () => {
          const key = await readKey(keyUri, clients);
          const kv = keyVaults.get(key.keyVaultName.toLowerCase());
          if (!kv?.enableRbacAuthorization || !principals.size) return key;
          return {
            ...key,
            ...(await roleAssignments.forKey(kv, [...principals])),
          };
        }),
      ),
    );
  }
}
