/**
 * The demo estate's situations (seeds 000–004) as inventories: the Aurora cluster in Tokyo with a
 * multi-region CMK, copied to Osaka and to the central backup account.
 */
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyJob,
  copyPoint,
  entity,
  orgCopyPolicy,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  vaultArn,
} from './builders';

/** Seed 002: Aurora copy into an Osaka vault with aws/backup → copies get aws/rds, replica unused. */
export function auroraCrossRegionIntoAwsBackupVault() {
  const sourceKey = cmk(PROD, TOKYO, 'mrk-aurora', {
    multiRegionKeyType: 'PRIMARY',
    replicaKeyArns: [`arn:aws:kms:${OSAKA}:${PROD}:key/mrk-aurora`],
  });
  const replica = cmk(PROD, OSAKA, 'mrk-aurora', {
    multiRegionKeyType: 'REPLICA',
    primaryKeyArn: sourceKey.arn,
  });
  const awsBackupOsaka = awsManagedKey(PROD, OSAKA, 'backup');
  const awsRdsOsaka = awsManagedKey(PROD, OSAKA, 'rds');
  const vaultKey = cmk(PROD, TOKYO, 'vault-key');
  const aurora = resource('Aurora', PROD, TOKYO, 'payments-db', {
    encryptionKeyArn: sourceKey.arn,
  });
  const primaryVault = vault(PROD, TOKYO, 'payments', vaultKey);
  const drVault = vault(PROD, OSAKA, 'dr', awsBackupOsaka);
  const primary = recoveryPoint(aurora, primaryVault, sourceKey);
  const copy = copyPoint(primary, drVault, awsRdsOsaka);
  const inventory = entity(
    awsInventory({
      resources: [aurora],
      vaults: [primaryVault, drVault],
      keys: [sourceKey, replica, awsBackupOsaka, awsRdsOsaka, vaultKey],
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: drVault.arn,
                lifecycle: { deleteAfterDays: 35 },
              },
            ],
          }),
        ]),
      ],
      recoveryPoints: [primary, copy],
      copyJobs: [
        copyJob(aurora, primaryVault, drVault, 'COMPLETED', {
          destinationRecoveryPointArn: copy.recoveryPointArn,
        }),
      ],
    }),
  );
  return {
    inventory,
    aurora,
    sourceKey,
    replica,
    awsRdsOsaka,
    primaryVault,
    drVault,
    primary,
    copy,
  };
}

/** The fix of seed 002: the Osaka vault created with the replica of the multi-region key. */
export function auroraCrossRegionIntoReplicaVault() {
  const s = auroraCrossRegionIntoAwsBackupVault();
  const drVault = vault(PROD, OSAKA, 'dr', s.replica);
  const copy = copyPoint(s.primary, drVault, s.replica);
  const aws = s.inventory.aws!;
  const inventory = entity(
    awsInventory({
      ...aws,
      vaults: [s.primaryVault, drVault],
      recoveryPoints: [s.primary, copy],
      copyJobs: [
        copyJob(s.aurora, s.primaryVault, drVault, 'COMPLETED', {
          destinationRecoveryPointArn: copy.recoveryPointArn,
        }),
      ],
    }),
  );
  return { ...s, inventory, drVault, copy };
}

/** Seed 004: RDS encrypted with aws/rds copied to the central backup account (B4: impossible). */
export function rdsWithAwsManagedKeyCrossAccount() {
  const awsRds = awsManagedKey(PROD, TOKYO, 'rds');
  const vaultKey = cmk(PROD, TOKYO, 'vault-key');
  const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
  const db = resource('RDS', PROD, TOKYO, 'orders', {
    encryptionKeyArn: awsRds.arn,
  });
  const primaryVault = vault(PROD, TOKYO, 'payments', vaultKey);
  const centralVault = vault(CENTRAL, TOKYO, 'central', centralKey, {
    accessPolicy: orgCopyPolicy(),
  });
  const primary = recoveryPoint(db, primaryVault, awsRds);
  const failedJob = copyJob(db, primaryVault, centralVault, 'FAILED', {
    statusMessage:
      'Copy job failed because the snapshot is encrypted with the default AWS managed KMS key, which cannot be shared with another account.',
  });
  const inventory = entity(
    awsInventory({
      resources: [db],
      vaults: [primaryVault, centralVault],
      keys: [awsRds, vaultKey, centralKey],
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [{ destinationBackupVaultArn: centralVault.arn }],
          }),
        ]),
      ],
      recoveryPoints: [primary],
      copyJobs: [failedJob],
    }),
  );
  return {
    inventory,
    db,
    awsRds,
    primaryVault,
    centralVault,
    primary,
    failedJob,
  };
}

export const centralVaultArn = vaultArn(CENTRAL, TOKYO, 'central');
