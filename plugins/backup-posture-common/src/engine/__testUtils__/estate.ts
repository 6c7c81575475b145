/**
 * Generated estates for property tests: services that share one workload account and region (the
 * common real shape), the account's `Default` vault, central copies, a shared air-gapped vault
 * reached in two hops, and every key kind. Each service is its resource, its plan, the vaults only
 * it uses, its recovery points and copy jobs; shared vaults and AWS-managed keys belong to the
 * estate.
 */
import fc from 'fast-check';
import {
  AwsBackupSelectionFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsInventory,
  AwsKmsKeyFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../../inventory';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyJob,
  copyPoint,
  daysAgo,
  denyDeletePolicy,
  hoursAgo,
  orgCopyPolicy,
  OSAKA,
  plan,
  PROD,
  RECOVERY,
  recoveryPoint,
  resource,
  rule,
  selection,
  TOKYO,
  vault,
} from '../__fixtures__/builders';

const RESOURCE_TYPES = ['Aurora', 'RDS', 'EBS', 'S3', 'DynamoDB', 'EFS'];

/** What a generated service looks like, before it is turned into facts. */
export interface ServiceShape {
  type: string;
  sourceKey: 'cmk' | 'aws-managed' | 'none';
  selectBy: 'arn' | 'tags' | 'conditions' | 'wildcard-and-conditions';
  target: 'own-cmk' | 'own-aws-backup' | 'default';
  locked: boolean;
  deletionDenied: boolean;
  crossRegion: 'none' | 'cmk' | 'aws-backup';
  central: 'none' | 'copy' | 'copy-and-air-gap';
  coldDays?: number;
  deleteDays: number;
  backedUp: boolean;
  copyJobState: 'COMPLETED' | 'FAILED';
  pointAgeHours: number;
  /** A second resource of the service that no plan selects (an unprotected one). */
  stray: boolean;
}

export const serviceShape: fc.Arbitrary<ServiceShape> = fc.record({
  type: fc.constantFrom(...RESOURCE_TYPES),
  sourceKey: fc.constantFrom('cmk', 'aws-managed', 'none'),
  selectBy: fc.constantFrom(
    'arn',
    'tags',
    'conditions',
    'wildcard-and-conditions',
  ),
  target: fc.constantFrom('own-cmk', 'own-aws-backup', 'default'),
  locked: fc.boolean(),
  deletionDenied: fc.boolean(),
  crossRegion: fc.constantFrom('none', 'cmk', 'aws-backup'),
  central: fc.constantFrom('none', 'copy', 'copy-and-air-gap'),
  coldDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  deleteDays: fc.integer({ min: 1, max: 400 }),
  backedUp: fc.boolean(),
  copyJobState: fc.constantFrom('COMPLETED', 'FAILED'),
  pointAgeHours: fc.integer({ min: 1, max: 24 * 20 }),
  stray: fc.boolean(),
});

/** The facts a service owns. */
export type ServiceFacts = Omit<
  AwsInventory,
  'globalSettings' | 'organization'
>;

/** Facts every service may point at: the Default vault, central vaults, the air-gapped vault. */
export function sharedFacts(): ServiceFacts {
  const keys = [
    awsManagedKey(PROD, TOKYO, 'backup'),
    awsManagedKey(PROD, OSAKA, 'backup'),
    awsManagedKey(PROD, TOKYO, 'rds'),
    awsManagedKey(PROD, OSAKA, 'rds'),
    awsManagedKey(PROD, TOKYO, 'ebs'),
    awsManagedKey(PROD, OSAKA, 'ebs'),
    awsManagedKey(CENTRAL, TOKYO, 'rds'),
    awsManagedKey(CENTRAL, TOKYO, 'ebs'),
    cmk(CENTRAL, TOKYO, 'central-key', {
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    }),
  ];
  return {
    resources: [],
    plans: [],
    recoveryPoints: [],
    copyJobs: [],
    keys,
    vaults: [
      vault(PROD, TOKYO, 'Default', keys[0], { locked: false }),
      vault(CENTRAL, TOKYO, 'central', keys[8], {
        locked: true,
        lockDate: daysAgo(30),
        minRetentionDays: 1,
        accessPolicy: orgCopyPolicy(),
      }),
      vault(RECOVERY, TOKYO, 'air-gapped', undefined, {
        vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        encryptionKeyType: 'AWS_OWNED_KMS_KEY',
        locked: true,
        accessPolicy: orgCopyPolicy(),
      }),
    ],
  };
}

