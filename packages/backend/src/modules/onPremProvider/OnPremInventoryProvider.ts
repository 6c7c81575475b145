import { Entity } from '@backstage/catalog-model';
import {
  InventoryProvider,
  InventoryProviderScan,
  InventoryScope,
  ProviderMapping,
} from '@backup-posture/plugin-backup-posture-node';
import { OnPremInventoryIndex } from './OnPremInventoryIndex';
import { onPremLineage } from './onPremLineage';
import {
  ANNOTATION_ONPREM_JOBS,
  ONPREM_CLOUD,
  OnPremApplianceClient,
  OnPremMapping,
  OnPremSiteSnapshot,
  OnPremSlice,
} from './types';

const JOB_REF = /^([a-z0-9-]+)\/([A-Za-z0-9._-]+)$/;

/**
 * The example inventory provider: a third cloud, `onprem`, added by a backend module without
 * touching the plugin. Each site's appliance is a scope; the backend's scan loop reads them
 * (bounded, with the per-scope time limit), keeps a failed site's last good snapshot marked
 * stale, stores the snapshots and slices them per entity through {@link OnPremInventoryIndex}.
 */
export class OnPremInventoryProvider implements InventoryProvider<
  OnPremMapping,
  OnPremSiteSnapshot,
  never,
  OnPremSlice
> {
  readonly cloud = ONPREM_CLOUD;
  readonly lineage = onPremLineage;

  constructor(
    private readonly client: OnPremApplianceClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  mappingOf(entity: Entity): ProviderMapping<OnPremMapping> | undefined {
    const value = entity.metadata.annotations?.[ANNOTATION_ONPREM_JOBS];
    if (value === undefined) return undefined;
    const refs = value
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
    const bad = refs.filter(r => !JOB_REF.test(r));
    if (bad.length || !refs.length) {
      return {
        problems: [
          {
            annotation: ANNOTATION_ONPREM_JOBS,
            message: refs.length
              ? `not a site/job reference: ${bad.join(', ')}`
              : 'names no job: use site/job, comma-separated',
          },
        ],
      };
    }
    return {
      mapping: {
        jobs: refs.map(r => {
          const [, site, name] = JOB_REF.exec(r)!;
          return { site, name };
        }),
      },
      problems: [],
    };
  }

  keyIdOf(key: never): string {
    return key;
  }

  scopeLabel(scope: InventoryScope): string {
    return `on-premises site ${scope.account}`;
  }

  async startScan(): Promise<InventoryProviderScan<OnPremSiteSnapshot, never>> {
    const { client, clock } = this;
    return {
      concurrency: 2,
      async listScopes() {
        const sites = await client.listSites();
        return {
          scopes: sites.map(site => ({
            cloud: ONPREM_CLOUD,
            account: site,
            region: 'global',
          })),
          errors: [],
        };
      },
      async scanScope(scope, signal) {
        const jobs = await client.listJobs(scope.account, signal);
        return { collectedAt: clock().toISOString(), jobs };
      },
      // The appliance reports its keys with the jobs: nothing else to describe.
      async describeKeys() {
        return [];
      },
    };
  }

  createIndex(
    stored: ConstructorParameters<typeof OnPremInventoryIndex>[0],
  ): OnPremInventoryIndex {
    return new OnPremInventoryIndex(stored);
  }
}
