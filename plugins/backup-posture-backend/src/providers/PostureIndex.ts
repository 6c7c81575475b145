import {
  EntityInventory,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProvider,
  InventoryProviderIndex,
} from '@backup-posture/plugin-backup-posture-node';
import { indexFingerprint } from '../posture/inputHash';
import { SnapshotStore } from '../store/types';
import { EntityMappings } from './entityMappings';

/** What an entity's inventory is made of, with the scopes it depends on. */
export interface EntitySlice {
  /** Each provider's field (`aws`, `azure`), present when the entity maps its cloud. */
  inventory: Partial<
    Omit<EntityInventory, 'entityRef' | 'scopes' | 'problems' | 'collectedAt'>
  >;
  scopes: ScopeStatus[];
  collectedAt?: string;
  /** Set when a provider's stored inventory cannot answer for these mappings yet (`covers`). */
  notCovered?: boolean;
}

/** The prefix of a provider's facts in the facts table (`aws.globalSettings`). */
export const factPrefix = (cloud: string) => `${cloud}.`;

/** Every provider's stored inventory, indexed once, sliced per entity. */
export class PostureIndex {
  constructor(
    private readonly parts: ReadonlyArray<{
      cloud: string;
      index: InventoryProviderIndex<unknown>;
    }>,
    /** What the index was built from (posture/inputHash.ts `indexFingerprint`), if known. */
    readonly fingerprint?: string,
  ) {}

  /** How many scopes of any provider have a status (none: postures are still `pending`). */
  get scopeCount(): number {
    return this.parts.reduce((n, p) => n + p.index.scopeCount, 0);
  }

  /** The inventory slice of one or more entities' mappings (several for systems and groups). */
  slice(mappings: readonly EntityMappings[]): EntitySlice {
    const slice: EntitySlice = { inventory: {}, scopes: [] };
    for (const { cloud, index } of this.parts) {
      const own = mappings.flatMap(m =>
        m.byCloud.has(cloud) ? [m.byCloud.get(cloud)] : [],
      );
      if (!own.length) continue;
      if (index.covers && !index.covers(own)) slice.notCovered = true;
      const part = index.slice(own);
      const { clouds, ...builtIn } = part.inventory;
      Object.assign(slice.inventory, builtIn);
      // Each module provider adds its own cloud's part: merged, never one replacing another.
      if (clouds)
        slice.inventory.clouds = { ...slice.inventory.clouds, ...clouds };
      slice.scopes.push(...part.scopes);
      if (
        part.collectedAt &&
        (!slice.collectedAt || part.collectedAt > slice.collectedAt)
      )
        slice.collectedAt = part.collectedAt;
    }
    return slice;
  }
}

/** Loads every provider's stored snapshots, keys and facts into one index. */
export async function loadPostureIndex(
  store: SnapshotStore,
  providers: readonly InventoryProvider[],
): Promise<PostureIndex> {
  const parts = await Promise.all(
    providers.map(async provider => {
      const [scopes, keys, facts] = await Promise.all([
        store.listScopes(provider.cloud),
        store.listKeys(provider.cloud),
        store.listFacts(factPrefix(provider.cloud)),
      ]);
      return {
        cloud: provider.cloud,
        index: provider.createIndex({ scopes, keys, facts }),
        fingerprint: indexFingerprint([provider.cloud, scopes, keys, facts]),
      };
    }),
  );
  return new PostureIndex(
    parts,
    indexFingerprint(parts.map(p => p.fingerprint)),
  );
}