const shared = sharedFacts();
const sharedVault = (name: string) => shared.vaults.find(v => v.name === name)!;
const sharedKey = (alias: string, account: string, region: string) =>
  shared.keys.find(
    k =>
      k.aliases.includes(alias) &&
      k.accountId === account &&
      k.region === region,
  )!;

function selectionOf(
  shape: ServiceShape,
  res: AwsResourceFact,
  app: string,
): AwsBackupSelectionFact {
  const none = {
    stringEquals: [],
    stringNotEquals: [],
    stringLike: [],
    stringNotLike: [],
  };
  if (shape.selectBy === 'arn')
    return selection({
      resources: [res.arn],
      listOfTags: [],
      conditions: none,
    });
  if (shape.selectBy === 'tags')
    return selection({
      listOfTags: [
        {
          conditionType: 'STRINGEQUALS',
          conditionKey: 'app',
          conditionValue: app,
        },
      ],
    });
  // Conditions alone, or `Resources: *` narrowed by conditions (how the console writes it).
  return selection({
    listOfTags: [],
    resources: shape.selectBy === 'wildcard-and-conditions' ? ['*'] : [],
    conditions: {
      ...none,
      stringEquals: [
        { conditionKey: 'aws:ResourceTag/app', conditionValue: app },
      ],
    },
  });
}

/** The facts of service number `i` of the given shape. */
export function serviceFacts(i: number, shape: ServiceShape): ServiceFacts {
  const app = `svc-${i}`;
  const keys: AwsKmsKeyFact[] = [];
  const vaults: AwsBackupVaultFact[] = [];
  const points: AwsRecoveryPointFact[] = [];
  const jobs: AwsCopyJobFact[] = [];

  let sourceKey: AwsKmsKeyFact | undefined;
  if (shape.sourceKey === 'cmk') {
    sourceKey = cmk(PROD, TOKYO, `${app}-source`);
    keys.push(sourceKey);
  } else if (shape.sourceKey === 'aws-managed') {
    sourceKey = sharedKey('alias/aws/rds', PROD, TOKYO);
  }
  const res = resource(shape.type, PROD, TOKYO, app, {
    tags: { app },
    matchedBy: 'tags',
    ...(sourceKey ? { encryptionKeyArn: sourceKey.arn } : {}),
  });

  let target: AwsBackupVaultFact;
  if (shape.target === 'default') target = sharedVault('Default');
  else {
    const key =
      shape.target === 'own-cmk'
        ? cmk(PROD, TOKYO, `${app}-vault`)
        : sharedKey('alias/aws/backup', PROD, TOKYO);
    if (shape.target === 'own-cmk') keys.push(key);
    target = vault(PROD, TOKYO, `${app}-vault`, key, {
      locked: shape.locked,
      ...(shape.locked ? { lockDate: daysAgo(10), minRetentionDays: 1 } : {}),
      accessPolicy: shape.deletionDenied ? denyDeletePolicy : null,
    });
    vaults.push(target);
  }

  const copyActions: Array<{
    destinationBackupVaultArn: string;
    lifecycle?: {
      moveToColdStorageAfterDays?: number;
      deleteAfterDays?: number;
    };
  }> = [];
  let drVault: AwsBackupVaultFact | undefined;
  if (shape.crossRegion !== 'none') {
    const key =
      shape.crossRegion === 'cmk'
        ? cmk(PROD, OSAKA, `${app}-dr`)
        : sharedKey('alias/aws/backup', PROD, OSAKA);
    if (shape.crossRegion === 'cmk') keys.push(key);
    drVault = vault(PROD, OSAKA, `${app}-dr`, key, { locked: shape.locked });
    vaults.push(drVault);
    copyActions.push({
      destinationBackupVaultArn: drVault.arn,
      lifecycle: {
        deleteAfterDays: shape.deleteDays,
        ...(shape.coldDays
          ? { moveToColdStorageAfterDays: shape.coldDays }
          : {}),
      },
    });
  }
  const central = sharedVault('central');
  if (shape.central !== 'none')
    copyActions.push({ destinationBackupVaultArn: central.arn });

  const backupPlan = plan(
    PROD,
    TOKYO,
    [
      rule(target.name, {
        ruleName: `${app}-daily`,
        lifecycle: { deleteAfterDays: shape.deleteDays },
        copyActions,
      }),
    ],
    [selectionOf(shape, res, app)],
    `${app}-plan`,
  );

  if (shape.backedUp) {
    // A1: source-dependent types keep the source key, the others take the vault's key.
    const sourceDependent = ['Aurora', 'RDS', 'EBS'].includes(shape.type);
    const primaryKeyArn = sourceDependent
      ? sourceKey?.arn
      : target.encryptionKeyArn;
    const primary = recoveryPoint(res, target, undefined, {
      creationDate: hoursAgo(shape.pointAgeHours),
      ...(primaryKeyArn
        ? {
            isEncrypted: true,
            encryptionKeyArn: primaryKeyArn,
            encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY' as const,
          }
        : {}),
    });
    points.push(primary);
    if (drVault) {
      const state = shape.copyJobState;
      jobs.push(
        copyJob(res, target, drVault, state, { copyJobId: `${app}-dr` }),
      );
      if (state === 'COMPLETED')
        points.push(
          copyPoint(primary, drVault, undefined, {
            isEncrypted: true,
            encryptionKeyArn: drVault.encryptionKeyArn,
            encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
          }),
        );
    }
    if (shape.central !== 'none') {
      const centralPoint = copyPoint(primary, central, undefined, {
        isEncrypted: true,
        encryptionKeyArn: central.encryptionKeyArn,
        encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
      });
      points.push(centralPoint);
      jobs.push(
        copyJob(res, target, central, 'COMPLETED', {
          copyJobId: `${app}-central`,
        }),
      );
      if (shape.central === 'copy-and-air-gap') {
        const lag = sharedVault('air-gapped');
        const lagPoint = copyPoint(centralPoint, lag, undefined, {
          isEncrypted: true,
          encryptionKeyType: 'AWS_OWNED_KMS_KEY',
        });
        points.push(lagPoint);
        // The second hop is started in the central account (StartCopyJob), so AWS records the
        // job there.
        jobs.push(
          copyJob(res, central, lag, 'COMPLETED', {
            copyJobId: `${app}-air-gap`,
            accountId: CENTRAL,
            destinationVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
            sourceRecoveryPointArn: centralPoint.recoveryPointArn,
            destinationRecoveryPointArn: lagPoint.recoveryPointArn,
          }),
        );
      }
    }
  }
  const stray = shape.stray
    ? [
        resource(shape.type, PROD, TOKYO, `${app}-stray`, {
          tags: { app: `${app}-stray` },
          matchedBy: 'tags',
        }),
      ]
    : [];
  return {
    resources: [res, ...stray],
    plans: [backupPlan],
    vaults,
    keys,
    recoveryPoints: points,
    copyJobs: jobs,
  };
}

