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
} from '../inventory';
import { KeyIndex, parseArn } from './classify';
import { PostureLimits } from './options';
import { selectionMatch, SelectionMatch } from './selection';

const EMPTY_AWS: AwsInventory = {
  resources: [],
  vaults: [],
  plans: [],
  recoveryPoints: [],
  copyJobs: [],
  keys: [],
};

/** A plan rule that protects a resource, with why it does. */
export interface ProtectingRule {
  plan: AwsBackupPlanFact;
  rule: AwsBackupRuleFact;
  match: SelectionMatch;
}

export class AwsContext {
  readonly aws: AwsInventory;
  readonly keys: KeyIndex;
  readonly present: boolean;
  private readonly vaultsByArn = new Map<string, AwsBackupVaultFact>();

  constructor(
    readonly inventory: EntityInventory,
    readonly now: Date,
    readonly limits: PostureLimits,
  ) {
    this.present =
      Boolean(inventory.aws) || inventory.scopes.some(s => s.cloud === 'aws');
    this.aws = inventory.aws ?? EMPTY_AWS;
    this.keys = new KeyIndex(this.aws.keys);
    for (const v of this.aws.vaults) this.vaultsByArn.set(v.arn, v);
  }

  vault(arn: string | undefined): AwsBackupVaultFact | undefined {
    return arn ? this.vaultsByArn.get(arn) : undefined;
  }

  vaultByName(
    name: string,
    account: string,
    region: string,
  ): AwsBackupVaultFact | undefined {
    return this.aws.vaults.find(
      v => v.name === name && v.accountId === account && v.region === region,
    );
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
    if (rule.targetLogicallyAirGappedBackupVaultArn) {
      return rule.targetLogicallyAirGappedBackupVaultArn;
    }
    return (
      this.vaultByName(rule.targetBackupVaultName, plan.accountId, plan.region)
        ?.arn ??
      `arn:aws:backup:${plan.region}:${plan.accountId}:backup-vault:${rule.targetBackupVaultName}`
    );
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
    return this.aws.resources.filter(
      r =>
        r.accountId === plan.accountId &&
        r.region === plan.region &&
        plan.selections.some(s => selectionMatch(s, r).selected),
    );
  }

  daysSince(iso: string | undefined): number | undefined {
    if (!iso) return undefined;
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return undefined;
    return (this.now.getTime() - t) / 86_400_000;
  }
}

export function describeError(error: FactError | undefined): string {
  return error ? `: ${error.name}: ${error.message}` : '';
}
