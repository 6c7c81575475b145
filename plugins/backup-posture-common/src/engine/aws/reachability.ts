/**
 * What belongs to an entity, stated once: the facts reachable from its own resources. The backend
 * uses it to cut an entity's slice out of the whole estate, and the engine applies it again to the
 * inventory it is given, so no check can ever see a neighbour's plan, vault or recovery point.
 *
 * Reachable from a set of resources:
 * - the plans (in the resource's account and region) whose selections cover at least one of them
 *   (Resources, NotResources, ListOfTags, Conditions: {@link selectionMatch});
 * - the vaults those plans' rules target or copy to;
 * - their recovery points (in any vault, any account: copies keep the source's `ResourceArn`), the
 *   vaults that hold them and the vaults they were copied from;
 * - their copy jobs (read in any account, e.g. a second hop started in a central account) and the
 *   vaults those jobs copy from and to;
 * - restore access vaults derived from any of these vaults;
 * - the keys of all of these, with the keys a prediction may name: multi-region relatives of those
 *   keys, and the AWS-managed fallback keys (aws/rds, aws/ebs…) in each vault's account and region.
 */
import {
  AwsBackupPlanFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsInventory,
  AwsKmsKeyFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../../inventory';
import { parseArn, SOURCE_DEPENDENT_FALLBACK_ALIAS } from './classify';
import { selectionMatch } from './selection';

/** Look-ups over a body of facts: the whole estate (backend) or one inventory (engine). */
export interface AwsFactLookup {
  plansIn(account: string, region: string): readonly AwsBackupPlanFact[];
  vault(arn: string): AwsBackupVaultFact | undefined;
  /** Restore access vaults whose source is `vaultArn`. */
  restoreAccessVaultsOf(vaultArn: string): readonly AwsBackupVaultFact[];
  recoveryPointsOf(resourceArn: string): readonly AwsRecoveryPointFact[];
  copyJobsOf(resourceArn: string): readonly AwsCopyJobFact[];
  key(arn: string): AwsKmsKeyFact | undefined;
  keysIn(account: string, region: string): readonly AwsKmsKeyFact[];
}

/** The facts reachable from an entity's resources, and where evidence about them lives. */
export interface ReachableAws {
  resources: AwsResourceFact[];
  /** Plans whose selections cover at least one of the resources. */
  plans: AwsBackupPlanFact[];
  /**
   * Plans that name one of the resources (Resources or ListOfTags) but leave it out (NotResources,
   * a condition): they protect nothing of the entity and only explain why it is not protected.
   */
  excludingPlans: AwsBackupPlanFact[];
  vaults: AwsBackupVaultFact[];
  recoveryPoints: AwsRecoveryPointFact[];
  copyJobs: AwsCopyJobFact[];
  keys: AwsKmsKeyFact[];
  /**
   * Vault ARNs the entity's configuration or history names, found or not: a missing one whose
   * account and region could not be scanned makes the checks that need it unknown.
   */
  vaultArns: string[];
  /** `account/region` of every place evidence lies: resources, plans, named vaults. */
  scopeKeys: string[];
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** The ARN of the vault a rule names (an air-gapped target wins over the vault name). */
export function ruleTargetVaultArnOf(
  plan: Pick<AwsBackupPlanFact, 'accountId' | 'region'>,
  rule: {
    targetBackupVaultName: string;
    targetLogicallyAirGappedBackupVaultArn?: string;
  },
): string {
  return (
    rule.targetLogicallyAirGappedBackupVaultArn ??
    `arn:aws:backup:${plan.region}:${plan.accountId}:backup-vault:${rule.targetBackupVaultName}`
  );
}

/** Whether a plan names a resource in a selection and then leaves it out. */
export function planExcludes(
  plan: AwsBackupPlanFact,
  resource: AwsResourceFact,
): boolean {
  return (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: reachableFrom, the only caller, asks only about plans of the resource's own account and region (AWS Backup selects there only)
    plan.accountId === resource.accountId &&
    // Stryker disable next-line ConditionalExpression: as above
    plan.region === resource.region &&
    plan.selections.some(s => selectionMatch(s, resource).named)
  );
}

/** Whether a plan's selections cover a resource (same account and region, as AWS Backup requires). */
export function planCovers(
  plan: AwsBackupPlanFact,
  resource: AwsResourceFact,
): boolean {
  return (
    plan.accountId === resource.accountId &&
    plan.region === resource.region &&
    plan.selections.some(s => selectionMatch(s, resource).selected)
  );
}

function isMultiRegionRelative(a: AwsKmsKeyFact, b: AwsKmsKeyFact): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: never reached with one key twice: a key already reached is skipped before its relatives are looked for
  if (a.arn === b.arn) return false;
  if (a.replicaKeyArns?.includes(b.arn) || b.replicaKeyArns?.includes(a.arn))
    return true;
  const primaryA = a.primaryKeyArn ?? (a.multiRegion ? a.arn : undefined);
  const primaryB = b.primaryKeyArn ?? (b.multiRegion ? b.arn : undefined);
  if (primaryA && primaryA === primaryB) return true;
  return (
    a.keyId.startsWith('mrk-') &&
    a.keyId === b.keyId &&
    a.accountId === b.accountId
  );
}

const FALLBACK_ALIASES = new Set(
  Object.values(SOURCE_DEPENDENT_FALLBACK_ALIAS),
);

const scopeOfArn = (arn: string): string | undefined => {
  const parsed = parseArn(arn);
  return parsed?.account && parsed.region
    ? `${parsed.account}/${parsed.region}`
    : undefined;
};

/** Everything reachable from `resources` in `lookup` (see the module comment). */
export function reachableFrom(
  resources: readonly AwsResourceFact[],
  lookup: AwsFactLookup,
): ReachableAws {
  const plans = new Map<string, AwsBackupPlanFact>();
  const excluding = new Map<string, AwsBackupPlanFact>();
  const vaultArns = new Set<string>();
  const points = new Map<string, AwsRecoveryPointFact>();
  const jobs = new Map<string, AwsCopyJobFact>();
  const scopeKeys = new Set<string>();

  for (const r of resources) {
    scopeKeys.add(`${r.accountId}/${r.region}`);
    for (const plan of lookup.plansIn(r.accountId, r.region)) {
      const id =
        plan.planArn || `${plan.accountId}/${plan.region}/${plan.planId}`;
      if (plans.has(id)) continue;
      if (!planCovers(plan, r)) {
        if (planExcludes(plan, r)) excluding.set(id, plan);
        continue;
      }
      plans.set(id, plan);
      excluding.delete(id);
      for (const rule of plan.rules) {
        vaultArns.add(ruleTargetVaultArnOf(plan, rule));
        for (const c of rule.copyActions)
          vaultArns.add(c.destinationBackupVaultArn);
      }
    }
    for (const p of lookup.recoveryPointsOf(r.arn)) {
      points.set(p.recoveryPointArn, p);
      vaultArns.add(p.backupVaultArn);
      if (p.sourceBackupVaultArn) vaultArns.add(p.sourceBackupVaultArn);
    }
    for (const j of lookup.copyJobsOf(r.arn)) {
      jobs.set(`${j.accountId}/${j.region}/${j.copyJobId}`, j);
      vaultArns.add(j.sourceBackupVaultArn);
      vaultArns.add(j.destinationBackupVaultArn);
    }
  }

  const vaults = new Map<string, AwsBackupVaultFact>();
  const addVault = (arn: string) => {
    vaultArns.add(arn);
    const v = lookup.vault(arn);
    if (!v || vaults.has(v.arn)) return;
    vaults.set(v.arn, v);
    for (const r of lookup.restoreAccessVaultsOf(v.arn)) addVault(r.arn);
    for (const r of v.restoreAccessVaults ?? [])
      addVault(r.restoreAccessBackupVaultArn);
  };
  for (const arn of [...vaultArns]) addVault(arn);
  for (const arn of vaultArns) {
    const sk = scopeOfArn(arn);
    if (sk) scopeKeys.add(sk);
  }

  const keys = new Map<string, AwsKmsKeyFact>();
  const addKey = (arn: string | undefined) => {
    const k = arn ? lookup.key(arn) : undefined;
    if (k) keys.set(k.arn, k);
  };
  for (const v of vaults.values()) addKey(v.encryptionKeyArn);
  for (const p of points.values()) addKey(p.encryptionKeyArn);
  for (const j of jobs.values()) addKey(j.destinationEncryptionKeyArn);
  for (const r of resources) addKey(r.encryptionKeyArn);
  // Keys a prediction may name: the fallback AWS-managed keys where copies land (A4) and the
  // multi-region relatives of the keys already reached (A4's unused replica).
  const reachedKeys = [...keys.values()];
  for (const sk of scopeKeys) {
    const [account, region] = sk.split('/');
    for (const k of lookup.keysIn(account, region)) {
      // Stryker disable next-line ConditionalExpression: only saves work: a reached key is set again as itself, and is no relative of itself
      if (keys.has(k.arn)) continue;
      if (k.aliases.some(a => FALLBACK_ALIASES.has(a))) keys.set(k.arn, k);
      else if (reachedKeys.some(r => isMultiRegionRelative(r, k)))
        keys.set(k.arn, k);
    }
  }

  return {
    resources: [...resources],
    plans: [...plans.values()],
    excludingPlans: [...excluding.values()],
    vaults: [...vaults.values()],
    recoveryPoints: [...points.values()],
    copyJobs: [...jobs.values()],
    keys: [...keys.values()],
    vaultArns: [...vaultArns].sort(),
    scopeKeys: [...scopeKeys].sort(),
  };
}

/** Look-ups over one inventory's own facts (the engine's view). */
export function lookupOf(aws: AwsInventory): AwsFactLookup {
  const plansByScope = new Map<string, AwsBackupPlanFact[]>();
  const vaults = new Map<string, AwsBackupVaultFact>();
  const restoreVaults = new Map<string, AwsBackupVaultFact[]>();
  const points = new Map<string, AwsRecoveryPointFact[]>();
  const jobs = new Map<string, AwsCopyJobFact[]>();
  const keys = new Map<string, AwsKmsKeyFact>();
  const keysByScope = new Map<string, AwsKmsKeyFact[]>();
  for (const p of aws.plans)
    push(plansByScope, `${p.accountId}/${p.region}`, p);
  for (const v of aws.vaults) {
    vaults.set(v.arn, v);
    // Stryker disable next-line ConditionalExpression: a vault without a source would be filed under `undefined`, which no vault ARN looks up
    if (v.sourceBackupVaultArn) push(restoreVaults, v.sourceBackupVaultArn, v);
  }
  for (const p of aws.recoveryPoints) push(points, p.resourceArn, p);
  for (const j of aws.copyJobs) push(jobs, j.resourceArn, j);
  for (const k of aws.keys) {
    keys.set(k.arn, k);
    push(keysByScope, `${k.accountId}/${k.region}`, k);
  }
  return {
    plansIn: (account, region) =>
      // Stryker disable next-line ArrayDeclaration: an entry that is not a plan of the scope covers and names nothing
      plansByScope.get(`${account}/${region}`) ?? [],
    vault: arn => vaults.get(arn),
    restoreAccessVaultsOf: arn => restoreVaults.get(arn) ?? [],
    recoveryPointsOf: arn => points.get(arn) ?? [],
    copyJobsOf: arn => jobs.get(arn) ?? [],
    key: arn => keys.get(arn),
    keysIn: (account, region) => keysByScope.get(`${account}/${region}`) ?? [],
  };
}
