import { SimLifecycle, SimResource, SimVault } from '../model/types';
import { addMs, HOUR } from './pointFields';
import { DerivedCopyJob } from './types';

/**
 * The copy job AWS records for one copy of a recovery point, from a backup rule's copy action or
 * one started by hand: failed within a minute when AWS rejects it (B1..B6), else completed within
 * the hour.
 */
export function copyJobRecord(p: {
  copyJobId: string;
  source: Pick<SimVault, 'arn' | 'accountId' | 'region'>;
  resource: Pick<SimResource, 'arn' | 'type' | 'name'>;
  sourceRecoveryPointArn: string;
  destinationBackupVaultArn: string;
  destination: SimVault | undefined;
  lifecycle: SimLifecycle | undefined;
  created: string;
  rejection: { rule: string; message: string } | undefined;
  backupSizeInBytes: number;
  iamRoleArn: string;
}): DerivedCopyJob {
  const { rejection } = p;
  return {
    copyJobId: p.copyJobId,
    accountId: p.source.accountId,
    region: p.source.region,
    state: rejection ? 'FAILED' : 'COMPLETED',
    statusMessage: rejection?.message,
    failedBy: rejection?.rule,
    resourceArn: p.resource.arn,
    resourceType: p.resource.type,
    resourceName: p.resource.name,
    sourceBackupVaultArn: p.source.arn,
    sourceRecoveryPointArn: p.sourceRecoveryPointArn,
    destinationBackupVaultArn: p.destinationBackupVaultArn,
    destinationVaultType: p.destination?.type,
    destinationRecoveryPointLifecycle: p.lifecycle,
    creationDate: p.created,
    completionDate: addMs(p.created, rejection ? 60_000 : HOUR),
    backupSizeInBytes: p.backupSizeInBytes,
    iamRoleArn: p.iamRoleArn,
  };
}
