import {
  AzureKeyFact,
  AzureKeyVaultFact,
  encryptionPrincipalOf,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProviderScan,
  InventoryScope,
  ScopeList,
} from '@backup-posture/plugin-backup-posture-node';
import pLimit from 'p-limit';
import { AzureConfig } from '../config';
import { runWithSignal } from '../scan/callContext';
import { AzureClientFactory } from './AzureClientFactory';
import { readKey } from './keyReader';
import { RoleAssignmentReader } from './roleAssignmentReader';
import { scanSubscription } from './subscriptionScanner';
import { AzureSubscriptionSnapshot } from './types';

/**
 * One Azure scan: every configured subscription read into a snapshot, then each key URI met read
 * once from Key Vault (with the vault identities' role assignments when its key vault uses Azure
 * RBAC).
 */
export class AzureScan implements InventoryProviderScan<
  AzureSubscriptionSnapshot,
  AzureKeyFact
> {
  constructor(
    /** Both absent when no subscription is configured: nothing is scanned. */
    private readonly deps: {
      config?: AzureConfig;
      clients?: AzureClientFactory;
    },
  ) {}

  get concurrency() {
    return this.deps.config?.concurrency.subscriptions ?? 1;
  }

  async listScopes(): Promise<ScopeList> {
    return {
      scopes: (this.deps.config?.subscriptions ?? []).map(s => ({
        cloud: 'azure',
        account: s.subscriptionId,
        region: 'global',
      })),
      errors: [],
    };
  }

  scanScope(
    scope: InventoryScope,
    signal: AbortSignal,
  ): Promise<AzureSubscriptionSnapshot> {
    const { clients } = this.deps;
    if (!clients) throw new Error('Azure is not configured');
    return runWithSignal(signal, () =>
      scanSubscription(scope.account, clients),
    );
  }

  /**
   * Each key URI met, read once; for a key in an Azure RBAC key vault, also the role assignments
   * of the vault identities that use it.
   */
  async describeKeys(
    fresh: ReadonlyArray<{ snapshot: AzureSubscriptionSnapshot }>,
  ): Promise<AzureKeyFact[]> {
    const { config, clients } = this.deps;
    if (!config || !clients) return [];
    const keyVaults = new Map<string, AzureKeyVaultFact>();
    const uses = new Map<string, { keyUri: string; principals: Set<string> }>();
    for (const { snapshot: s } of fresh) {
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
