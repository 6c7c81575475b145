/**
 * Read-only view over one entity's inventory, shared by lineage and checks: indexes, the scopes
 * that failed, the evaluation time and limits.
 */
import {
  AwsBackupPlanFact,
  AwsBackupRuleFact,
  AwsBackupVaultFact,
  AwsInventory,
  AwsResourceFact,
  EntityInventory,
  FactError,
} from '../../inventory';
import {
  EncryptionModel,
  encryptionModelOf,
  KeyIndex,
  parseArn,
} from './classify';
import { EvaluationClock } from '../clock';
import { PostureLimits } from '../options';
import { selectionMatch, SelectionMatch } from './selection';
import {
  lookupOf,
  planCovers,
  reachableFrom,
  ruleTargetVaultArnOf,
} from './reachability';
import {
  managementPreferenceOf,
  managementReasonOf,
  optInOf,
  OptInState,
  RegionSettingsRead,
  regionSettingsIn,
} from './regionSettings';

const EMPTY_AWS: AwsInventory = {
  resources: [],
  // Stryker disable ArrayDeclaration: with no resources nothing is reachable, so what these lists hold is never looked up
  vaults: [],
  plans: [],
  recoveryPoints: [],
  copyJobs: [],
  keys: [],
  // Stryker restore ArrayDeclaration
};

/** A vault the entity's plans, points or copy jobs name whose facts could not be read. @public */
export interface UnreadVault {
  arn: string;
  /** The failed (or never scanned) scope, in words. */
  reason: string;
  /** The vault type the references tell, when they do (an air-gapped rule target, a copy job). */
  vaultType?: string;
}

/** A plan rule that protects a resource, with why it does. @public */
export interface ProtectingRule {
  plan: AwsBackupPlanFact;
  rule: AwsBackupRuleFact;
  match: SelectionMatch;
}

/**
 * What AWS checks read: the entity's AWS inventory cut to what is reachable from its own
 * resources, indexes over it, the scopes that failed, the evaluation time and limits.
 *
 * @public
 */
export class AwsContext {
  readonly aws: AwsInventory;
  readonly keys: KeyIndex;
  readonly present: boolean;
  /** Every vault ARN the entity's plans, points and copy jobs name, whether its facts were read or not. */
  readonly namedVaultArns: readonly string[];
  /** Plans that name one of the entity's resources but leave it out (to explain why). */
  readonly excludingPlans: readonly AwsBackupPlanFact[];
  private readonly vaultsByArn = new Map<string, AwsBackupVaultFact>();
  /** Every comparison with the evaluation time goes through it (see {@link EvaluationClock}). */
  readonly clock: EvaluationClock;

  constructor(
    readonly inventory: EntityInventory,
    now: Date | EvaluationClock,
    readonly limits: PostureLimits,
  ) {
    this.clock =
      now instanceof EvaluationClock ? now : new EvaluationClock(now);
    this.present =
      Boolean(inventory.aws) || inventory.scopes.some(s => s.cloud === 'aws');
    // Only what is reachable from the entity's own resources takes part (./reachability.ts), even
    // when the inventory was given more: a neighbour's plan or vault never decides a verdict.
    const given = inventory.aws ?? EMPTY_AWS;
    const reachable = reachableFrom(given.resources, lookupOf(given));
    this.aws = {
      ...given,
      resources: reachable.resources,
      plans: reachable.plans,
      vaults: reachable.vaults,
      recoveryPoints: reachable.recoveryPoints,
      copyJobs: reachable.copyJobs,
      keys: reachable.keys,
    };
    // A6: only the region settings of the account × regions its own resources live in.
    if (given.regionSettings) {
      const homes = new Set(
        reachable.resources.map(r => `${r.accountId}/${r.region}`),
      );
      this.aws.regionSettings = given.regionSettings.filter(s =>
        homes.has(`${s.accountId}/${s.region}`),
      );
    }
    this.namedVaultArns = reachable.vaultArns;
    this.excludingPlans = reachable.excludingPlans;
    this.keys = new KeyIndex(this.aws.keys);
    for (const v of this.aws.vaults) this.vaultsByArn.set(v.arn, v);
  }

  vault(arn: string | undefined): AwsBackupVaultFact | undefined {
    return arn ? this.vaultsByArn.get(arn) : undefined;
  }

  /**
   * Why data of an account × region is missing: the scope (or the account's `global` scope)
   * failed. Dependent findings must become `unknown` with this reason.
   */
  scopeError(account: string, region: string): string | undefined {
    const scope = this.inventory.scopes.find(
      s =>
        s.cloud === 'aws' &&
        s.account === account &&
        (s.region === region || s.region === 'global') &&
        s.state === 'error',
    );
    if (!scope) return undefined;
    return `scan of account ${account} in ${scope.region} failed${describeError(scope.error)}`;
  }

