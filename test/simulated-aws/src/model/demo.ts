import { EstateBuilder } from './builder';
import {
  allowAccountsCopyPolicy,
  allowOrgCopyPolicy,
  denyDeletionPolicy,
} from './vaultPolicies';
import { daysAfter } from './random';
import { Estate } from './types';
import { demoAzureEstate } from '../azure/demo';

export const DEMO_ORGANIZATION_ID = 'o-demo12345';
export const DEMO_ACCOUNTS = {
  management: '111111111111',
  workloadsProd: '222222222222',
  workloadsDev: '333333333333',
  centralBackup: '444444444444',
  recovery: '555555555555',
  /** The shared production account: six services of five teams in ap-northeast-1. */
  sharedProd: '666666666666',
  outside: '999999999999',
} as const;
export const DEMO_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-3',
  'us-east-1',
  'eu-west-1',
];
export const MPA_NOT_OPTED_IN_MESSAGE =
  'MPA is not opted-in. The settings is available in AWS Backup from management account.';

/** Midnight UTC today: the demo looks fresh every day and stays stable within a day. */
export function startOfTodayUtc(): string {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  ).toISOString();
}

/**
 * The demo estate: about ten services that together show every situation in the seed documents.
 * The catalog in `examples/catalog` points at these resources; `demo.test.ts` keeps them in step.
 */
