import {
  AzureKeyFact,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
  parseKeyUri,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProviderIndex,
  InventorySlice,
} from '@backup-posture/plugin-backup-posture-node';
import { TagSelector } from '../aws/types';
import { EntityMapping, tagsMatch } from '../mapping/annotations';
import { StoredScopeRow } from '../store/types';
import { parseResourceId } from './mapFacts';
import { AzureSubscriptionSnapshot } from './types';

/**
 * Stored Azure subscription snapshots and keys, indexed once: vaults by id and tags, key vaults by
 * name (key URIs name the vault, not its subscription), keys by URI.
 */
export class AzureInventoryIndex implements InventoryProviderIndex<EntityMapping> {
  private readonly vaults = new Map<string, AzureRecoveryVaultFact>();
  private readonly keyVaults = new Map<string, AzureKeyVaultFact>();
  private readonly keys = new Map<string, AzureKeyFact>();
  private readonly status = new Map<string, ScopeStatus>();
  private readonly collectedAt = new Map<string, string>();
  /** Subscriptions whose key vault listing failed: a key vault missing there may just be unread. */
  private readonly keyVaultListErrors = new Map<string, string>();

  constructor(
    subscriptions: ReadonlyArray<StoredScopeRow<AzureSubscriptionSnapshot>>,
    keys: readonly AzureKeyFact[],
  ) {
    for (const k of keys) this.keys.set(k.keyUri.toLowerCase(), k);
    for (const { status, snapshot } of subscriptions) {
      this.status.set(status.account, status);
      if (!snapshot) continue;
      this.collectedAt.set(status.account, snapshot.collectedAt);
      for (const v of snapshot.vaults) this.vaults.set(v.id.toLowerCase(), v);
      for (const kv of snapshot.keyVaults)
        this.keyVaults.set(kv.name.toLowerCase(), kv);
      for (const e of snapshot.partialErrors) {
        this.keyVaultListErrors.set(
          status.account,
          `${e.operation} in subscription ${status.account} failed: ${e.error.name}: ${e.error.message}`,
        );
      }
    }
  }

  get scopeCount(): number {
    return this.status.size;
  }

  private byTags(selector: TagSelector): AzureRecoveryVaultFact[] {
    return [...this.vaults.values()].filter(v => tagsMatch(v.tags, selector));
  }

  /** The key vault a key URI names; when no scanned subscription lists it, a fact that says why. */
  private keyVaultOf(keyVaultName: string): AzureKeyVaultFact {
    const found = this.keyVaults.get(keyVaultName.toLowerCase());
    if (found) return found;
    const listErrors = [...this.keyVaultListErrors.values()];
    return {
      name: keyVaultName,
      error: listErrors.length
        ? { name: 'KeyVaultNotRead', message: listErrors.join('; ') }
        : {
            name: 'KeyVaultNotFound',
            message: `key vault ${keyVaultName} is in none of the scanned subscriptions: it was deleted, or its subscription is not configured`,
          },
    };
  }

  /** The entity's Azure part: its vaults, their key vaults and keys. */
  slice(mappings: readonly EntityMapping[]): InventorySlice {
    const vaults = new Map<string, AzureRecoveryVaultFact>();
    const unresolved = new Set<string>();
    let tagBased = false;
    for (const m of mappings) {
      for (const id of m.azureVaultIds) {
        const v = this.vaults.get(id);
        if (v) vaults.set(id, v);
        else unresolved.add(id);
      }
      if (m.azureTagSelector) {
        tagBased = true;
        for (const v of this.byTags(m.azureTagSelector))
          vaults.set(v.id.toLowerCase(), v);
      }
    }
    const subscriptions = new Set<string>();
    for (const v of vaults.values()) subscriptions.add(v.subscriptionId);
    for (const id of unresolved) {
      const sub = parseResourceId(id).subscriptionId;
      if (sub) subscriptions.add(sub);
    }
    const keyVaults = new Map<string, AzureKeyVaultFact>();
    const keys = new Map<string, AzureKeyFact>();
    for (const v of vaults.values()) {
      if (!v.keyUri) continue;
      const parts = parseKeyUri(v.keyUri);
      if (parts) {
        const kv = this.keyVaultOf(parts.keyVaultName);
        keyVaults.set(kv.name.toLowerCase(), kv);
        if (kv.subscriptionId) subscriptions.add(kv.subscriptionId);
      }
      const key = this.keys.get(v.keyUri.toLowerCase());
      if (key) keys.set(key.keyUri.toLowerCase(), key);
    }
    // A tag selector searched every subscription: a failed one may hide some of its vaults.
    const scopes = [...this.status.entries()]
      .filter(
        ([sub, s]) => subscriptions.has(sub) || (tagBased && s.state !== 'ok'),
      )
      .map(([, s]) => s);
    const collected = [...subscriptions]
      .map(s => this.collectedAt.get(s))
      .filter((x): x is string => Boolean(x))
      .sort();
    return {
      inventory: {
        azure: {
          vaults: [...vaults.values()],
          keyVaults: [...keyVaults.values()],
          keys: [...keys.values()],
          ...(unresolved.size ? { unresolvedVaultIds: [...unresolved] } : {}),
        },
      },
      scopes,
      ...(collected.length
        ? { collectedAt: collected[collected.length - 1] }
        : {}),
    };
  }
}
