import { dynamoDbUnmanaged, optedIn } from '../model/regionSettings';
import { Estate } from '../model/types';
import { copyJobRecord } from './copyJobRecord';
import { copyRejection } from './copyRejection';
import { EstateIndex } from './estateIndex';
import {
  HOUR,
  addMs,
  calculatedLifecycle,
  createdBy,
  pointIdentity,
  rngFor,
} from './pointFields';
import {
  copyPointKey,
  keyType,
  pointEncryption,
  primaryPointKey,
} from './pointKeys';
import { protectedResources } from './protectedResources';
import { selectionAssigns } from './selection';
import { deriveStartedCopies } from './startedCopies';
import { DerivedBackups, DerivedCopyJob, DerivedRecoveryPoint } from './types';

/**
 * Everything AWS Backup would have produced from the estate's plans: the primary recovery
 * points each rule kept, one copy job per copy action and point (FAILED when AWS rejects it),
 * the copies, and the protected resources per account and region.
 */
export function deriveBackups(estate: Estate): DerivedBackups {
  const index = new EstateIndex(estate);
  const recoveryPoints: DerivedRecoveryPoint[] = [];
  const copyJobs: DerivedCopyJob[] = [];
  const now = estate.now;

  for (const plan of estate.plans) {
    const candidates = estate.resources.filter(
      r => r.accountId === plan.accountId && r.region === plan.region,
    );
    // A6: a type not opted in in the plan's Region is never backed up, selected or not.
    const assigned = candidates.filter(
      r =>
        plan.selections.some(s => selectionAssigns(s, r)) &&
        optedIn(estate, plan.accountId, plan.region, r.type),
    );
    for (const rule of plan.rules) {
      const vault = estate.vaults.find(
        v =>
          v.accountId === plan.accountId &&
          v.region === plan.region &&
          v.name === rule.targetBackupVaultName,
      );
      if (!vault) continue;
      const role = plan.selections[0]?.iamRoleArn ?? '';
      for (const resource of assigned) {
        for (const age of rule.pointAgesDays) {
          if (
            rule.lifecycle?.deleteAfterDays !== undefined &&
            age > rule.lifecycle.deleteAfterDays
          )
            continue;
          const rng = rngFor(
            estate.seed,
            plan.arn,
            rule.ruleId,
            resource.arn,
            age,
          );
          const creationDate = addMs(now, -age * 24 * HOUR - 6 * HOUR);
          const completionDate = addMs(creationDate, HOUR / 2);
          const size = 1_000_000_000 + rng.int(50_000_000_000);
          const unmanaged = dynamoDbUnmanaged(
            estate,
            resource.accountId,
            resource.region,
            resource.type,
          );
          const key = primaryPointKey(resource, vault, creationDate, unmanaged);
          const primary: DerivedRecoveryPoint = {
            ...pointIdentity(resource, vault, rng.uuid(), unmanaged),
            createdBy: createdBy(plan, rule),
            iamRoleArn: role,
            status: 'COMPLETED',
            creationDate,
            completionDate,
            backupSizeInBytes: size,
            lifecycle: rule.lifecycle,
            calculatedLifecycle: calculatedLifecycle(
              creationDate,
              rule.lifecycle,
            ),
            ...pointEncryption(vault, key),
          };
          recoveryPoints.push(primary);

          for (const action of rule.copyActions) {
            if (
              action.lifecycle?.deleteAfterDays !== undefined &&
              age > action.lifecycle.deleteAfterDays
            )
              continue;
            const jobCreated = addMs(completionDate, HOUR / 4);
            const rejection = copyRejection(
              index,
              resource,
              key.keyArn,
              action.destinationBackupVaultArn,
              action.lifecycle,
            );
            const destination = index.vaultsByArn.get(
              action.destinationBackupVaultArn,
            );
            const job: DerivedCopyJob = {
              ...copyJobRecord({
                copyJobId: rng.uuid().toUpperCase(),
                source: vault,
                resource,
                sourceRecoveryPointArn: primary.recoveryPointArn,
                destinationBackupVaultArn: action.destinationBackupVaultArn,
                destination,
                lifecycle: action.lifecycle,
                created: jobCreated,
                rejection,
                backupSizeInBytes: size,
                iamRoleArn: role,
              }),
              createdBy: createdBy(plan, rule),
            };
            if (!rejection && destination) {
              const copyKey = copyPointKey(index, resource, key, destination);
              const copy: DerivedRecoveryPoint = {
                ...primary,
                ...pointIdentity(resource, destination, rng.uuid()),
                sourceBackupVaultArn: vault.arn,
                creationDate: jobCreated,
                completionDate: job.completionDate!,
                lifecycle: action.lifecycle,
                calculatedLifecycle: calculatedLifecycle(
                  jobCreated,
                  action.lifecycle,
                ),
                isEncrypted: copyKey.keyArn !== undefined,
                encryptionKeyArn: copyKey.keyArn,
                encryptionKeyType: keyType(destination, copyKey.keyArn),
                keyRule: copyKey.rule,
              };
              recoveryPoints.push(copy);
              job.destinationRecoveryPointArn = copy.recoveryPointArn;
              job.destinationEncryptionKeyArn = copy.encryptionKeyArn;
            }
            copyJobs.push(job);
          }
        }
      }
    }
  }

  for (const started of estate.startedCopyJobs ?? []) {
    deriveStartedCopies(index, started, recoveryPoints, copyJobs);
  }

  for (const manual of estate.manualRecoveryPoints) {
    const resource = estate.resources.find(r => r.arn === manual.resourceArn);
    const vault = index.vaultsByArn.get(manual.vaultArn);
    if (!resource || !vault) continue;
    const rng = rngFor(
      estate.seed,
      manual.resourceArn,
      manual.vaultArn,
      manual.creationDate,
    );
    const unmanaged = dynamoDbUnmanaged(
      estate,
      resource.accountId,
      resource.region,
      resource.type,
    );
    const key = primaryPointKey(
      resource,
      vault,
      manual.creationDate,
      unmanaged,
    );
    const lifecycle = manual.deleteAfterDays
      ? { deleteAfterDays: manual.deleteAfterDays }
      : undefined;
    recoveryPoints.push({
      ...pointIdentity(resource, vault, rng.uuid(), unmanaged),
      iamRoleArn: `arn:aws:iam::${vault.accountId}:role/service-role/AWSBackupDefaultServiceRole`,
      status: 'COMPLETED',
      creationDate: manual.creationDate,
      completionDate: addMs(manual.creationDate, HOUR / 2),
      backupSizeInBytes: 1_000_000_000,
      lifecycle,
      calculatedLifecycle: calculatedLifecycle(manual.creationDate, lifecycle),
      ...pointEncryption(vault, key),
    });
  }

  return {
    recoveryPoints,
    copyJobs,
    protectedResources: protectedResources(recoveryPoints),
  };
}
