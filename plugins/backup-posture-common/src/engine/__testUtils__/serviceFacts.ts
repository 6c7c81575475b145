/**
 * The facts of one generated service: its resource (and a stray one), its plan, the vaults only it
 * uses, its recovery points and copy jobs.
 */
import {
  AwsBackupSelectionFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsKmsKeyFact,
  AwsRecoveryPointFact,
  AwsResourceFact,
} from '../../inventory';
import {
  CENTRAL,
  cmk,
  copyJob,
  copyPoint,
  daysAgo,
  denyDeletePolicy,
  hoursAgo,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  selection,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import { ServiceShape } from './estateShape';
import { ServiceFacts, sharedFacts } from './sharedFacts';

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
