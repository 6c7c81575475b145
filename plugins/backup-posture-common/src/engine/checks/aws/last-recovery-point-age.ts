import { instantWords } from '../../clock';
import { AwsCheck, finding } from '../types';

/** The newest recovery point of each resource is within the configured age limit. */
export const lastRecoveryPointAge: AwsCheck = {
  definition: {
    id: 'last-recovery-point-age',
    title: 'Resources have a recent recovery point',
    cloud: 'aws',
    severity: 'high',
    rules: [],
    equivalentControls: {
      backupAuditManager: ['BACKUP_LAST_RECOVERY_POINT_CREATED'],
    },
    description:
      'Per resource, the newest completed recovery point’s `CreationDate` (or `LastBackupTime` from `ListProtectedResources`) must be younger than the recovery point age limit.',
    remediation: {
      why: 'A plan that exists but does not run (disabled role, failed jobs, wrong selection) leaves you with an old restore point and a large data loss.',
      console: [
        'AWS Backup → Jobs → Backup jobs → filter by the resource; read the failure reason.',
        'Check the plan’s schedule and the selection’s IAM role; run an on-demand backup to confirm.',
      ],
      cli: [
        'aws backup list-backup-jobs --by-resource-arn <arn> --query "BackupJobs[0].{state:State,msg:StatusMessage}"',
        'aws backup start-backup-job --backup-vault-name <vault> --resource-arn <arn> --iam-role-arn <role-arn>',
      ].join('\n'),
      terraform:
        '# Check aws_backup_plan rule.schedule and aws_backup_selection.iam_role_arn.',
    },
  },
  evaluate({ ctx }) {
    const limitHours = ctx.limits.maxRecoveryPointAgeHours;
    return ctx.aws.resources.map(resource => {
      const newestPoint = ctx.aws.recoveryPoints
        .filter(
          p =>
            p.resourceArn === resource.arn &&
            (p.status === 'COMPLETED' || p.status === 'AVAILABLE'),
        )
        .map(p => p.creationDate)
        .sort()
        .pop();
      const newest = [newestPoint, resource.lastBackupTime]
        .filter((x): x is string => Boolean(x))
        .sort()
        .pop();
      const evidence = {
        newestRecoveryPoint: newestPoint,
        lastBackupTime: resource.lastBackupTime,
        maxAgeHours: limitHours,
      };
      const scopeError = ctx.scopeError(resource.accountId, resource.region);
      if (!newest) {
        return scopeError
          ? finding(
              resource.arn,
              'unknown',
              `no recovery point seen, data missing: ${scopeError}`,
              evidence,
            )
          : finding(resource.arn, 'fail', 'no recovery point found', evidence);
      }
      // Reasons say when, not how long ago: they hold until the verdict turns (validUntil).
      const tooOld =
        ctx.clock.isOlderThan(newest, limitHours * 3_600_000) ?? true;
      const when = instantWords(newest);
      if (!tooOld)
        return finding(
          resource.arn,
          'pass',
          `newest recovery point from ${when}, within ${limitHours} h`,
          evidence,
        );
      return scopeError
        ? finding(
            resource.arn,
            'unknown',
            `newest known point is from ${when}, older than ${limitHours} h, but ${scopeError}`,
            evidence,
          )
        : finding(
            resource.arn,
            'fail',
            `newest recovery point is from ${when}, older than the limit of ${limitHours} h`,
            evidence,
          );
    });
  },
};
