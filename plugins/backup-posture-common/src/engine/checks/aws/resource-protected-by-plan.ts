import { selectionMatch } from '../../aws/selection';
import { AwsCheck, finding } from '../types';

/** Every resource of the entity is selected by a backup plan (Resources, NotResources, tags, Conditions). */
export const resourceProtectedByPlan: AwsCheck = {
  definition: {
    id: 'resource-protected-by-plan',
    title: 'Resources are selected by a backup plan',
    cloud: 'aws',
    severity: 'high',
    rules: ['A6'],
    equivalentControls: {
      securityHub: ['EC2.28', 'RDS.26', 'DynamoDB.4', 'EFS.2'],
      backupAuditManager: ['BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN'],
      note: 'Security Hub has one control per resource type: EBS volumes, RDS DB instances, DynamoDB tables, EFS file systems.',
    },
    description:
      'Each resource against the backup selections of the plans in its account and region, resolved like AWS Backup: (`Resources` or `ListOfTags`) and all `Conditions` (StringEquals/NotEquals/Like/NotLike), minus `NotResources`. A selected resource whose type is not opted in for AWS Backup in its account and Region (`DescribeRegionSettings` → `ResourceTypeOptInPreference`, A6) fails: AWS Backup makes no backup of it. The finding says which selection matched or why none did, and the opt-in setting it read.',
    remediation: {
      why: 'A resource no plan selects has no backup at all. Tag-based selections fail quietly when a tag is misspelt or a NotResources pattern is too broad. A selected resource of a type not opted in for AWS Backup in its Region is skipped just as quietly: no backup job starts, no error is shown.',
      console: [
        'AWS Backup → Backup plans → the plan → Resource assignments → Assign resources.',
        'Include the resource by ARN or by a tag it carries; check NotResources does not exclude it.',
        'Type not opted in (A6): AWS Backup → Settings → Service opt-in → Configure resources, in the resource’s account and Region → turn the resource type on → Confirm.',
      ],
      cli: [
        'aws backup create-backup-selection --backup-plan-id <id> --backup-selection \'{"SelectionName":"app","IamRoleArn":"<role-arn>","Resources":["<resource-arn>"]}\'',
        '# A6: see the opt-in of every type, then turn the resource type on (in the resource’s account and Region)',
        'aws backup describe-region-settings --region <region> --query ResourceTypeOptInPreference',
        'aws backup update-region-settings --region <region> --resource-type-opt-in-preference DynamoDB=true',
      ].join('\n'),
      terraform: [
        'resource "aws_backup_selection" "app" {',
        '  name         = "app"',
        '  plan_id      = aws_backup_plan.main.id',
        '  iam_role_arn = aws_iam_role.backup.arn',
        '  resources    = [aws_db_instance.app.arn]',
        '}',
        '',
        '# A6: the opt-in per resource type, one per account and Region (list every type you use)',
        'resource "aws_backup_region_settings" "this" {',
        '  resource_type_opt_in_preference = {',
        '    "Aurora"   = true',
        '    "DynamoDB" = true',
        '    "EBS"      = true',
        '    "EC2"      = true',
        '    "EFS"      = true',
        '    "RDS"      = true',
        '    "S3"       = true',
        '  }',
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
        const selected = `selected by ${hit.plan.planName}/${hit.match.selectionName}: ${hit.match.reason}`;
        // A6: a plan selecting a type that is not opted in in this Region makes no backup of it.
        const optIn = ctx.optInOf(resource);
        const evidence = {
          planArn: hit.plan.planArn,
          selectionId: hit.match.selectionId,
          lastBackupTime: resource.lastBackupTime,
          ...(optIn.state === 'not-collected'
            ? {}
            : { optInPreference: optIn.setting ?? 'not known' }),
        };
        if (optIn.state === 'not-opted-in')
          return finding(
            resource.arn,
            'fail',
            `${selected}; but ${resource.resourceType} is not opted in for AWS Backup in account ${resource.accountId} in ${resource.region} (${optIn.setting}): AWS Backup makes no backup of it`,
            evidence,
          );
        if (optIn.state === 'unknown')
          return finding(
            resource.arn,
            'unknown',
            `${selected}; whether AWS Backup protects ${resource.resourceType} there (ResourceTypeOptInPreference) is not known: ${optIn.reason}`,
            evidence,
          );
        return finding(resource.arn, 'pass', selected, evidence);
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
