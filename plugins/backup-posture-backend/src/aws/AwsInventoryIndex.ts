import {
  AwsBackupPlanFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsGlobalSettingsFact,
  AwsInventory,
  AwsKmsKeyFact,
  AwsOrganizationFact,
  AwsRecoveryPointFact,
  AwsRegionSettingsFact,
  AwsResourceFact,
  AwsFactLookup,
  reachableFrom,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { ScopeResource, TagSelector } from '../aws/types';
import {
  InventoryProviderIndex,
  InventorySlice,
} from '@backup-posture/plugin-backup-posture-node';
import { EntityMapping, tagsMatch } from '../mapping/annotations';
import { notScannedScope } from '../posture/notScannedScope';
import { StoredScopeRow } from '../store/types';
import { arnScope, resourceTypeFromArn } from './resourceTypes';
import { ScopeSnapshot, tagSelectorKey } from './types';

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

interface LocatedResource extends ScopeResource {
  accountId: string;
  region: string;
}

/**
 * All stored scope snapshots, indexed once so that each entity's inventory is a few map look-ups:
 * its resources (ARNs or tag selector) and what is reachable from them by the engine's rules
 * (`reachableFrom`: the plans that cover them, the vaults those plans and their recovery points
 * use, their copy jobs, the keys of all of these), never a neighbour's plan or vault.
 */
export class AwsInventoryIndex implements InventoryProviderIndex<EntityMapping> {
  private readonly resources = new Map<string, LocatedResource>();
  /** Resources already met in the scope that owns them (see the constructor). */
  private readonly ownScopeSeen = new Set<string>();
  private readonly pointsByResource = new Map<string, AwsRecoveryPointFact[]>();
  private readonly jobsByResource = new Map<string, AwsCopyJobFact[]>();
  private readonly plansByScope = new Map<string, AwsBackupPlanFact[]>();
  private readonly vaultsByArn = new Map<string, AwsBackupVaultFact>();
  private readonly restoreVaultsBySource = new Map<
    string,
    AwsBackupVaultFact[]
  >();
  private readonly scopeStatus = new Map<string, ScopeStatus>();
  private readonly scopeCollectedAt = new Map<string, string>();
  /** Region settings (A6) by scope, from the snapshots that read them. */
  private readonly regionSettingsByScope = new Map<
    string,
    AwsRegionSettingsFact
  >();
  private readonly keys = new Map<string, AwsKmsKeyFact>();
  private readonly keysByScope = new Map<string, AwsKmsKeyFact[]>();
  /** The tag selectors some stored scope was searched with; undefined for older snapshots. */
  private searchedTagSelectors?: Set<string>;

  constructor(
    scopes: ReadonlyArray<StoredScopeRow<ScopeSnapshot>>,
    keys: readonly AwsKmsKeyFact[],
    private readonly globalSettings?: AwsGlobalSettingsFact,
    private readonly organization?: AwsOrganizationFact,
  ) {
    for (const k of keys) {
      this.keys.set(k.arn, k);
      push(this.keysByScope, `${k.accountId}/${k.region}`, k);
    }
    for (const { status, snapshot } of scopes) {
      const sk = `${status.account}/${status.region}`;
      this.scopeStatus.set(sk, status);
      if (!snapshot) continue;
      this.scopeCollectedAt.set(sk, snapshot.collectedAt);
      if (snapshot.searchedTagSelectors) {
        this.searchedTagSelectors ??= new Set();
        for (const k of snapshot.searchedTagSelectors)
          this.searchedTagSelectors.add(k);
      }
      if (snapshot.regionSettings)
        this.regionSettingsByScope.set(sk, snapshot.regionSettings);
      // A resource is seen in every scope holding its points (copies too); its own scope is the
      // one its ARN names or, for ARNs that name none (S3), the one that tagged it, holds its
      // primary points or read its key. Its place and facts come from there, whatever the order
      // in which scopes are loaded.
      const primaries = new Set(
        snapshot.recoveryPoints
          .filter(p => !p.sourceBackupVaultArn)
          .map(p => p.resourceArn),
      );
      for (const r of snapshot.resources) {
        const old = this.resources.get(r.arn);
        const fromArn = arnScope(r.arn);
        const owns = fromArn.accountId
          ? fromArn.accountId === snapshot.accountId &&
            fromArn.region === snapshot.region
          : r.tags !== undefined ||
            primaries.has(r.arn) ||
            r.encryptionKeySource !== undefined;
        if (old && this.ownScopeSeen.has(r.arn) && !owns) {
          this.resources.set(r.arn, { ...r, ...old, tags: old.tags ?? r.tags });
          continue;
        }
        if (owns) this.ownScopeSeen.add(r.arn);
        this.resources.set(r.arn, {
          ...old,
          ...r,
          tags: r.tags ?? old?.tags,
          accountId: snapshot.accountId,
          region: snapshot.region,
        });
      }
      for (const p of snapshot.recoveryPoints)
        push(this.pointsByResource, p.resourceArn, p);
      for (const j of snapshot.copyJobs)
        push(this.jobsByResource, j.resourceArn, j);
      this.plansByScope.set(sk, snapshot.plans);
      for (const v of snapshot.vaults) {
        this.vaultsByArn.set(v.arn, v);
        if (v.sourceBackupVaultArn)
          push(this.restoreVaultsBySource, v.sourceBackupVaultArn, v);
      }
    }
  }

  /** Look-ups over the whole estate, for the engine's reachability rules (built once). */
  private readonly lookup: AwsFactLookup = {
    plansIn: (account, region) =>
      this.plansByScope.get(`${account}/${region}`) ?? [],
    vault: arn => this.vaultsByArn.get(arn),
    restoreAccessVaultsOf: arn => this.restoreVaultsBySource.get(arn) ?? [],
    recoveryPointsOf: arn => this.pointsByResource.get(arn) ?? [],
    copyJobsOf: arn => this.jobsByResource.get(arn) ?? [],
    key: arn => this.keys.get(arn),
    keysIn: (account, region) =>
      this.keysByScope.get(`${account}/${region}`) ?? [],
  };

  get scopeCount() {
    return this.scopeStatus.size;
  }

  /** False for a tag selector (annotated, not the default convention) no stored scan searched. */
  covers(mappings: readonly EntityMapping[]): boolean {
    const searched = this.searchedTagSelectors;
    if (!searched) return true;
    return mappings.every(
      m =>
        !m.tagSelector ||
        m.byDefaultConvention ||
        searched.has(tagSelectorKey(m.tagSelector)),
    );
  }

  /** The entity's AWS part: its resources and what is reachable from them. */
  slice(mappings: readonly EntityMapping[]): InventorySlice {
    const { aws, scopes, collectedAt } = this.awsSlice(mappings);
    return {
      inventory: { aws },
      scopes,
      ...(collectedAt ? { collectedAt } : {}),
    };
  }

  /** Resource ARNs matching a tag selector, in every scanned scope. */
  private byTags(selector: TagSelector): string[] {
    const out: string[] = [];
    for (const r of this.resources.values()) {
      if (tagsMatch(r.tags, selector)) out.push(r.arn);
    }
    return out;
  }

  private resourceFact(
    arn: string,
    matchedBy: 'arn' | 'tags',
  ): AwsResourceFact {
    const known = this.resources.get(arn);
    const points = this.pointsByResource.get(arn) ?? [];
    const fromArn = arnScope(arn);
    const fact: AwsResourceFact = {
      arn,
      resourceType:
        known?.resourceType ??
        points[0]?.resourceType ??
        resourceTypeFromArn(arn),
      accountId:
        fromArn.accountId || known?.accountId || points[0]?.accountId || '',
      region: fromArn.region || known?.region || points[0]?.region || '',
      tags: known?.tags ?? {},
      matchedBy,
    };
    if (known?.lastBackupTime) fact.lastBackupTime = known.lastBackupTime;
    if (known?.lastBackupVaultArn)
      fact.lastBackupVaultArn = known.lastBackupVaultArn;
    // The resource's own key as discovery read it (source describe calls), or why it could not.
    if (known?.encryptionKeyArn) fact.encryptionKeyArn = known.encryptionKeyArn;
    if (known?.encryptionKeySource)
      fact.encryptionKeySource = known.encryptionKeySource;
    if (known?.encryptionKeyError)
      fact.encryptionKeyError = known.encryptionKeyError;
    return fact;
  }

  private awsSlice(mappings: readonly EntityMapping[]): {
    aws: AwsInventory;
    scopes: ScopeStatus[];
    collectedAt?: string;
  } {
    const resources = new Map<string, AwsResourceFact>();
    let tagBased = false;
    for (const m of mappings) {
      for (const arn of m.arns)
        resources.set(arn, this.resourceFact(arn, 'arn'));
      if (m.tagSelector && Object.keys(m.tagSelector).length > 0) {
        tagBased = true;
        for (const arn of this.byTags(m.tagSelector)) {
          if (!resources.has(arn))
            resources.set(arn, this.resourceFact(arn, 'tags'));
        }
      }
    }

    const reached = reachableFrom([...resources.values()], this.lookup);
    const scopeKeys = new Set(reached.scopeKeys);
    // A tag selector searched every scope: any failed scope may hide some of its resources.
    const scopes = [...this.scopeStatus.entries()]
      .filter(([k, s]) => scopeKeys.has(k) || (tagBased && s.state !== 'ok'))
      .map(([, s]) => s);
    // Evidence in an account × region that was never scanned (a copy destination outside the
    // configured accounts or regions) is missing, not absent: say so, so checks answer unknown.
    for (const k of scopeKeys) {
      if (this.scopeStatus.has(k)) continue;
      const [account, region] = k.split('/');
      if (account && region) scopes.push(notScannedScope(account, region));
    }
    const collected = [...scopeKeys]
      .map(k => this.scopeCollectedAt.get(k))
      .filter((x): x is string => Boolean(x))
      .sort();

    const aws: AwsInventory = {
      resources: reached.resources,
      vaults: reached.vaults,
      // Plans that name a resource but leave it out explain why it is not protected.
      plans: [...reached.plans, ...reached.excludingPlans],
      recoveryPoints: reached.recoveryPoints,
      copyJobs: reached.copyJobs,
      keys: reached.keys,
      // A6: the region settings of the scopes its own resources live in, and only those; a scope
      // whose snapshot holds none (never read, or stored before they were) is left out: unknown.
      regionSettings: [
        ...new Set(reached.resources.map(r => `${r.accountId}/${r.region}`)),
      ]
        .sort()
        .flatMap(k => {
          const settings = this.regionSettingsByScope.get(k);
          return settings ? [settings] : [];
        }),
    };
    if (this.globalSettings) aws.globalSettings = this.globalSettings;
    if (this.organization) aws.organization = this.organization;
    return {
      aws,
      scopes,
      ...(collected.length
        ? { collectedAt: collected[collected.length - 1] }
        : {}),
    };
  }
}
