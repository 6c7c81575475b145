import { SeededRandom } from './random';
import { SimBackupPlan, SimBackupRule, SimBackupSelection } from './types';

/** A plan rule as a scenario writes it: ids are generated, copy actions and point ages default. */
export type PlanRuleSpec = Omit<
  SimBackupRule,
  'ruleId' | 'copyActions' | 'pointAgesDays'
> &
  Partial<Pick<SimBackupRule, 'copyActions' | 'pointAgesDays'>>;

/** A plan selection as a scenario writes it: only the name is required. */
export type PlanSelectionSpec = Partial<
  Omit<SimBackupSelection, 'selectionId' | 'creationDate'>
> & {
  selectionName: string;
};

/**
 * A backup plan with generated ids (plan, version, then each rule and each selection, in that
 * order from `rng`) and the defaults AWS fills in; `ago` turns days before now into a date.
 */
export function newBackupPlan(
  rng: SeededRandom,
  ago: (days: number) => string,
  accountId: string,
  region: string,
  name: string,
  rules: PlanRuleSpec[],
  selections: PlanSelectionSpec[],
): SimBackupPlan {
  const planId = rng.uuid();
  const plan: SimBackupPlan = {
    planId,
    arn: `arn:aws:backup:${region}:${accountId}:backup-plan:${planId}`,
    name,
    versionId: rng.hex(32),
    accountId,
    region,
    creationDate: ago(420),
    lastExecutionDate: ago(1),
    rules: rules.map(rule => ({
      ...rule,
      ruleId: rng.uuid(),
      copyActions: rule.copyActions ?? [],
      pointAgesDays: rule.pointAgesDays ?? [0, 1, 2],
    })),
    selections: selections.map(selection => ({
      selectionId: rng.uuid(),
      creationDate: ago(410),
      iamRoleArn: `arn:aws:iam::${accountId}:role/service-role/AWSBackupDefaultServiceRole`,
      resources: [],
      notResources: [],
      listOfTags: [],
      ...selection,
      conditions: {
        stringEquals: [],
        stringNotEquals: [],
        stringLike: [],
        stringNotLike: [],
        ...selection.conditions,
      },
    })),
  };
  return plan;
}