/** Facts merged in order, deduplicated by identity (shared vaults and keys appear once). */
export function mergeFacts(...parts: ServiceFacts[]): ServiceFacts {
  const uniq = <T>(items: T[], id: (t: T) => string) => {
    const seen = new Map<string, T>();
    for (const t of items) if (!seen.has(id(t))) seen.set(id(t), t);
    return [...seen.values()];
  };
  return {
    resources: uniq(
      parts.flatMap(p => p.resources),
      r => r.arn,
    ),
    plans: uniq(
      parts.flatMap(p => p.plans),
      p => p.planArn,
    ),
    vaults: uniq(
      parts.flatMap(p => p.vaults),
      v => v.arn,
    ),
    keys: uniq(
      parts.flatMap(p => p.keys),
      k => k.arn,
    ),
    recoveryPoints: uniq(
      parts.flatMap(p => p.recoveryPoints),
      p => p.recoveryPointArn,
    ),
    copyJobs: uniq(
      parts.flatMap(p => p.copyJobs),
      j => `${j.accountId}/${j.copyJobId}`,
    ),
  };
}

/** An inventory of `facts` with the organization and global settings every test estate has. */
export function inventoryOf(facts: ServiceFacts): AwsInventory {
  return awsInventory(facts);
}

/** The entity's service plus `neighbours` services in the same account and region. */
export const estate = fc.record({
  entity: serviceShape,
  neighbours: fc.array(serviceShape, { minLength: 1, maxLength: 6 }),
});