export function demoScenario(
  opts: { seed?: number; now?: string } = {},
): Estate {
  const A = DEMO_ACCOUNTS;
  const [TOKYO, OSAKA, VIRGINIA, IRELAND] = DEMO_REGIONS;
  const b = new EstateBuilder({
    name: 'demo',
    seed: opts.seed ?? 20261123,
    now: opts.now ?? startOfTodayUtc(),
    organizationId: DEMO_ORGANIZATION_ID,
    managementAccountId: A.management,
    managementAccountEmail: 'aws+management@example.com',
    regions: DEMO_REGIONS,
  });
  b.account(A.management, 'management');
  b.account(A.workloadsProd, 'workloads-prod', { ou: 'Workloads' });
  b.account(A.workloadsDev, 'workloads-dev', { ou: 'Workloads' });
  b.account(A.centralBackup, 'central-backup', { ou: 'Security' });
  b.account(A.recovery, 'recovery-forensics', { ou: 'Security' });
  b.account(A.outside, 'vendor-analytics', { inOrganization: false });
  // Cross-account backup is on (B1) but MPA was never opted in (C4).
  b.estate.globalSettings.isCrossAccountBackupEnabled = true;
  b.estate.globalSettings.isMpaEnabled = false;

  // ---- central-backup (444): destination vaults -------------------------------------------
  const centralKey = b.cmk(A.centralBackup, TOKYO, {
    alias: 'alias/central-backup',
    allowAccounts: [A.workloadsProd, A.workloadsDev],
  });
  const centralVaultArn = `arn:aws:backup:${TOKYO}:${A.centralBackup}:backup-vault:central-vault`;
  b.vault(A.centralBackup, TOKYO, 'central-vault', {
    key: centralKey.arn,
    accessPolicy: allowOrgCopyPolicy(centralVaultArn, DEMO_ORGANIZATION_ID),
    lock: { mode: 'governance', minRetentionDays: 7, maxRetentionDays: 400 },
  });
  const restrictedKey = b.cmk(A.centralBackup, TOKYO, {
    alias: 'alias/central-restricted',
    allowAccounts: [A.workloadsProd],
  });
  const restrictedVaultArn = `arn:aws:backup:${TOKYO}:${A.centralBackup}:backup-vault:central-restricted`;
  // Only workloads-prod may copy in: copies from workloads-dev are denied (B2).
  b.vault(A.centralBackup, TOKYO, 'central-restricted', {
    key: restrictedKey.arn,
    accessPolicy: allowAccountsCopyPolicy(restrictedVaultArn, [
      A.workloadsProd,
    ]),
  });
  const centralUse1Key = b.cmk(A.centralBackup, VIRGINIA, {
    alias: 'alias/central-backup',
    allowAccounts: [A.workloadsProd, A.workloadsDev],
  });
  const centralUse1Arn = `arn:aws:backup:${VIRGINIA}:${A.centralBackup}:backup-vault:central-vault-use1`;
  b.vault(A.centralBackup, VIRGINIA, 'central-vault-use1', {
    key: centralUse1Key.arn,
    accessPolicy: allowOrgCopyPolicy(centralUse1Arn, DEMO_ORGANIZATION_ID),
  });
  // The Default vault of 444 in us-east-1 gets an org policy, but its aws/backup key cannot be shared (B3).
  const central444DefaultUse1 = `arn:aws:backup:${VIRGINIA}:${A.centralBackup}:backup-vault:Default`;
  b.vault(A.centralBackup, VIRGINIA, 'Default', {
    key: 'aws/backup',
    createdDaysAgo: 700,
    accessPolicy: allowOrgCopyPolicy(
      central444DefaultUse1,
      DEMO_ORGANIZATION_ID,
    ),
  });
  // LAG vault with an MPA approval team whose assignment failed: MPA is not opted in (C3, C4).
  const lagCentral = b.vault(A.centralBackup, TOKYO, 'lag-central', {
    type: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    key: 'aws-owned',
    lock: {
      mode: 'compliance',
      minRetentionDays: 7,
      maxRetentionDays: 3650,
      lockDate: b.ago(300),
    },
    accessPolicy: allowOrgCopyPolicy(
      `arn:aws:backup:${TOKYO}:${A.centralBackup}:backup-vault:lag-central`,
      DEMO_ORGANIZATION_ID,
    ),
  });
  lagCentral.mpaApprovalTeamArn = `arn:aws:mpa:${VIRGINIA}:${A.management}:approval-team/${b.rng.hex(16)}`;
  lagCentral.latestMpaApprovalTeamUpdate = {
    status: 'FAILED',
    statusMessage: MPA_NOT_OPTED_IN_MESSAGE,
    initiationDate: b.ago(20),
  };
  lagCentral.sharedWithAccountIds = [A.recovery];

  // ---- recovery-forensics (555): LAG vault without MPA, CMK-encrypted ---------------------
  const forensicsKey = b.cmk(A.recovery, VIRGINIA, {
    alias: 'alias/forensics-lag',
    allowAccounts: [A.workloadsDev],
  });
  const lagForensicsArn = `arn:aws:backup:${VIRGINIA}:${A.recovery}:backup-vault:lag-forensics`;
  b.vault(A.recovery, VIRGINIA, 'lag-forensics', {
    type: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    key: forensicsKey.arn,
    lock: {
      mode: 'compliance',
      minRetentionDays: 14,
      maxRetentionDays: 730,
      lockDate: b.ago(200),
    },
    accessPolicy: allowOrgCopyPolicy(lagForensicsArn, DEMO_ORGANIZATION_ID),
  });

  // ---- outside the organization (999) -------------------------------------------------------
  const vendorKey = b.cmk(A.outside, IRELAND, {
    alias: 'alias/vendor',
    allowAccounts: [A.workloadsProd],
  });
  const vendorVaultArn = `arn:aws:backup:${IRELAND}:${A.outside}:backup-vault:vendor-vault`;
  b.vault(A.outside, IRELAND, 'vendor-vault', {
    key: vendorKey.arn,
    accessPolicy: allowAccountsCopyPolicy(vendorVaultArn, [A.workloadsProd]),
  });

  // ---- workloads-prod (222) ------------------------------------------------------------------
  const prodVaultKey = b.cmk(A.workloadsProd, TOKYO, {
    alias: 'alias/backup-prod',
    allowAccounts: [A.centralBackup],
  });
  b.vault(A.workloadsProd, TOKYO, 'prod-cmk-vault', { key: prodVaultKey.arn });
  const auroraKey = b.cmk(A.workloadsProd, TOKYO, {
    alias: 'alias/payments-aurora',
    description: 'payments Aurora cluster (multi-Region)',
    allowAccounts: [A.centralBackup],
    replicaRegions: [OSAKA],
  });
  const paymentsDataKey = b.cmk(A.workloadsProd, TOKYO, {
    alias: 'alias/payments-data',
    allowAccounts: [A.centralBackup],
  });
  const payments = { team: 'payments', env: 'prod', backup: 'daily' };
  // payments-api: Aurora with a multi-Region CMK; its copy to Osaka lands in the Default vault
  // (aws/backup), so AWS uses aws/rds although the mrk- replica exists there (A4).
  b.resource('Aurora', A.workloadsProd, TOKYO, 'payments-aurora', {
    tags: { ...payments, service: 'payments-api' },
    keyArn: auroraKey.arn,
  });
  // payments-ledger: CMK everywhere, copied to the central account (B1-B5 satisfied).
  b.resource('DynamoDB', A.workloadsProd, TOKYO, 'payments-ledger', {
    tags: { ...payments, service: 'payments-ledger' },
    keyArn: paymentsDataKey.arn,
  });
  // Excluded from the plan by NotResources: an unprotected table.
  b.resource('DynamoDB', A.workloadsProd, TOKYO, 'payments-ledger-scratch', {
    tags: { ...payments, service: 'payments-ledger' },
    keyArn: paymentsDataKey.arn,
  });
  // payments-documents: EFS whose cross-account copy asks for cold storage (B6).
  b.resource('EFS', A.workloadsProd, TOKYO, 'fs-0a1b2c3d4e5f60718', {
    tags: {
      ...payments,
      service: 'payments-documents',
      Name: 'payments-documents',
    },
    keyArn: paymentsDataKey.arn,
  });
  const osakaDefault = `arn:aws:backup:${OSAKA}:${A.workloadsProd}:backup-vault:Default`;
  b.plan(
    A.workloadsProd,
    TOKYO,
    'payments-daily',
    [
      {
        ruleName: 'daily-aurora',
        targetBackupVaultName: 'prod-cmk-vault',
        scheduleExpression: 'cron(0 17 ? * * *)',
        scheduleExpressionTimezone: 'Etc/UTC',
        lifecycle: { deleteAfterDays: 35 },
        copyActions: [
          {
            destinationBackupVaultArn: osakaDefault,
            lifecycle: { deleteAfterDays: 35 },
          },
          {
            destinationBackupVaultArn: centralVaultArn,
            lifecycle: { deleteAfterDays: 90 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'aurora-by-arn',
        resources: [
          `arn:aws:rds:${TOKYO}:${A.workloadsProd}:cluster:payments-*`,
        ],
      },
    ],
  );
  b.plan(
    A.workloadsProd,
    TOKYO,
    'payments-data',
    [
      {
        ruleName: 'daily-ledger',
        targetBackupVaultName: 'prod-cmk-vault',
        scheduleExpression: 'cron(0 18 ? * * *)',
        lifecycle: { deleteAfterDays: 35 },
        copyActions: [
          {
            destinationBackupVaultArn: centralVaultArn,
            lifecycle: { deleteAfterDays: 90 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'dynamodb-tagged-daily',
        resources: [`arn:aws:dynamodb:${TOKYO}:${A.workloadsProd}:table/*`],
        notResources: [
          `arn:aws:dynamodb:${TOKYO}:${A.workloadsProd}:table/*-scratch`,
        ],
        conditions: {
          stringEquals: [
            { conditionKey: 'aws:ResourceTag/backup', conditionValue: 'daily' },
          ],
          stringNotEquals: [],
          stringLike: [],
          stringNotLike: [],
        },
      },
    ],
  );
  b.plan(
    A.workloadsProd,
    TOKYO,
    'payments-documents',
    [
      {
        ruleName: 'weekly-documents',
        targetBackupVaultName: 'prod-cmk-vault',
        scheduleExpression: 'cron(0 19 ? * SUN *)',
        lifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 120 },
        pointAgesDays: [3, 10, 17, 24, 31, 38],
        copyActions: [
          {
            destinationBackupVaultArn: centralVaultArn,
            lifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 120 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'documents-by-tag',
        listOfTags: [
          {
            conditionType: 'STRINGEQUALS',
            conditionKey: 'service',
            conditionValue: 'payments-documents',
          },
        ],
      },
    ],
  );

  // identity (222, us-east-1): AWS-managed keys everywhere.
  const identity = { team: 'identity', env: 'prod' };
  b.resource('RDS', A.workloadsProd, VIRGINIA, 'identity-db', {
    tags: { ...identity, service: 'identity-db' },
    keyArn: b.managedKeyArn(A.workloadsProd, VIRGINIA, 'alias/aws/rds'),
  });
  b.resource('DynamoDB', A.workloadsProd, VIRGINIA, 'identity-sessions', {
    tags: { ...identity, service: 'identity-sessions' },
  });
  b.vault(A.workloadsProd, VIRGINIA, 'identity-vault', { key: 'aws/backup' });
  b.plan(
    A.workloadsProd,
    VIRGINIA,
    'identity-daily',
    [
      {
        ruleName: 'db-to-central',
        targetBackupVaultName: 'identity-vault',
        scheduleExpression: 'cron(0 5 ? * * *)',
        lifecycle: { deleteAfterDays: 30 },
        // RDS with the AWS-managed aws/rds key cannot be copied across accounts (B4).
        copyActions: [
          {
            destinationBackupVaultArn: centralUse1Arn,
            lifecycle: { deleteAfterDays: 30 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'identity-db',
        resources: [
          `arn:aws:rds:${VIRGINIA}:${A.workloadsProd}:db:identity-db`,
        ],
      },
    ],
  );
  b.plan(
    A.workloadsProd,
    VIRGINIA,
    'identity-sessions',
    [
      {
        ruleName: 'sessions-to-central-default',
        targetBackupVaultName: 'identity-vault',
        scheduleExpression: 'cron(0 6 ? * * *)',
        lifecycle: { deleteAfterDays: 14 },
        // The destination is another account's Default vault (B3).
        copyActions: [
          {
            destinationBackupVaultArn: central444DefaultUse1,
            lifecycle: { deleteAfterDays: 14 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'sessions',
        resources: [
          `arn:aws:dynamodb:${VIRGINIA}:${A.workloadsProd}:table/identity-sessions`,
        ],
      },
    ],
  );

  // data (222, eu-west-1): a compliance-locked vault in its grace period; a copy outside the org.
  const dataLakeKey = b.cmk(A.workloadsProd, IRELAND, {
    alias: 'alias/data-lake',
    allowAccounts: [A.centralBackup],
  });
  b.vault(A.workloadsProd, IRELAND, 'data-lake-vault', {
    key: dataLakeKey.arn,
    lock: {
      mode: 'compliance',
      minRetentionDays: 7,
      maxRetentionDays: 365,
      lockDate: daysAfter(b.now, 2),
    },
  });
  const dataLake = { team: 'data', env: 'prod', app: 'data-lake' };
  b.resource('S3', A.workloadsProd, IRELAND, 'acme-data-lake-raw', {
    tags: { ...dataLake, tier: 'raw' },
    keyArn: dataLakeKey.arn,
  });
  b.resource('S3', A.workloadsProd, IRELAND, 'acme-data-lake-curated', {
    tags: { ...dataLake, tier: 'curated' },
    keyArn: dataLakeKey.arn,
  });
  const warehouseKey = b.cmk(A.workloadsProd, IRELAND, {
    alias: 'alias/warehouse',
    allowAccounts: [A.outside],
    rotationEnabled: false,
  });
  b.resource('Redshift', A.workloadsProd, IRELAND, 'data-warehouse', {
    tags: { team: 'data', env: 'prod', service: 'data-warehouse' },
    keyArn: warehouseKey.arn,
  });
  b.plan(
    A.workloadsProd,
    IRELAND,
    'data-platform',
    [
      {
        ruleName: 'lake-daily-to-lag',
        targetBackupVaultName: 'data-lake-vault',
        scheduleExpression: 'cron(0 1 ? * * *)',
        lifecycle: { deleteAfterDays: 90 },
        copyActions: [
          {
            destinationBackupVaultArn: lagCentral.arn,
            lifecycle: { deleteAfterDays: 90 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'data-lake-buckets',
        conditions: {
          stringEquals: [
            {
              conditionKey: 'aws:ResourceTag/app',
              conditionValue: 'data-lake',
            },
          ],
          stringNotEquals: [],
          stringLike: [],
          stringNotLike: [],
        },
      },
    ],
  );
  b.plan(
    A.workloadsProd,
    IRELAND,
    'warehouse-to-vendor',
    [
      {
        ruleName: 'warehouse-daily',
        targetBackupVaultName: 'data-lake-vault',
        scheduleExpression: 'cron(0 2 ? * * *)',
        lifecycle: { deleteAfterDays: 30 },
        // The vendor account is outside the organization (B1).
        copyActions: [
          {
            destinationBackupVaultArn: vendorVaultArn,
            lifecycle: { deleteAfterDays: 30 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'warehouse',
        resources: [
          `arn:aws:redshift:${IRELAND}:${A.workloadsProd}:cluster:data-warehouse`,
        ],
      },
    ],
  );

  // ---- workloads-dev (333) ---------------------------------------------------------------------
  // analytics-batch: the volumes were moved to a CMK 90 days ago; older points stay unencrypted (A2).
  const analyticsKey = b.cmk(A.workloadsDev, TOKYO, {
    alias: 'alias/analytics',
  });
  b.vault(A.workloadsDev, TOKYO, 'dev-vault', { key: analyticsKey.arn });
  const analytics = { team: 'data', env: 'dev', app: 'analytics-batch' };
  b.resource('EBS', A.workloadsDev, TOKYO, 'vol-0c0ffee0123456789', {
    tags: { ...analytics, Name: 'analytics-scratch' },
    keyArn: analyticsKey.arn,
    unencryptedBefore: b.ago(90),
  });
  b.resource('EC2', A.workloadsDev, TOKYO, 'i-0a11c0ffee1234567', {
    tags: { ...analytics, Name: 'analytics-worker' },
    keyArn: analyticsKey.arn,
    unencryptedBefore: b.ago(90),
  });
  // Rule A6, in workloads-dev × Tokyo's region settings: EFS is not opted in, so the shared file
  // system the plan selects by tag is never backed up; advanced DynamoDB backup is off, so the job
  // table's points keep the table's own key (source-dependent), unlike payments-ledger in 222.
  b.estate.regionSettings = [
    ...(b.estate.regionSettings ?? []),
    {
      accountId: A.workloadsDev,
      region: TOKYO,
      optIn: { EFS: false },
      management: { DynamoDB: false },
    },
  ];
  b.resource('EFS', A.workloadsDev, TOKYO, 'fs-0a11ca7c0ffee0123', {
    tags: { ...analytics, Name: 'analytics-shared' },
    keyArn: analyticsKey.arn,
  });
  // Its own key is made last (below): a key made here would shift every later key id of the demo.
  const analyticsJobs = b.resource(
    'DynamoDB',
    A.workloadsDev,
    TOKYO,
    'analytics-jobs',
    { tags: { ...analytics, Name: 'analytics-jobs' } },
  );
  b.plan(
    A.workloadsDev,
    TOKYO,
    'analytics-monthly',
    [
      {
        ruleName: 'monthly-keep-a-year',
        targetBackupVaultName: 'dev-vault',
        scheduleExpression: 'cron(0 3 1 * ? *)',
        lifecycle: { deleteAfterDays: 365 },
        pointAgesDays: [5, 35, 65, 95, 125, 155, 185, 215, 245, 275, 305, 335],
      },
    ],
    [
      {
        selectionName: 'analytics-tag',
        listOfTags: [
          {
            conditionType: 'STRINGEQUALS',
            conditionKey: 'app',
            conditionValue: 'analytics-batch',
          },
        ],
      },
    ],
  );
  // catalog-search: DocumentDB copied to a vault whose policy does not allow workloads-dev (B2).
  const searchKey = b.cmk(A.workloadsDev, TOKYO, {
    alias: 'alias/search',
    allowAccounts: [A.centralBackup],
    rotationEnabled: false,
  });
  b.resource('DocumentDB', A.workloadsDev, TOKYO, 'catalog-search-docdb', {
    tags: { team: 'platform', env: 'dev', service: 'catalog-search' },
    keyArn: searchKey.arn,
  });
  b.plan(
    A.workloadsDev,
    TOKYO,
    'search-to-central',
    [
      {
        ruleName: 'daily',
        targetBackupVaultName: 'dev-vault',
        scheduleExpression: 'cron(0 4 ? * * *)',
        lifecycle: { deleteAfterDays: 21 },
        copyActions: [
          {
            destinationBackupVaultArn: restrictedVaultArn,
            lifecycle: { deleteAfterDays: 21 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'docdb',
        resources: [
          `arn:aws:rds:${TOKYO}:${A.workloadsDev}:cluster:catalog-search-docdb`,
        ],
      },
    ],
  );
  // platform-config: Neptune in a governance-locked vault, copied into the LAG vault without MPA.
  const platformKey = b.cmk(A.workloadsDev, VIRGINIA, {
    alias: 'alias/platform',
    allowAccounts: [A.recovery],
  });
  b.vault(A.workloadsDev, VIRGINIA, 'platform-vault', {
    key: platformKey.arn,
    lock: { mode: 'governance', minRetentionDays: 14, maxRetentionDays: 90 },
  });
  b.resource('Neptune', A.workloadsDev, VIRGINIA, 'platform-config-graph', {
    tags: { team: 'platform', env: 'dev', service: 'platform-config' },
    keyArn: platformKey.arn,
  });
  // A key scheduled for deletion: nothing new uses it, but it is still in the account.
  b.cmk(A.workloadsDev, VIRGINIA, {
    alias: 'alias/platform-legacy',
    keyState: 'PendingDeletion',
    rotationEnabled: false,
  }).deletionDate = daysAfter(b.now, 6);
  b.plan(
    A.workloadsDev,
    VIRGINIA,
    'platform-config',
    [
      {
        ruleName: 'daily-to-forensics',
        targetBackupVaultName: 'platform-vault',
        scheduleExpression: 'cron(0 7 ? * * *)',
        lifecycle: { deleteAfterDays: 30 },
        copyActions: [
          {
            destinationBackupVaultArn: lagForensicsArn,
            lifecycle: { deleteAfterDays: 60 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'neptune-by-tag',
        conditions: {
          stringEquals: [
            {
              conditionKey: 'aws:ResourceTag/service',
              conditionValue: 'platform-config',
            },
          ],
          stringNotEquals: [],
          stringLike: [],
          stringNotLike: [],
        },
      },
    ],
  );

  sharedProdAccount(b);
  analyticsJobs.kmsKeyArn = b.cmk(A.workloadsDev, TOKYO, {
    alias: 'alias/analytics-jobs',
  }).arn;

  // The Azure half: Recovery Services vaults per rule Z1–Z6 (see azure/demo.ts).
  b.estate.azure = demoAzureEstate({ now: b.estate.now });
  return b.estate;
}

/** The shared account's services, their resources (all in ap-northeast-1) and vaults. */
export const SHARED_PROD = {
  accountId: DEMO_ACCOUNTS.sharedProd,
  region: 'ap-northeast-1',
  /** Healthy: CMK vaults, compliance-locked, copies to Osaka and to the central account. */
  healthy: ['orders-db', 'notifications'],
  /** Uses the account's `Default` vault (aws/backup). */
  defaultVault: 'search-indexer',
  /** Uses its team's vault without Vault Lock. */
  unlockedVault: 'customer-profiles',
  /** Its copy rule moves points to cold storage after 30 days and deletes them after 100 (B6). */
  coldStorage: 'media-archive',
  /** primary → central-vault (444, plan copy action) → lag-vault (555, StartCopyJob in 444). */
  twoHop: 'billing-history',
  vaults: {
    orders: 'orders-vault',
    messaging: 'messaging-vault',
    profiles: 'profiles-vault',
    media: 'media-vault',
    billing: 'billing-vault',
    drOsaka: 'dr-osaka',
    mediaOsaka: 'media-osaka',
    /** In the recovery account (555), ap-northeast-1. */
    lag: 'lag-vault',
  },
} as const;

/**
 * The common shape: one shared production account (666) holding six services of different teams
 * in one region, each selected by its own plan (Resources ARN, ListOfTags, Conditions). Their
 * neighbours' vaults and rules must not show on their pages. The last service's copies go to the
 * central account and from there, by a copy job the central account starts, to an air-gapped
 * vault in the recovery account.
 */
function sharedProdAccount(b: EstateBuilder) {
  const A = DEMO_ACCOUNTS;
  const [TOKYO, OSAKA] = DEMO_REGIONS;
  const S = SHARED_PROD.vaults;
  b.account(A.sharedProd, 'shared-prod', { ou: 'Workloads' });
  const vaultArn = (account: string, region: string, name: string) =>
    `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
  const centralVaultArn = vaultArn(A.centralBackup, TOKYO, 'central-vault');
  const compliance = (lockedDaysAgo: number) => ({
    mode: 'compliance' as const,
    minRetentionDays: 7,
    maxRetentionDays: 400,
    lockDate: b.ago(lockedDaysAgo),
  });
  const tags = (team: string, service: string) => ({
    team,
    env: 'prod',
    service,
  });

  // Osaka: the disaster-recovery vault the healthy services copy to, and media's own.
  const drOsakaKey = b.cmk(A.sharedProd, OSAKA, { alias: 'alias/dr-osaka' });
  b.vault(A.sharedProd, OSAKA, S.drOsaka, {
    key: drOsakaKey.arn,
    lock: compliance(120),
    accessPolicy: denyDeletionPolicy(),
  });
  b.vault(A.sharedProd, OSAKA, S.mediaOsaka, { key: drOsakaKey.arn });
  const drOsakaArn = vaultArn(A.sharedProd, OSAKA, S.drOsaka);

  // orders-db (team-orders, healthy): Aurora on a CMK the central account may use (B4), selected
  // by its ARN; copies to Osaka (A4: the destination vault's CMK) and to the central vault (B5).
  const ordersKey = b.cmk(A.sharedProd, TOKYO, {
    alias: 'alias/orders-aurora',
    allowAccounts: [A.centralBackup],
  });
  const orders = b.resource('Aurora', A.sharedProd, TOKYO, 'orders-aurora', {
    tags: tags('orders', 'orders-db'),
    keyArn: ordersKey.arn,
  });
  const ordersVaultKey = b.cmk(A.sharedProd, TOKYO, {
    alias: 'alias/orders-backup',
    allowAccounts: [A.centralBackup],
  });
  b.vault(A.sharedProd, TOKYO, S.orders, {
    key: ordersVaultKey.arn,
    lock: compliance(150),
    accessPolicy: denyDeletionPolicy(),
  });
  const healthyCopies = [
    {
      destinationBackupVaultArn: drOsakaArn,
      lifecycle: { deleteAfterDays: 35 },
    },
    {
      destinationBackupVaultArn: centralVaultArn,
      lifecycle: { deleteAfterDays: 90 },
    },
  ];
  b.plan(
    A.sharedProd,
    TOKYO,
    'orders-db-daily',
    [
      {
        ruleName: 'daily',
        targetBackupVaultName: S.orders,
        scheduleExpression: 'cron(0 16 ? * * *)',
        lifecycle: { deleteAfterDays: 35 },
        copyActions: healthyCopies,
      },
    ],
    [{ selectionName: 'orders-aurora', resources: [orders.arn] }],
  );

  // notifications (team-messaging, healthy): DynamoDB selected by the legacy ListOfTags.
  const messagingKey = b.cmk(A.sharedProd, TOKYO, {
    alias: 'alias/messaging-backup',
    allowAccounts: [A.centralBackup],
  });
  b.resource('DynamoDB', A.sharedProd, TOKYO, 'notifications-outbox', {
    tags: tags('messaging', 'notifications'),
    keyArn: messagingKey.arn,
  });
  b.vault(A.sharedProd, TOKYO, S.messaging, {
    key: messagingKey.arn,
    lock: compliance(90),
    accessPolicy: denyDeletionPolicy(),
  });
  b.plan(
    A.sharedProd,
    TOKYO,
    'notifications-daily',
    [
      {
        ruleName: 'daily',
        targetBackupVaultName: S.messaging,
        scheduleExpression: 'cron(0 17 ? * * *)',
        lifecycle: { deleteAfterDays: 35 },
        copyActions: healthyCopies,
      },
    ],
    [
      {
        selectionName: 'notifications-by-tag',
        listOfTags: [
          {
            conditionType: 'STRINGEQUALS',
            conditionKey: 'service',
            conditionValue: 'notifications',
          },
        ],
      },
    ],
  );

  // search-indexer (platform): the account's Default vault on aws/backup, selected by Conditions.
  b.resource('S3', A.sharedProd, TOKYO, 'acme-search-index', {
    tags: tags('platform', 'search-indexer'),
  });
  b.plan(
    A.sharedProd,
    TOKYO,
    'search-indexer',
    [
      {
        ruleName: 'daily-default-vault',
        targetBackupVaultName: 'Default',
        scheduleExpression: 'cron(0 18 ? * * *)',
        lifecycle: { deleteAfterDays: 14 },
      },
    ],
    [
      {
        selectionName: 'search-indexer-by-condition',
        resources: ['*'],
        conditions: {
          stringEquals: [
            {
              conditionKey: 'aws:ResourceTag/service',
              conditionValue: 'search-indexer',
            },
          ],
          stringNotEquals: [],
          stringLike: [],
          stringNotLike: [],
        },
      },
    ],
  );

  // customer-profiles (team-identity): its team's vault has a CMK but no Vault Lock.
  const profilesKey = b.cmk(A.sharedProd, TOKYO, {
    alias: 'alias/profiles-backup',
    allowAccounts: [A.centralBackup],
  });
  const profiles = b.resource(
    'DynamoDB',
    A.sharedProd,
    TOKYO,
    'customer-profiles',
    { tags: tags('identity', 'customer-profiles'), keyArn: profilesKey.arn },
  );
  b.vault(A.sharedProd, TOKYO, S.profiles, {
    key: profilesKey.arn,
    accessPolicy: denyDeletionPolicy(),
  });
  b.plan(
    A.sharedProd,
    TOKYO,
    'customer-profiles',
    [
      {
        ruleName: 'daily',
        targetBackupVaultName: S.profiles,
        scheduleExpression: 'cron(0 19 ? * * *)',
        lifecycle: { deleteAfterDays: 35 },
        copyActions: [
          {
            destinationBackupVaultArn: centralVaultArn,
            lifecycle: { deleteAfterDays: 90 },
          },
        ],
      },
    ],
    [{ selectionName: 'profiles-table', resources: [profiles.arn] }],
  );

  // media-archive (team-data): EFS whose copy to Osaka moves to cold storage after 30 days and
  // deletes after 100, less than the 90 days cold storage must last (B6). Same account, so the
  // copy itself goes through.
  const mediaKey = b.cmk(A.sharedProd, TOKYO, { alias: 'alias/media-backup' });
  b.resource('EFS', A.sharedProd, TOKYO, 'fs-0e1d2c3b4a5f60789', {
    tags: { ...tags('data', 'media-archive'), Name: 'media-archive' },
    keyArn: mediaKey.arn,
  });
  b.vault(A.sharedProd, TOKYO, S.media, {
    key: mediaKey.arn,
    lock: compliance(60),
    accessPolicy: denyDeletionPolicy(),
  });
  b.plan(
    A.sharedProd,
    TOKYO,
    'media-archive-weekly',
    [
      {
        ruleName: 'weekly-to-osaka-cold',
        targetBackupVaultName: S.media,
        scheduleExpression: 'cron(0 20 ? * SAT *)',
        lifecycle: { deleteAfterDays: 60 },
        pointAgesDays: [2, 9, 16, 23],
        copyActions: [
          {
            destinationBackupVaultArn: vaultArn(
              A.sharedProd,
              OSAKA,
              S.mediaOsaka,
            ),
            lifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 100 },
          },
        ],
      },
    ],
    [
      {
        selectionName: 'media-by-tag',
        listOfTags: [
          {
            conditionType: 'STRINGEQUALS',
            conditionKey: 'service',
            conditionValue: 'media-archive',
          },
        ],
      },
    ],
  );

  // billing-history (team-payments): two hops. The plan copies to the central vault (444); the
  // central account's automation then starts a copy job (StartCopyJob) from there into the
  // air-gapped vault of the recovery account (555). Both vaults are in Tokyo.
  const billingKey = b.cmk(A.sharedProd, TOKYO, {
    alias: 'alias/billing-backup',
    allowAccounts: [A.centralBackup],
  });
  const billing = b.resource(
    'DynamoDB',
    A.sharedProd,
    TOKYO,
    'billing-history',
    { tags: tags('payments', 'billing-history'), keyArn: billingKey.arn },
  );
  b.vault(A.sharedProd, TOKYO, S.billing, {
    key: billingKey.arn,
    lock: compliance(200),
    accessPolicy: denyDeletionPolicy(),
  });
  b.plan(
    A.sharedProd,
    TOKYO,
    'billing-history-daily',
    [
      {
        ruleName: 'daily-to-central',
        targetBackupVaultName: S.billing,
        scheduleExpression: 'cron(0 21 ? * * *)',
        lifecycle: { deleteAfterDays: 35 },
        copyActions: [
          {
            destinationBackupVaultArn: centralVaultArn,
            lifecycle: { deleteAfterDays: 90 },
          },
        ],
      },
    ],
    [{ selectionName: 'billing-table', resources: [billing.arn] }],
  );
  const lagKey = b.cmk(A.recovery, TOKYO, {
    alias: 'alias/lag-vault',
    allowAccounts: [A.centralBackup],
  });
  const lagArn = vaultArn(A.recovery, TOKYO, S.lag);
  b.vault(A.recovery, TOKYO, S.lag, {
    type: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    key: lagKey.arn,
    lock: { ...compliance(250), maxRetentionDays: 3650 },
    accessPolicy: allowOrgCopyPolicy(lagArn, DEMO_ORGANIZATION_ID),
  });
  b.startCopyJobs({
    sourceBackupVaultArn: centralVaultArn,
    destinationBackupVaultArn: lagArn,
    resourceArns: [billing.arn],
    lifecycle: { deleteAfterDays: 365 },
  });
}
