/**
 * Small typed builders for test inventories (demo estate accounts and regions). Each builder takes
 * the fields a test cares about and fills the rest with plausible defaults.
 */
import {
  AwsBackupPlanFact,
  AwsBackupRuleFact,
  AwsBackupSelectionFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsInventory,
  AwsKmsKeyFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
  EntityInventory,
  ScopeStatus,
} from '../../inventory';

export const ORG_ID = 'o-demo12345';
export const MGMT = '111111111111';
export const PROD = '222222222222';
export const DEV = '333333333333';
export const CENTRAL = '444444444444';
export const RECOVERY = '555555555555';
export const OUTSIDE = '999999999999';
export const TOKYO = 'ap-northeast-1';
export const OSAKA = 'ap-northeast-3';
export const VIRGINIA = 'us-east-1';
export const NOW = '2026-11-23T12:00:00.000Z';

export const hoursAgo = (h: number) =>
  new Date(Date.parse(NOW) - h * 3_600_000).toISOString();
export const daysAgo = (d: number) => hoursAgo(d * 24);
export const daysAhead = (d: number) => hoursAgo(-d * 24);

export const vaultArn = (account: string, region: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
export const keyArn = (account: string, region: string, id: string) =>
  `arn:aws:kms:${region}:${account}:key/${id}`;

export function cmk(
  account: string,
  region: string,
  id: string,
  extra: Partial<AwsKmsKeyFact> = {},
): AwsKmsKeyFact {
  return {
    arn: keyArn(account, region, id),
    keyId: id,
    accountId: account,
    region,
    aliases: [`alias/${id}`],
    keyManager: 'CUSTOMER',
    keyState: 'Enabled',
    enabled: true,
    multiRegion: id.startsWith('mrk-'),
    rotationEnabled: true,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    }),
    ...extra,
  };
}

/** An AWS-managed key such as aws/backup or aws/rds. */
export function awsManagedKey(
  account: string,
  region: string,
  service: 'backup' | 'rds' | 'ebs',
  extra: Partial<AwsKmsKeyFact> = {},
): AwsKmsKeyFact {
  const id = `${service}-${account}-${region}`;
  return {
    arn: keyArn(account, region, id),
    keyId: id,
    accountId: account,
    region,
    aliases: [`alias/aws/${service}`],
    keyManager: 'AWS',
    keyState: 'Enabled',
    enabled: true,
    ...extra,
  };
}

export function vault(
  account: string,
  region: string,
  name: string,
  key: AwsKmsKeyFact | undefined,
  extra: Partial<AwsBackupVaultFact> = {},
): AwsBackupVaultFact {
  return {
    arn: vaultArn(account, region, name),
    name,
    accountId: account,
    region,
    vaultType: 'BACKUP_VAULT',
    encryptionKeyArn: key?.arn,
    encryptionKeyType: key ? 'CUSTOMER_MANAGED_KMS_KEY' : undefined,
    creationDate: daysAgo(100),
    locked: false,
    accessPolicy: null,
    ...extra,
  };
}

export function resource(
  type: string,
  account: string,
  region: string,
  name: string,
  extra: Partial<AwsResourceFact> = {},
): AwsResourceFact {
  const arns: Record<string, string> = {
    Aurora: `arn:aws:rds:${region}:${account}:cluster:${name}`,
    RDS: `arn:aws:rds:${region}:${account}:db:${name}`,
    EBS: `arn:aws:ec2:${region}:${account}:volume/${name}`,
    S3: `arn:aws:s3:::${name}`,
    DynamoDB: `arn:aws:dynamodb:${region}:${account}:table/${name}`,
    EFS: `arn:aws:elasticfilesystem:${region}:${account}:file-system/${name}`,
  };
  return {
    arn:
      arns[type] ??
      `arn:aws:${type.toLowerCase()}:${region}:${account}:${name}`,
    resourceType: type,
    accountId: account,
    region,
    tags: { app: 'payments' },
    matchedBy: 'tags',
    ...extra,
  };
}

export function selection(
  extra: Partial<AwsBackupSelectionFact> = {},
): AwsBackupSelectionFact {
  return {
    selectionId: 'sel-1',
    selectionName: 'by-app-tag',
    iamRoleArn: 'arn:aws:iam::222222222222:role/backup',
    resources: [],
    notResources: [],
    listOfTags: [
      {
        conditionType: 'STRINGEQUALS',
        conditionKey: 'app',
        conditionValue: 'payments',
      },
    ],
    conditions: {
      stringEquals: [],
      stringNotEquals: [],
      stringLike: [],
      stringNotLike: [],
    },
    ...extra,
  };
}

export function rule(
  target: string,
  extra: Partial<AwsBackupRuleFact> = {},
): AwsBackupRuleFact {
  return {
    ruleId: `rule-${target}`,
    ruleName: 'daily',
    targetBackupVaultName: target,
    scheduleExpression: 'cron(0 3 * * ? *)',
    lifecycle: { deleteAfterDays: 35 },
    copyActions: [],
    ...extra,
  };
}

export function plan(
  account: string,
  region: string,
  rules: AwsBackupRuleFact[],
  selections: AwsBackupSelectionFact[] = [selection()],
  name = 'payments-plan',
): AwsBackupPlanFact {
  const planId = `${name}-${account}-${region}`;
  return {
    planId,
    planArn: `arn:aws:backup:${region}:${account}:backup-plan:${planId}`,
    planName: name,
    accountId: account,
    region,
    rules,
    selections,
  };
}

