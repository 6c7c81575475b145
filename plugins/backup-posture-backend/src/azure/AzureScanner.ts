import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AzureKeyFact,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';
import pLimit from 'p-limit';
import { AzureConfig } from '../config';
import { PostureStore } from '../store/PostureStore';
import { AzureClientFactory } from './AzureClientFactory';
import { readKey } from './keyReader';
import { scanSubscription } from './subscriptionScanner';
import { AzureSubscriptionSnapshot, toAzureFactError } from './types';

/**
 * The Azure half of a scan: every configured subscription in parallel (bounded), keeping the last
 * good snapshot of one that fails, then each key URI met read once from Key Vault.
 */
export class AzureScanner {
  constructor(
    private readonly deps: {
      config: AzureConfig;
      clients: AzureClientFactory;
      store: PostureStore;
      logger: LoggerService;
    },
  ) {}

  get subscriptionCount(): number {
    return this.deps.config.subscriptions.length;
  }

  async run(
    scanId: string,
    onSubscriptionDone: (
      subscriptionId: string,
      error?: FactError,
    ) => Promise<void>,
  ): Promise<{ keys: number }> {
    const { config, clients, store, logger } = this.deps;
    const fresh: AzureSubscriptionSnapshot[] = [];
    const limit = pLimit(config.concurrency.subscriptions);
    await Promise.all(
      config.subscriptions.map(({ subscriptionId }) =>
        limit(async () => {
          const at = new Date().toISOString();
          try {
            const snapshot = await scanSubscription(subscriptionId, clients);
            fresh.push(snapshot);
            await store.saveAzureSnapshot(snapshot, scanId, at);
            await onSubscriptionDone(subscriptionId);
          } catch (e) {
            const error = toAzureFactError(e);
            logger.warn(
              `Backup posture scan of Azure subscription ${subscriptionId} failed, keeping its last snapshot: ${error.name}: ${error.message}`,
            );
            await store.saveAzureFailure(subscriptionId, error, scanId, at);
            await onSubscriptionDone(subscriptionId, error);
          }
        }),
      ),
    );

    const keyUris = new Map<string, string>();
    for (const s of fresh) {
      for (const v of s.vaults) {
        if (v.keyUri) keyUris.set(v.keyUri.toLowerCase(), v.keyUri);
      }
    }
    const keyLimit = pLimit(config.concurrency.keys);
    const keys: AzureKeyFact[] = await Promise.all(
      [...keyUris.values()].map(uri => keyLimit(() => readKey(uri, clients))),
    );
    await store.saveAzureKeys(keys, scanId, new Date().toISOString());
    return { keys: keys.length };
  }
}
