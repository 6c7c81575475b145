import { SimStartedCopyJobs } from '../model/types';
import { copyJobRecord } from './copyJobRecord';
import { copyRejection } from './copyRejection';
import { EstateIndex } from './estateIndex';
import {
  HOUR,
  addMs,
  calculatedLifecycle,
  pointIdentity,
  rngFor,
} from './pointFields';
import { copyPointKey, keyType } from './pointKeys';
import { DerivedCopyJob, DerivedRecoveryPoint } from './types';

/**
 * Copy jobs started outside plans (StartCopyJob) in the source vault's account, one per point
 * there: a copy's `SourceBackupVaultArn` is the vault it was copied from, its `ResourceArn` the
 * original resource; no `CreatedBy` (no plan made it) and no `ParentRecoveryPointArn` (AWS keeps
 * that for composite points). The job (`ListCopyJobs` in the source account) links the source
 * point to the copy.
 */
export function deriveStartedCopies(
  index: EstateIndex,
  started: SimStartedCopyJobs,
  recoveryPoints: DerivedRecoveryPoint[],
  copyJobs: DerivedCopyJob[],
) {
  const estate = index.estate;
  const source = index.vaultsByArn.get(started.sourceBackupVaultArn);
  if (!source) return;
  const destination = index.vaultsByArn.get(started.destinationBackupVaultArn);
  const sourcePoints = recoveryPoints.filter(
    p =>
      p.backupVaultArn === source.arn &&
      (!started.resourceArns || started.resourceArns.includes(p.resourceArn)),
  );
  for (const point of sourcePoints) {
    const resource = estate.resources.find(r => r.arn === point.resourceArn);
    if (!resource) continue;
    const rng = rngFor(
      estate.seed,
      started.sourceBackupVaultArn,
      started.destinationBackupVaultArn,
      point.recoveryPointArn,
    );
    const jobCreated = addMs(
      point.completionDate,
      (started.delayHours ?? 2) * HOUR,
    );
    if (jobCreated > estate.now) continue;
    const deleteAfter = started.lifecycle?.deleteAfterDays;
    if (
      deleteAfter !== undefined &&
      Date.parse(estate.now) - Date.parse(jobCreated) > deleteAfter * 24 * HOUR
    )
      continue;
    const rejection = copyRejection(
      index,
      resource,
      point.encryptionKeyArn,
      started.destinationBackupVaultArn,
      started.lifecycle,
      source.accountId,
    );
    const job = copyJobRecord({
      copyJobId: rng.uuid().toUpperCase(),
      source,
      resource,
      sourceRecoveryPointArn: point.recoveryPointArn,
      destinationBackupVaultArn: started.destinationBackupVaultArn,
      destination,
      lifecycle: started.lifecycle,
      created: jobCreated,
      rejection,
      backupSizeInBytes: point.backupSizeInBytes,
      iamRoleArn: started.iamRoleArn,
    });
    if (!rejection && destination) {
      const copyKey = copyPointKey(
        index,
        resource,
        { keyArn: point.encryptionKeyArn },
        destination,
      );
      const copy: DerivedRecoveryPoint = {
        ...pointIdentity(resource, destination, rng.uuid()),
        sourceBackupVaultArn: source.arn,
        iamRoleArn: started.iamRoleArn,
        status: 'COMPLETED',
        creationDate: jobCreated,
        completionDate: job.completionDate!,
        backupSizeInBytes: point.backupSizeInBytes,
        lifecycle: started.lifecycle,
        calculatedLifecycle: calculatedLifecycle(jobCreated, started.lifecycle),
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
