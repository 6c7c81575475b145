/**
 * Backup plans of test inventories: selections, rules, plans, and a plan that protects given
 * vaults.
 */
import {
  AwsBackupPlanFact,
  AwsBackupRuleFact,
  AwsBackupSelectionFact,
  AwsBackupVaultFact,
  AwsInventory,
} from '../../inventory';
import { PROD, TOKYO } from './ids';
import { resource } from './resources';

export function selection(
  extra: Partial<AwsBackupSelectionFact> = {},
): AwsBackupSelectionFact {
  return {
    selectionId: 'sel-1',
    selectionName: 'by-app-tag',
    iamRoleArn: 'arn:aws:iam::222222222222:role/backup',
    resources: [],
    notResources: [],
    listOfTags: [
      {
        conditionType: 'STRINGEQUALS',
        conditionKey: 'app',
        conditionValue: 'payments',
      },
    ],
    conditions: {
      stringEquals: [],
      stringNotEquals: [],
      stringLike: [],
      stringNotLike: [],
    },
    ...extra,
  };
}

export function rule(
  target: string,
  extra: Partial<AwsBackupRuleFact> = {},
): AwsBackupRuleFact {
  return {
    ruleId: `rule-${target}`,
    ruleName: 'daily',
    targetBackupVaultName: target,
    scheduleExpression: 'cron(0 3 * * ? *)',
    lifecycle: { deleteAfterDays: 35 },
    copyActions: [],
    ...extra,
  };
}

export function plan(
  account: string,
  region: string,
  rules: AwsBackupRuleFact[],
  selections: AwsBackupSelectionFact[] = [selection()],
  name = 'payments-plan',
): AwsBackupPlanFact {
  const planId = `${name}-${account}-${region}`;
  return {
    planId,
    planArn: `arn:aws:backup:${region}:${account}:backup-plan:${planId}`,
    planName: name,
    accountId: account,
    region,
    rules,
    selections,
  };
}

/**
 * Makes `vaults` the entity's (see engine/aws/reachability.ts): one S3 resource in PROD/TOKYO, selected
 * by a plan whose rules target the vaults of that account and region and copy to the others.
 * Restore access vaults need no rule: they belong to the entity through their source vault.
 */
export function protecting(
  ...vaults: AwsBackupVaultFact[]
): Pick<AwsInventory, 'resources' | 'plans'> {
  const res = resource('S3', PROD, TOKYO, 'payments-data');
  const eligible = vaults.filter(
    v => v.vaultType !== 'RESTORE_ACCESS_BACKUP_VAULT',
  );
  const local = eligible.filter(
    v => v.accountId === PROD && v.region === TOKYO,
  );
  const remote = eligible.filter(v => !local.includes(v));
  const rules = local.map(v =>
    v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
      ? rule(v.name, { targetLogicallyAirGappedBackupVaultArn: v.arn })
      : rule(v.name),
  );
  if (rules.length === 0) rules.push(rule('Default'));
  rules[0].copyActions = remote.map(v => ({
    destinationBackupVaultArn: v.arn,
  }));
  return {
    resources: [res],
    plans: [plan(PROD, TOKYO, rules, [selection()], 'protecting-plan')],
  };
}
