import { EstateBuilder } from './builder';
import { allowOrgCopyPolicy } from './vaultPolicies';
import { Estate, ResourceType } from './types';

export interface ScaleOptions {
  seed?: number;
  now?: string;
  /** Member accounts with workloads (the management and central-backup accounts come on top). */
  accounts?: number;
  /** How many regions (up to 16). */
  regions?: number;
  resourcesPerRegion?: number;
}

export const SCALE_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'ca-central-1',
];

const TYPES: ResourceType[] = [
  'S3',
  'EFS',
  'DynamoDB',
  'EBS',
  'EC2',
  'RDS',
  'Aurora',
  'DocumentDB',
  'Neptune',
  'Redshift',
];

/**
 * A large estate for the benchmark: `accounts` workload accounts × `regions` regions, each
 * region with a CMK vault, resources of every type (some on AWS-managed keys), one plan with a
 * cross-region copy and every fourth with a cross-account copy into the central account.
 */
export function scaleScenario(opts: ScaleOptions = {}): Estate {
  const accounts = opts.accounts ?? 100;
  const regionCount = Math.min(opts.regions ?? 16, SCALE_REGIONS.length);
  const perRegion = opts.resourcesPerRegion ?? 3;
  const regions = SCALE_REGIONS.slice(0, regionCount);
  const management = '111111111111';
  const central = '444444444444';
  const b = new EstateBuilder({
    name: 'scale',
    seed: opts.seed ?? 4242,
    now: opts.now ?? new Date(Date.UTC(2026, 10, 23)).toISOString(),
    organizationId: 'o-scale00001',
    managementAccountId: management,
    managementAccountEmail: 'aws+management@example.com',
    regions,
  });
  b.estate.globalSettings.isMpaEnabled = true;
  b.account(management, 'management');
  b.account(central, 'central-backup', { ou: 'Security' });
  const centralVaults = new Map<string, string>();
  for (const region of regions) {
    const key = b.cmk(central, region, {
      alias: 'alias/central-backup',
      allowAccounts: [],
    });
    const arn = `arn:aws:backup:${region}:${central}:backup-vault:central-vault`;
    b.vault(central, region, 'central-vault', {
      key: key.arn,
      accessPolicy: allowOrgCopyPolicy(arn, b.estate.organization.id),
    });
    centralVaults.set(region, arn);
    const lag = b.vault(central, region, 'lag-vault', {
      type: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      key: 'aws-owned',
    });
    lag.mpaApprovalTeamArn = `arn:aws:mpa:us-east-1:${management}:approval-team/${b.rng.hex(16)}`;
    lag.latestMpaApprovalTeamUpdate = {
      status: 'APPROVED',
      initiationDate: b.ago(30),
    };
  }
  const workloadAccounts: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const id = String(200_000_000_000 + i * 7_919).padStart(12, '0');
    workloadAccounts.push(id);
    b.account(id, `workload-${String(i).padStart(3, '0')}`, {
      ou: i % 2 === 0 ? 'Prod' : 'NonProd',
    });
  }
  // Every central key may be used by every workload account (cross-account copies, B4/B5).
  for (const key of b.estate.keys) {
    if (key.accountId === central && key.keyManager === 'CUSTOMER') {
      key.policy.Statement.push({
        Sid: 'Allow workload accounts',
        Effect: 'Allow',
        Principal: { AWS: workloadAccounts.map(a => `arn:aws:iam::${a}:root`) },
        Action: [
          'kms:Decrypt',
          'kms:DescribeKey',
          'kms:CreateGrant',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
        ],
        Resource: '*',
      });
    }
  }
  workloadAccounts.forEach((account, i) => {
    regions.forEach((region, r) => {
      const key = b.cmk(account, region, {
        alias: 'alias/workload',
        allowAccounts: [central],
      });
      b.vault(account, region, 'workload-vault', { key: key.arn });
      for (let n = 0; n < perRegion; n++) {
        const type = TYPES[(i + r + n) % TYPES.length];
        const name = `${type.toLowerCase()}-${i}-${r}-${n}`;
        const awsManaged = b.rng.int(5) === 0;
        const keyArn = awsManaged
          ? b.managedKeyArn(
              account,
              region,
              type === 'EBS' || type === 'EC2'
                ? 'alias/aws/ebs'
                : 'alias/aws/rds',
            )
          : key.arn;
        b.resource(
          type,
          account,
          region,
          type === 'S3' ? `${name}-${account}` : name,
          {
            tags: { service: `svc-${i % 40}`, backup: 'daily' },
            keyArn,
          },
        );
      }
      const copyActions = [
        {
          destinationBackupVaultArn: `arn:aws:backup:${regions[(r + 1) % regions.length]}:${account}:backup-vault:Default`,
          lifecycle: { deleteAfterDays: 14 },
        },
      ];
      if (i % 4 === 0)
        copyActions.push({
          destinationBackupVaultArn: centralVaults.get(region)!,
          lifecycle: { deleteAfterDays: 30 },
        });
      b.plan(
        account,
        region,
        'daily',
        [
          {
            ruleName: 'daily',
            targetBackupVaultName: 'workload-vault',
            scheduleExpression: 'cron(0 5 ? * * *)',
            lifecycle: { deleteAfterDays: 14 },
            copyActions,
          },
        ],
        [
          {
            selectionName: 'tagged',
            listOfTags: [
              {
                conditionType: 'STRINGEQUALS',
                conditionKey: 'backup',
                conditionValue: 'daily',
              },
            ],
          },
        ],
      );
    });
  });
  // A restore-access vault per region in the first workload account (C3).
  const first = workloadAccounts[0];
  if (first) {
    for (const region of regions) {
      const v = b.vault(first, region, `restore-access-${region}`, {
        type: 'RESTORE_ACCESS_BACKUP_VAULT',
        key: 'aws-owned',
      });
      v.sourceBackupVaultArn = `arn:aws:backup:${region}:${central}:backup-vault:lag-vault`;
      v.approvalDate = b.ago(10);
    }
  }
  return b.estate;
}