  scopeErrorOfArn(arn: string): string | undefined {
    const parsed = parseArn(arn);
    return parsed ? this.scopeError(parsed.account, parsed.region) : undefined;
  }

  /** The target vault of a rule (a LAG vault ARN wins over the vault name when set). */
  ruleTargetVaultArn(plan: AwsBackupPlanFact, rule: AwsBackupRuleFact): string {
    return ruleTargetVaultArnOf(plan, rule);
  }

  /**
   * Vaults the entity depends on whose account × region could not be scanned (or was never
   * scanned): their checks are unknown, never a pass, a fail or not applicable.
   */
  unreadVaults(): UnreadVault[] {
    const typeOf = new Map<string, string>();
    for (const plan of this.aws.plans)
      for (const rule of plan.rules)
        // Stryker disable next-line ConditionalExpression: always setting only adds an `undefined` key, which no vault ARN looks up
        if (rule.targetLogicallyAirGappedBackupVaultArn)
          typeOf.set(
            rule.targetLogicallyAirGappedBackupVaultArn,
            'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
          );
    for (const j of this.aws.copyJobs)
      if (j.destinationVaultType)
        typeOf.set(j.destinationBackupVaultArn, j.destinationVaultType);
    for (const p of this.aws.recoveryPoints)
      if (p.vaultType) typeOf.set(p.backupVaultArn, p.vaultType);
    return this.namedVaultArns.flatMap(arn => {
      if (this.vault(arn)) return [];
      const reason = this.scopeErrorOfArn(arn);
      if (!reason) return [];
      const vaultType = typeOf.get(arn);
      return [{ arn, reason, ...(vaultType ? { vaultType } : {}) }];
    });
  }

  /** A6: the region settings of an account × region, or why they are not known. */
  regionSettings(account: string, region: string): RegionSettingsRead {
    return regionSettingsIn(
      this.aws.regionSettings,
      account,
      region,
      this.scopeError(account, region),
    );
  }

  /** A6: whether AWS Backup protects the resource's type in its account × region. */
  optInOf(resource: AwsResourceFact): OptInState {
    return optInOf(
      this.regionSettings(resource.accountId, resource.region),
      resource.resourceType,
    );
  }

  /**
   * A1 with A6: the resource's encryption model where it lives (DynamoDB follows
   * `ResourceTypeManagementPreference`), and why, for the types whose model a setting decides.
   */
  encryptionModelOf(
    resource: Pick<AwsResourceFact, 'resourceType' | 'accountId' | 'region'>,
  ): {
    model: EncryptionModel;
    reason?: string;
  } {
    const read = this.regionSettings(resource.accountId, resource.region);
    const reason = managementReasonOf(read, resource.resourceType);
    return {
      model: encryptionModelOf(
        resource.resourceType,
        managementPreferenceOf(read),
      ),
      ...(reason ? { reason } : {}),
    };
  }

  /** Plans in the resource's account and region whose selections pick the resource. */
  protectingRules(resource: AwsResourceFact): ProtectingRule[] {
    const out: ProtectingRule[] = [];
    for (const plan of this.aws.plans) {
      if (
        plan.accountId !== resource.accountId ||
        plan.region !== resource.region
      )
        continue;
      const match = plan.selections
        .map(s => selectionMatch(s, resource))
        .find(m => m.selected);
      if (!match) continue;
      for (const rule of plan.rules) out.push({ plan, rule, match });
    }
    return out;
  }

  /** All resources of the entity protected by a plan (for copy-action checks). */
  resourcesProtectedBy(plan: AwsBackupPlanFact): AwsResourceFact[] {
    return this.aws.resources.filter(r => planCovers(plan, r));
  }

  /**
   * The evaluation time. Compare facts' times through {@link AwsContext.clock} instead: read here,
   * the evaluation holds only for this instant (it is not reused later).
   */
  get now(): Date {
    this.clock.readDirectly();
    return this.clock.now;
  }

  /** Days since `iso`, read directly (see {@link AwsContext.now}); prefer `clock`. */
  daysSince(iso: string | undefined): number | undefined {
    const t = Date.parse(iso ?? '');
    if (Number.isNaN(t)) return undefined;
    return (this.now.getTime() - t) / 86_400_000;
  }
}

export function describeError(error: FactError | undefined): string {
  return error ? `: ${error.name}: ${error.message}` : '';
}
