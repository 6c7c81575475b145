import { ScopeStatus } from '@backup-posture/plugin-backup-posture-common';
import {
  InventoryProviderIndex,
  InventorySlice,
  StoredInventory,
} from '@backup-posture/plugin-backup-posture-node';
import {
  ONPREM_CLOUD,
  OnPremJob,
  OnPremMapping,
  OnPremSiteSnapshot,
  OnPremSlice,
} from './types';

/** A site no scan has read: its jobs' checks answer unknown with this reason. */
const notScanned = (site: string): ScopeStatus => ({
  cloud: ONPREM_CLOUD,
  account: site,
  region: 'global',
  state: 'error',
  error: {
    name: 'NotScanned',
    message: `site ${site} is not among the sites the on-premises provider scans`,
  },
});

/** The stored site snapshots, indexed by site and job for slicing per entity. */
export class OnPremInventoryIndex implements InventoryProviderIndex<OnPremMapping> {
  private readonly status = new Map<string, ScopeStatus>();
  private readonly jobs = new Map<string, OnPremJob>();
  private readonly collectedAt = new Map<string, string>();

  constructor(stored: StoredInventory<OnPremSiteSnapshot, never>) {
    for (const { status, snapshot } of stored.scopes) {
      this.status.set(status.account, status);
      if (!snapshot) continue;
      this.collectedAt.set(status.account, snapshot.collectedAt);
      for (const job of snapshot.jobs)
        this.jobs.set(`${status.account}/${job.name}`, job);
    }
  }

  get scopeCount(): number {
    return this.status.size;
  }

  slice(mappings: readonly OnPremMapping[]): InventorySlice {
    const slice: OnPremSlice = { jobs: [] };
    const sites = new Set<string>();
    for (const { site, name } of mappings.flatMap(m => m.jobs)) {
      sites.add(site);
      const job = this.jobs.get(`${site}/${name}`);
      slice.jobs.push(job ? { site, name, job } : { site, name });
      if (job?.copyToSite) sites.add(job.copyToSite);
    }
    const collected = [...sites]
      .map(s => this.collectedAt.get(s))
      .filter((t): t is string => Boolean(t))
      .sort();
    return {
      inventory: { clouds: { [ONPREM_CLOUD]: slice } },
      scopes: [...sites].sort().map(s => this.status.get(s) ?? notScanned(s)),
      ...(collected.length
        ? { collectedAt: collected[collected.length - 1] }
        : {}),
    };
  }
}
