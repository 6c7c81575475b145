import { AwsLifecycleFact } from '../../../inventory';
import { Finding } from '../../../posture';
import { supportsColdStorage } from '../../aws/classify';
import { copyActionsOf } from './copyActions';
import { AwsCheck, finding } from '../types';

/** B6: cold storage needs delete-after ≥ cold + 90 days, a type that supports it, and no cross-account copy. */
export const lifecycleColdStorageValid: AwsCheck = {
  definition: {
    id: 'lifecycle-cold-storage-valid',
    title: 'Cold storage lifecycles are valid',
    cloud: 'aws',
    severity: 'medium',
    rules: ['B6'],
    equivalentControls: {},
    description:
      'Every rule and copy action lifecycle with `MoveToColdStorageAfterDays`: `DeleteAfterDays` ≥ cold + 90, the selected resource types support cold storage, and cross-account copies do not use it.',
    remediation: {
      why: 'A recovery point in cold storage must stay there at least 90 days; cross-account copies do not support cold storage; types without cold storage ignore the setting. Invalid lifecycles are rejected or behave differently from what the plan says.',
      console: [
        'AWS Backup → Backup plans → the plan → edit the rule (or its copy action).',
        'Set "Retention period" to at least the cold transition + 90 days, or turn off "Move to cold storage".',
        'For cross-account copies, turn off cold storage on the copy.',
      ],
      cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # Lifecycle: {"MoveToColdStorageAfterDays":30,"DeleteAfterDays":120}',
      terraform: [
        'lifecycle {',
        '  cold_storage_after = 30',
        '  delete_after       = 120 # >= cold_storage_after + 90',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    const out: Finding[] = [];
    const judge = (
      subject: string,
      lifecycle: AwsLifecycleFact | undefined,
      types: string[],
      crossAccount: boolean,
    ) => {
      const cold = lifecycle?.moveToColdStorageAfterDays;
      const del = lifecycle?.deleteAfterDays;
      const evidence = {
        moveToColdStorageAfterDays: cold ?? null,
        deleteAfterDays: del ?? null,
        resourceTypes: types,
      };
      if (cold === undefined || cold === null) {
        out.push(
          finding(
            subject,
            'not-applicable',
            'no cold storage transition',
            evidence,
          ),
        );
        return;
      }
      const problems: string[] = [];
      if (del !== undefined && del !== null && del < cold + 90) {
        problems.push(
          `DeleteAfterDays ${del} < MoveToColdStorageAfterDays ${cold} + 90`,
        );
      }
      if (crossAccount)
        problems.push('cold storage is not supported for cross-account copies');
      if (problems.length) {
        out.push(finding(subject, 'fail', problems.join('; '), evidence));
        return;
      }
      const unsupported = types.filter(t => !supportsColdStorage(t));
      if (unsupported.length) {
        out.push(
          finding(
            subject,
            'warn',
            `${unsupported.join(', ')} do(es) not support cold storage: the setting is ignored for them`,
            evidence,
          ),
        );
        return;
      }
      out.push(
        finding(
          subject,
          'pass',
          `cold after ${cold} days, deleted after ${del ?? 'never'}`,
          evidence,
        ),
      );
    };
    for (const plan of ctx.aws.plans) {
      const types = [
        ...new Set(ctx.resourcesProtectedBy(plan).map(r => r.resourceType)),
      ].sort();
      for (const rule of plan.rules)
        judge(`${plan.planArn}#${rule.ruleName}`, rule.lifecycle, types, false);
    }
    for (const ref of copyActionsOf(ctx)) {
      const types = [...new Set(ref.resources.map(r => r.resourceType))].sort();
      judge(ref.subject, ref.action.lifecycle, types, ref.crossAccount);
    }
    return out;
  },
};
