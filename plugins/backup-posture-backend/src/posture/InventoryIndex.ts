import {
  AwsBackupPlanFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsGlobalSettingsFact,
  AwsInventory,
  AwsKmsKeyFact,
  AwsOrganizationFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
  AzureInventory,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { ScopeResource, TagSelector } from '../discovery/types';
import {
  EntityMapping,
  mapsAws,
  mapsAzure,
  tagsMatch,
} from '../mapping/annotations';
import { AzureInventoryIndex } from './AzureInventoryIndex';
import { StoredScope } from '../store/types';
import { arnScope, resourceTypeFromArn } from './resourceTypes';

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

interface LocatedResource extends ScopeResource {
  accountId: string;
  region: string;
}

/** What an entity's inventory is made of, with the scopes it depends on. */
export interface EntitySlice {
  /** Present when the entity maps AWS resources. */
  aws?: AwsInventory;
  /** Present when the entity maps Azure vaults. */
  azure?: AzureInventory;
  scopes: ScopeStatus[];
  collectedAt?: string;
}

/**
 * All stored scope snapshots, indexed once so that each entity's inventory is a few map look-ups:
 * its resources (ARNs or tag selector), their recovery points in any vault, the plans of their
 * account × region, the vaults those plans and points use, copy jobs and every key referenced.
 */
export class InventoryIndex {
  private readonly resources = new Map<string, LocatedResource>();
  private readonly pointsByResource = new Map<string, AwsRecoveryPointFact[]>();
  private readonly jobsByResource = new Map<string, AwsCopyJobFact[]>();
  private readonly plansByScope = new Map<string, AwsBackupPlanFact[]>();
  private readonly vaultsByArn = new Map<string, AwsBackupVaultFact>();
  private readonly vaultsByScopeName = new Map<string, AwsBackupVaultFact>();
  private readonly restoreVaultsBySource = new Map<
    string,
    AwsBackupVaultFact[]
  >();
  private readonly scopeStatus = new Map<string, ScopeStatus>();
  private readonly scopeCollectedAt = new Map<string, string>();
  private readonly keys = new Map<string, AwsKmsKeyFact>();

  constructor(
    scopes: StoredScope[],
    keys: AwsKmsKeyFact[],
    private readonly globalSettings?: AwsGlobalSettingsFact,
    private readonly organization?: AwsOrganizationFact,
    private readonly azure: AzureInventoryIndex = new AzureInventoryIndex(
      [],
      [],
    ),
  ) {
    for (const k of keys) this.keys.set(k.arn, k);
    for (const { status, snapshot } of scopes) {
      const sk = `${status.account}/${status.region}`;
      this.scopeStatus.set(sk, status);
      if (!snapshot) continue;
      this.scopeCollectedAt.set(sk, snapshot.collectedAt);
      for (const r of snapshot.resources) {
        const old = this.resources.get(r.arn);
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
        this.vaultsByScopeName.set(`${sk}/${v.name}`, v);
        if (v.sourceBackupVaultArn)
          push(this.restoreVaultsBySource, v.sourceBackupVaultArn, v);
      }
    }
  }

  get scopeCount() {
    return this.scopeStatus.size + this.azure.scopeCount;
  }

  get allScopes(): ScopeStatus[] {
    return [...this.scopeStatus.values(), ...this.azure.allScopes];
  }

  /** The inventory slice of one or more mappings (several for systems and groups). */
  slice(mappings: EntityMapping[]): EntitySlice {
    const awsMappings = mappings.filter(mapsAws);
    const azureMappings = mappings.filter(mapsAzure);
    const aws = awsMappings.length ? this.awsSlice(awsMappings) : undefined;
    const azure = azureMappings.length
      ? this.azure.slice(azureMappings)
      : undefined;
    const collected = [
      ...(aws?.collectedAt ? [aws.collectedAt] : []),
      ...(azure?.collectedAt ?? []),
    ].sort();
    return {
      ...(aws ? { aws: aws.aws } : {}),
      ...(azure ? { azure: azure.azure } : {}),
      scopes: [...(aws?.scopes ?? []), ...(azure?.scopes ?? [])],
      ...(collected.length
        ? { collectedAt: collected[collected.length - 1] }
        : {}),
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
    return fact;
  }

  private awsSlice(mappings: EntityMapping[]): {
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

    const points = new Map<string, AwsRecoveryPointFact>();
    const jobs = new Map<string, AwsCopyJobFact>();
    const plans = new Map<string, AwsBackupPlanFact>();
    const vaults = new Map<string, AwsBackupVaultFact>();
    const scopeKeys = new Set<string>();
    const addVault = (v?: AwsBackupVaultFact) => {
      if (!v || vaults.has(v.arn)) return;
      vaults.set(v.arn, v);
      scopeKeys.add(`${v.accountId}/${v.region}`);
      for (const r of this.restoreVaultsBySource.get(v.arn) ?? []) addVault(r);
      for (const r of v.restoreAccessVaults ?? []) {
        addVault(this.vaultsByArn.get(r.restoreAccessBackupVaultArn));
      }
    };

    for (const r of resources.values()) {
      const sk = `${r.accountId}/${r.region}`;
      scopeKeys.add(sk);
      for (const p of this.pointsByResource.get(r.arn) ?? []) {
        points.set(p.recoveryPointArn, p);
        addVault(this.vaultsByArn.get(p.backupVaultArn));
      }
      for (const j of this.jobsByResource.get(r.arn) ?? []) {
        jobs.set(`${j.accountId}/${j.region}/${j.copyJobId}`, j);
      }
      // The engine decides which selections cover the resource; it gets its scope's plans.
      for (const plan of this.plansByScope.get(sk) ?? []) {
        if (plans.has(plan.planArn || plan.planId)) continue;
        plans.set(plan.planArn || plan.planId, plan);
        for (const rule of plan.rules) {
          addVault(
            this.vaultsByScopeName.get(`${sk}/${rule.targetBackupVaultName}`),
          );
          if (rule.targetLogicallyAirGappedBackupVaultArn) {
            addVault(
              this.vaultsByArn.get(rule.targetLogicallyAirGappedBackupVaultArn),
            );
          }
          for (const c of rule.copyActions) {
            addVault(this.vaultsByArn.get(c.destinationBackupVaultArn));
          }
        }
      }
    }

    const keyArns = new Set<string>();
    for (const v of vaults.values())
      if (v.encryptionKeyArn) keyArns.add(v.encryptionKeyArn);
    for (const p of points.values())
      if (p.encryptionKeyArn) keyArns.add(p.encryptionKeyArn);
    for (const j of jobs.values()) {
      if (j.destinationEncryptionKeyArn)
        keyArns.add(j.destinationEncryptionKeyArn);
    }
    for (const r of resources.values())
      if (r.encryptionKeyArn) keyArns.add(r.encryptionKeyArn);
    const keys = [...keyArns].flatMap(arn => {
      const k = this.keys.get(arn);
      return k ? [k] : [];
    });

    // A tag selector searched every scope: any failed scope may hide some of its resources.
    const scopes = [...this.scopeStatus.entries()]
      .filter(([k, s]) => scopeKeys.has(k) || (tagBased && s.state !== 'ok'))
      .map(([, s]) => s);
    const collected = [...scopeKeys]
      .map(k => this.scopeCollectedAt.get(k))
      .filter((x): x is string => Boolean(x))
      .sort();

    const aws: AwsInventory = {
      resources: [...resources.values()],
      vaults: [...vaults.values()],
      plans: [...plans.values()],
      recoveryPoints: [...points.values()],
      copyJobs: [...jobs.values()],
      keys,
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
