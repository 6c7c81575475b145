import { Finding } from '../../../posture';
import { AwsCheck, finding } from '../types';
import { maxScheduleIntervalHours } from './schedule';

/** Plan rules run often enough and keep points long enough (configured minimums). */
export const planFrequencyRetention: AwsCheck = {
  definition: {
    id: 'plan-frequency-retention',
    title: 'Backup plans meet the minimum frequency and retention',
    cloud: 'aws',
    severity: 'medium',
    rules: [],
    equivalentControls: {
      backupAuditManager: ['BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK'],
      note: 'Audit Manager passes a plan with at least one compliant rule; this check evaluates every rule of the plans that protect the entity’s resources.',
    },
    description:
      'Each rule of the plans that protect the entity’s resources: the longest gap of `ScheduleExpression` (cron/rate) must not exceed the schedule limit (continuous backup satisfies it), and `Lifecycle.DeleteAfterDays` must be at least the minimum retention (no expiry passes).',
    remediation: {
      why: 'Infrequent backups mean large data loss (RPO); short retention means a problem found late (corruption, ransomware dwell time) has no clean point left to restore.',
      console: [
        'AWS Backup → Backup plans → the plan → edit the rule.',
        'Set the frequency (e.g. daily or every 12 hours) and the retention period to at least the minimum.',
      ],
      cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # ScheduleExpression "cron(0 3 * * ? *)", Lifecycle.DeleteAfterDays 35',
      terraform: [
        'rule {',
        '  rule_name         = "daily"',
        '  target_vault_name = aws_backup_vault.main.name',
        '  schedule          = "cron(0 3 * * ? *)"',
        '  lifecycle { delete_after = 35 }',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    const out: Finding[] = [];
    const { maxScheduleIntervalHours: maxHours, minRetentionDays } = ctx.limits;
    for (const plan of ctx.aws.plans) {
      if (ctx.resourcesProtectedBy(plan).length === 0) continue;
      for (const rule of plan.rules) {
        const subject = `${plan.planArn}#${rule.ruleName}`;
        const interval = maxScheduleIntervalHours(rule.scheduleExpression);
        const retention = rule.lifecycle?.deleteAfterDays;
        const evidence = {
          scheduleExpression: rule.scheduleExpression,
          enableContinuousBackup: rule.enableContinuousBackup,
          maxIntervalHours: interval,
          deleteAfterDays: retention ?? null,
          limitIntervalHours: maxHours,
          limitMinRetentionDays: minRetentionDays,
        };
        const problems: string[] = [];
        if (!rule.enableContinuousBackup) {
          if (interval === undefined) {
            out.push(
              finding(
                subject,
                'unknown',
                `schedule "${rule.scheduleExpression ?? 'none'}" could not be interpreted`,
                evidence,
              ),
            );
            continue;
          }
          if (interval > maxHours)
            problems.push(
              `runs every ${interval} h at worst (limit ${maxHours} h)`,
            );
        }
        if (
          retention !== undefined &&
          retention !== null &&
          retention < minRetentionDays
        ) {
          problems.push(
            `keeps points ${retention} days (minimum ${minRetentionDays})`,
          );
        }
        out.push(
          problems.length
            ? finding(subject, 'fail', problems.join('; '), evidence)
            : finding(
                subject,
                'pass',
                `${rule.enableContinuousBackup ? 'continuous' : `every ${interval} h`}, kept ${retention ?? 'forever'} days`,
                evidence,
              ),
        );
      }
    }
    return out;
  },
};
