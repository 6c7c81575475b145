import { selectionMatch } from '../../aws/selection';
import { AwsCheck, finding } from '../types';

/** Every resource of the entity is selected by a backup plan (Resources, NotResources, tags, Conditions). */
export const resourceProtectedByPlan: AwsCheck = {
  definition: {
    id: 'resource-protected-by-plan',
    title: 'Resources are selected by a backup plan',
    cloud: 'aws',
    severity: 'high',
    rules: [],
    equivalentControls: {
      securityHub: ['EC2.28', 'RDS.26', 'DynamoDB.4', 'EFS.2'],
      backupAuditManager: ['BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN'],
      note: 'Security Hub has one control per resource type: EBS volumes, RDS DB instances, DynamoDB tables, EFS file systems.',
    },
    description:
      'Each resource against the backup selections of the plans in its account and region, resolved like AWS Backup: (`Resources` or `ListOfTags`) and all `Conditions` (StringEquals/NotEquals/Like/NotLike), minus `NotResources`. The finding says which selection matched or why none did.',
    remediation: {
      why: 'A resource no plan selects has no backup at all. Tag-based selections fail quietly when a tag is misspelt or a NotResources pattern is too broad.',
      console: [
        'AWS Backup → Backup plans → the plan → Resource assignments → Assign resources.',
        'Include the resource by ARN or by a tag it carries; check NotResources does not exclude it.',
      ],
      cli: 'aws backup create-backup-selection --backup-plan-id <id> --backup-selection \'{"SelectionName":"app","IamRoleArn":"<role-arn>","Resources":["<resource-arn>"]}\'',
      terraform: [
        'resource "aws_backup_selection" "app" {',
        '  name         = "app"',
        '  plan_id      = aws_backup_plan.main.id',
        '  iam_role_arn = aws_iam_role.backup.arn',
        '  resources    = [aws_db_instance.app.arn]',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    return ctx.aws.resources.map(resource => {
      const scopeError = ctx.scopeError(resource.accountId, resource.region);
      const plans = [...ctx.aws.plans, ...ctx.excludingPlans].filter(
        p => p.accountId === resource.accountId && p.region === resource.region,
      );
      const matches = plans.flatMap(plan =>
        plan.selections.map(s => ({
          plan,
          match: selectionMatch(s, resource),
        })),
      );
      const hit = matches.find(m => m.match.selected);
      if (hit) {
        return finding(
          resource.arn,
          'pass',
          `selected by ${hit.plan.planName}/${hit.match.selectionName}: ${hit.match.reason}`,
          {
            planArn: hit.plan.planArn,
            selectionId: hit.match.selectionId,
            lastBackupTime: resource.lastBackupTime,
          },
        );
      }
      if (scopeError)
        return finding(
          resource.arn,
          'unknown',
          `plans not known: ${scopeError}`,
          {},
        );
      const excluded = matches.find(m => m.match.excludedByNotResources);
      return finding(
        resource.arn,
        'fail',
        excluded
          ? `excluded from ${excluded.plan.planName}/${excluded.match.selectionName}: ${excluded.match.reason}`
          : `no backup plan in ${resource.accountId}/${resource.region} selects it`,
        {
          plansNamingIt: plans.map(p => p.planArn),
          tags: Object.entries(resource.tags).map(([k, v]) => `${k}=${v}`),
        },
      );
    });
  },
};
