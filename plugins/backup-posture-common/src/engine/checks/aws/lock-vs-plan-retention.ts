import { AwsLifecycleFact } from '../../../inventory';
import { Finding } from '../../../posture';
import { copyActionsOf } from './copyActions';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

/** C1: a rule's / copy's retention must fall within the target vault lock's min/max retention. */
export const lockVsPlanRetention: AwsCheck = alsoUnreadVaults({
  definition: {
    id: 'lock-vs-plan-retention',
    title: 'Plan retention fits the target vault lock',
    cloud: 'aws',
    severity: 'high',
    rules: ['C1'],
    equivalentControls: {},
    description:
      'Each rule’s and copy action’s `DeleteAfterDays` against the target vault’s `MinRetentionDays` / `MaxRetentionDays`. No `DeleteAfterDays` (keep forever) breaks a maximum. Predicts jobs that will fail.',
    remediation: {
      why: 'A locked vault refuses recovery points whose retention is outside its lock range: the backup or copy job fails and no point is stored.',
      console: [
        'AWS Backup → Backup plans → the plan → edit the rule or copy action.',
        'Set the retention within the vault lock’s minimum and maximum (shown in the finding evidence).',
      ],
      cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # Lifecycle.DeleteAfterDays within the lock range',
      terraform: [
        'rule {',
        '  # ...',
        '  lifecycle { delete_after = 35 } # >= vault min_retention_days, <= max_retention_days',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    const out: Finding[] = [];
    const judge = (
      subject: string,
      vaultArn: string,
      lifecycle: AwsLifecycleFact | undefined,
    ) => {
      const vault = ctx.vault(vaultArn);
      const del = lifecycle?.deleteAfterDays;
      if (!vault) {
        const why =
          ctx.scopeErrorOfArn(vaultArn) ?? 'target vault not discovered';
        out.push(
          finding(subject, 'unknown', why, {
            vaultArn,
            deleteAfterDays: del ?? null,
          }),
        );
        return;
      }
      const min = vault.minRetentionDays;
      const max = vault.maxRetentionDays;
      const evidence = {
        vaultArn,
        deleteAfterDays: del ?? null,
        minRetentionDays: min,
        maxRetentionDays: max,
      };
      if (
        !vault.locked &&
        vault.vaultType !== 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
      ) {
        out.push(
          finding(
            subject,
            vault.locked === undefined ? 'unknown' : 'not-applicable',
            vault.locked === undefined
              ? 'lock state not reported'
              : 'target vault is not locked',
            evidence,
          ),
        );
        return;
      }
      if (min !== undefined && del !== undefined && del !== null && del < min) {
        out.push(
          finding(
            subject,
            'fail',
            `retention ${del} days is below the lock minimum ${min}`,
            evidence,
          ),
        );
      } else if (max !== undefined && (del === undefined || del === null)) {
        out.push(
          finding(
            subject,
            'fail',
            `no expiry (keep forever) exceeds the lock maximum ${max} days`,
            evidence,
          ),
        );
      } else if (max !== undefined && del !== undefined && del > max) {
        out.push(
          finding(
            subject,
            'fail',
            `retention ${del} days exceeds the lock maximum ${max}`,
            evidence,
          ),
        );
      } else {
        out.push(
          finding(
            subject,
            'pass',
            `retention ${del ?? 'forever'} within the lock range ${min ?? 0}–${max ?? '∞'}`,
            evidence,
          ),
        );
      }
    };
    for (const plan of ctx.aws.plans) {
      for (const rule of plan.rules) {
        judge(
          `${plan.planArn}#${rule.ruleName}`,
          ctx.ruleTargetVaultArn(plan, rule),
          rule.lifecycle,
        );
      }
    }
    for (const ref of copyActionsOf(ctx)) {
      judge(
        ref.subject,
        ref.action.destinationBackupVaultArn,
        ref.action.lifecycle,
      );
    }
    return out;
  },
});