let pointSeq = 0;
export function recoveryPoint(
  res: AwsResourceFact,
  inVault: AwsBackupVaultFact,
  key: AwsKmsKeyFact | undefined,
  extra: Partial<AwsRecoveryPointFact> = {},
): AwsRecoveryPointFact {
  pointSeq += 1;
  return {
    recoveryPointArn: `arn:aws:backup:${inVault.region}:${inVault.accountId}:recovery-point:rp-${pointSeq}`,
    backupVaultArn: inVault.arn,
    backupVaultName: inVault.name,
    accountId: inVault.accountId,
    region: inVault.region,
    resourceArn: res.arn,
    resourceType: res.resourceType,
    creationDate: hoursAgo(6),
    status: 'COMPLETED',
    isEncrypted: Boolean(key),
    encryptionKeyArn: key?.arn,
    encryptionKeyType: key ? 'CUSTOMER_MANAGED_KMS_KEY' : undefined,
    vaultType: inVault.vaultType,
    ...extra,
  };
}

/** A copy recovery point of `source` in `inVault`. */
export function copyPoint(
  source: AwsRecoveryPointFact,
  inVault: AwsBackupVaultFact,
  key: AwsKmsKeyFact | undefined,
  extra: Partial<AwsRecoveryPointFact> = {},
): AwsRecoveryPointFact {
  return recoveryPoint(
    {
      arn: source.resourceArn,
      resourceType: source.resourceType,
    } as AwsResourceFact,
    inVault,
    key,
    {
      sourceBackupVaultArn: source.backupVaultArn,
      parentRecoveryPointArn: source.recoveryPointArn,
      creationDate: source.creationDate,
      ...extra,
    },
  );
}

export function copyJob(
  res: AwsResourceFact,
  from: AwsBackupVaultFact,
  to: AwsBackupVaultFact | string,
  state: string,
  extra: Partial<AwsCopyJobFact> = {},
): AwsCopyJobFact {
  return {
    copyJobId: `job-${state}-${typeof to === 'string' ? to : to.name}`,
    accountId: res.accountId,
    region: res.region,
    state,
    resourceArn: res.arn,
    resourceType: res.resourceType,
    sourceBackupVaultArn: from.arn,
    destinationBackupVaultArn: typeof to === 'string' ? to : to.arn,
    creationDate: hoursAgo(5),
    ...extra,
  };
}

export const organization = (
  members = [MGMT, PROD, DEV, CENTRAL, RECOVERY],
) => ({
  organizationId: ORG_ID,
  managementAccountId: MGMT,
  memberAccountIds: members,
});

export function awsInventory(parts: Partial<AwsInventory> = {}): AwsInventory {
  return {
    resources: [],
    vaults: [],
    plans: [],
    recoveryPoints: [],
    copyJobs: [],
    keys: [],
    globalSettings: {
      accountId: MGMT,
      isCrossAccountBackupEnabled: true,
      isMpaEnabled: true,
    },
    organization: organization(),
    ...parts,
  };
}

export function entity(
  aws: AwsInventory | undefined,
  scopes: ScopeStatus[] = [],
  extra: Partial<EntityInventory> = {},
): EntityInventory {
  return {
    entityRef: 'component:default/payments',
    collectedAt: NOW,
    aws,
    scopes,
    problems: [],
    ...extra,
  };
}

export const errorScope = (account: string, region: string): ScopeStatus => ({
  cloud: 'aws',
  account,
  region,
  state: 'error',
  lastAttemptAt: NOW,
  error: {
    name: 'AccessDeniedException',
    message: 'not authorized to perform backup:ListBackupVaults',
  },
});

/** A vault access policy allowing CopyIntoBackupVault for the organization. */
export const orgCopyPolicy = (extraStatements: object[] = []) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'backup:CopyIntoBackupVault',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } },
      },
      ...extraStatements,
    ],
  });

export const denyDeletePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: [
        'backup:DeleteRecoveryPoint',
        'backup:UpdateRecoveryPointLifecycle',
        'backup:PutBackupVaultAccessPolicy',
      ],
      Resource: '*',
    },
  ],
});

/**
 * Makes `vaults` the entity's (see engine/aws/reachability.ts): one S3 resource in PROD/TOKYO, selected
 * by a plan whose rules target the vaults of that account and region and copy to the others.
 * Restore access vaults need no rule: they belong to the entity through their source vault.
 */
export function protecting(
  ...vaults: AwsBackupVaultFact[]
): Pick<AwsInventory, 'resources' | 'plans'> {
  const res = resource('S3', PROD, TOKYO, 'payments-data');
  const eligible = vaults.filter(
    v => v.vaultType !== 'RESTORE_ACCESS_BACKUP_VAULT',
  );
  const local = eligible.filter(
    v => v.accountId === PROD && v.region === TOKYO,
  );
  const remote = eligible.filter(v => !local.includes(v));
  const rules = local.map(v =>
    v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
      ? rule(v.name, { targetLogicallyAirGappedBackupVaultArn: v.arn })
      : rule(v.name),
  );
  if (rules.length === 0) rules.push(rule('Default'));
  rules[0].copyActions = remote.map(v => ({
    destinationBackupVaultArn: v.arn,
  }));
  return {
    resources: [res],
    plans: [plan(PROD, TOKYO, rules, [selection()], 'protecting-plan')],
  };
}
