import { AwsCopyJobFact } from '../../../inventory';
import { Finding } from '../../../posture';
import { explainAwsMessage } from '../../aws/explanations';
import { copyActionsOf } from './copyActions';
import { AwsCheck, finding } from '../types';

/** B1–B5, B9: recent copy jobs succeed and their destination point exists; failures explained. */
export const copyJobsSucceeding: AwsCheck = {
  definition: {
    id: 'copy-jobs-succeeding',
    title: 'Recent copy jobs succeed',
    cloud: 'aws',
    severity: 'high',
    rules: ['B1', 'B2', 'B3', 'B4', 'B5', 'B9'],
    equivalentControls: {},
    description:
      'The newest copy job (within the copy job window) per resource and destination vault from `ListCopyJobs`: `State`, `StatusMessage` (known AWS messages explained in plain words), and whether the destination recovery point exists. A configured copy action with primary points but no copy job warns.',
    remediation: {
      why: 'A failed copy job means the copy you rely on for disaster recovery or ransomware protection does not exist. AWS reports the reason only in the job’s status message.',
      console: [
        'AWS Backup → Jobs → Copy jobs → filter by state Failed; open the job and read the status message.',
        'Fix the cause named in the explanation (organization setting, destination access policy, key policy, vault lock retention…).',
        'Re-run: AWS Backup → Backup vaults → source vault → recovery point → Actions → Copy.',
      ],
      cli: [
        'aws backup list-copy-jobs --by-state FAILED --query "CopyJobs[].{id:CopyJobId,msg:StatusMessage,dest:DestinationBackupVaultArn}"',
        'aws backup start-copy-job --recovery-point-arn <arn> --source-backup-vault-name <vault> --destination-backup-vault-arn <dest-arn> --iam-role-arn <role-arn>',
      ].join('\n'),
      terraform:
        '# Copy jobs are produced by aws_backup_plan copy_action blocks; fix the prerequisite resource named in the finding.',
    },
  },
  evaluate({ ctx }) {
    const windowMs = ctx.limits.copyJobWindowDays * 86_400_000;
    const groups = new Map<string, AwsCopyJobFact[]>();
    for (const job of ctx.aws.copyJobs) {
      // Recorded below, for the jobs whose leaving the window changes a finding.
      if (ctx.clock.isOlderThan(job.creationDate, windowMs, false)) continue;
      const key = `${job.resourceArn} → ${job.destinationBackupVaultArn}`;
      groups.set(key, [...(groups.get(key) ?? []), job]);
    }
    const out: Finding[] = [];
    for (const [subject, jobs] of [...groups.entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const job = [...jobs].sort((a, b) =>
        b.creationDate.localeCompare(a.creationDate),
      )[0];
      // The finding turns when its latest job or a failed one leaves the window.
      for (const j of jobs)
        if (j === job || /FAILED|ABORTED/.test(j.state))
          ctx.clock.isOlderThan(j.creationDate, windowMs);
      const evidence = {
        copyJobId: job.copyJobId,
        state: job.state,
        statusMessage: job.statusMessage,
        sourceBackupVaultArn: job.sourceBackupVaultArn,
        destinationBackupVaultArn: job.destinationBackupVaultArn,
        destinationRecoveryPointArn: job.destinationRecoveryPointArn,
        creationDate: job.creationDate,
        failedInWindow: jobs.filter(j => /FAILED|ABORTED/.test(j.state)).length,
      };
      if (/FAILED|ABORTED/.test(job.state)) {
        const known = explainAwsMessage(job.statusMessage);
        out.push(
          finding(
            subject,
            'fail',
            `latest copy job ${job.state}${job.statusMessage ? `: ${job.statusMessage}` : ''}`,
            { ...evidence, knownMessage: known?.id, rules: known?.rules },
            known?.explanation,
          ),
        );
      } else if (job.state === 'COMPLETED') {
        const destPoint = job.destinationRecoveryPointArn;
        const pointKnown =
          destPoint &&
          ctx.aws.recoveryPoints.some(p => p.recoveryPointArn === destPoint);
        const destVaultScanned = Boolean(
          ctx.vault(job.destinationBackupVaultArn),
        );
        if (destPoint && !pointKnown && destVaultScanned) {
          out.push(
            finding(
              subject,
              'warn',
              'copy job completed but its destination recovery point is gone',
              evidence,
            ),
          );
        } else {
          out.push(
            finding(subject, 'pass', 'latest copy job completed', evidence),
          );
        }
      } else {
        out.push(
          finding(subject, 'pass', `latest copy job ${job.state}`, evidence),
        );
      }
    }
    // Configured copies that never produced a job although the primary vault holds points.
    for (const ref of copyActionsOf(ctx)) {
      for (const resource of ref.resources) {
        const subject = `${resource.arn} → ${ref.action.destinationBackupVaultArn}`;
        if (groups.has(subject) || out.some(f => f.subject === subject))
          continue;
        const hasPrimary = ctx.aws.recoveryPoints.some(
          p =>
            p.resourceArn === resource.arn &&
            !p.sourceBackupVaultArn &&
            p.backupVaultArn === ref.sourceVaultArn,
        );
        if (!hasPrimary) continue;
        const scopeError = ctx.scopeError(resource.accountId, resource.region);
        out.push(
          scopeError
            ? finding(subject, 'unknown', `copy jobs not read: ${scopeError}`, {
                destinationBackupVaultArn: ref.action.destinationBackupVaultArn,
              })
            : finding(
                subject,
                'warn',
                `copy action configured in ${ref.plan.planName}/${ref.rule.ruleName}, but no copy job in the last ${ctx.limits.copyJobWindowDays} days`,
                {
                  destinationBackupVaultArn:
                    ref.action.destinationBackupVaultArn,
                },
              ),
        );
      }
    }
    return out;
  },
};
