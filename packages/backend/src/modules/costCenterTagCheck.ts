import {
  AwsCheck,
  AwsContext,
  finding,
  Finding,
} from '@backup-posture/plugin-backup-posture-node';

/** The tag our organisation allocates backup costs by. */
export const COST_CENTER_TAG = 'cost-center';

/**
 * An organisation-specific check: every AWS resource the entity backs up carries a non-empty
 * `cost-center` tag, so the cost of its recovery points (AWS Backup copies the resource's tags
 * to them) can be allocated. Discovery does not read the tags of backup vaults, so the check
 * reads the resources' own tags, which it does read (Tagging API).
 *
 * A resource whose account × region could not be scanned, or whose account and region are not
 * known, is `unknown`: its tags were not read, which is not the same as having none.
 */
export const costCenterTagCheck: AwsCheck = {
  definition: {
    id: 'cost-center-tag',
    title: 'Backed-up resources carry a cost-center tag',
    cloud: 'aws',
    // Cost allocation does not make a backup less safe: shown, but not scored.
    severity: 'info',
    rules: [],
    description: `Each of the entity's resources: its \`${COST_CENTER_TAG}\` tag (Tagging API), which AWS Backup copies to the recovery points for cost allocation.`,
    remediation: {
      why: 'Backup storage is charged to the account that holds the recovery points; without a cost center on the resource, its backups cannot be charged back to the owning team.',
      console: [
        'Open the resource in its service console → Tags → Manage tags.',
        `Add the tag \`${COST_CENTER_TAG}\` with the owning team's cost center.`,
        'In AWS Backup, keep "Copy tags to backups" on in the backup plan.',
      ],
      cli: `aws resourcegroupstaggingapi tag-resources --resource-arn-list <resource-arn> --tags ${COST_CENTER_TAG}=<cost-center>`,
    },
  },
  evaluate({ ctx }) {
    return ctx.aws.resources.map(r =>
      judge(ctx, r.arn, r.accountId, r.region, r.tags),
    );
  },
};

function judge(
  ctx: AwsContext,
  arn: string,
  accountId: string,
  region: string,
  tags: Record<string, string>,
): Finding {
  const value = tags[COST_CENTER_TAG];
  const evidence = {
    resourceArn: arn,
    tagKey: COST_CENTER_TAG,
    costCenter: value,
  };
  if (!accountId || !region) {
    return finding(
      arn,
      'unknown',
      'the resource’s account and region are not known, so its tags were not read',
      evidence,
    );
  }
  const scopeError = ctx.scopeError(accountId, region);
  if (scopeError) {
    return finding(arn, 'unknown', `tags not read: ${scopeError}`, evidence);
  }
  if (value === undefined) {
    return finding(arn, 'fail', `no ${COST_CENTER_TAG} tag`, {
      ...evidence,
      tagKeys: Object.keys(tags).sort(),
    });
  }
  if (value.trim() === '') {
    return finding(
      arn,
      'fail',
      `the ${COST_CENTER_TAG} tag is empty`,
      evidence,
    );
  }
  return finding(arn, 'pass', `${COST_CENTER_TAG} is ${value}`, evidence);
}
