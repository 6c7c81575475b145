import {
  AwsBackupPlanFact,
  AwsBackupRuleFact,
  AwsCopyActionFact,
  AwsResourceFact,
} from '../../../inventory';
import { parseArn } from '../../aws/classify';
import { AwsContext } from '../../aws/context';

/** One copy action of one plan rule, with the entity's resources the plan protects. */
export interface CopyActionRef {
  plan: AwsBackupPlanFact;
  rule: AwsBackupRuleFact;
  action: AwsCopyActionFact;
  sourceVaultArn: string;
  resources: AwsResourceFact[];
  crossAccount: boolean;
  destAccount: string;
  destRegion: string;
  subject: string;
}

/** Every copy action of the entity's plans. */
export function copyActionsOf(ctx: AwsContext): CopyActionRef[] {
  const out: CopyActionRef[] = [];
  for (const plan of ctx.aws.plans) {
    const resources = ctx.resourcesProtectedBy(plan);
    for (const rule of plan.rules) {
      for (const action of rule.copyActions) {
        const dest = parseArn(action.destinationBackupVaultArn);
        const destAccount = dest?.account ?? 'unknown';
        const destRegion = dest?.region ?? 'unknown';
        out.push({
          plan,
          rule,
          action,
          sourceVaultArn: ctx.ruleTargetVaultArn(plan, rule),
          resources,
          crossAccount: destAccount !== plan.accountId,
          destAccount,
          destRegion,
          subject: `${plan.planArn}#${rule.ruleName} → ${action.destinationBackupVaultArn}`,
        });
      }
    }
  }
  return out;
}
