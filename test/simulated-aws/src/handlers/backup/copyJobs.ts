import { DerivedCopyJob } from '../../derive/types';
import { epoch } from '../common/errors';
import { RequestContext } from '../common/context';
import { creatorOut, lifecycleOut, page, timestampParam } from './shared';

function copyJobOut(j: DerivedCopyJob) {
  return {
    AccountId: j.accountId,
    CopyJobId: j.copyJobId,
    SourceBackupVaultArn: j.sourceBackupVaultArn,
    SourceRecoveryPointArn: j.sourceRecoveryPointArn,
    DestinationBackupVaultArn: j.destinationBackupVaultArn,
    DestinationVaultType: j.destinationVaultType,
    DestinationRecoveryPointArn: j.destinationRecoveryPointArn,
    DestinationEncryptionKeyArn: j.destinationEncryptionKeyArn,
    DestinationRecoveryPointLifecycle: lifecycleOut(
      j.destinationRecoveryPointLifecycle,
    ),
    ResourceArn: j.resourceArn,
    CreationDate: epoch(j.creationDate),
    CompletionDate: epoch(j.completionDate),
    State: j.state,
    StatusMessage: j.statusMessage,
    BackupSizeInBytes: j.backupSizeInBytes,
    IamRoleArn: j.iamRoleArn,
    CreatedBy: creatorOut(j.createdBy),
    ResourceType: j.resourceType,
    IsParent: false,
    ResourceName: j.resourceName,
  };
}

export function listCopyJobs(input: Record<string, any>, ctx: RequestContext) {
  const after = timestampParam(input.createdAfter);
  const before = timestampParam(input.createdBefore);
  const completeAfter = timestampParam(input.completeAfter);
  const completeBefore = timestampParam(input.completeBefore);
  const jobs = (
    ctx.lookup.copyJobsByScope.get(`${ctx.caller.accountId}|${ctx.region}`) ??
    []
  )
    .filter(
      j =>
        (!input.resourceArn || j.resourceArn === input.resourceArn) &&
        (!input.state || j.state === input.state) &&
        (!input.resourceType || j.resourceType === input.resourceType) &&
        (!input.destinationVaultArn ||
          j.destinationBackupVaultArn === input.destinationVaultArn) &&
        (!input.accountId || j.accountId === input.accountId) &&
        (!input.sourceRecoveryPointArn ||
          j.sourceRecoveryPointArn === input.sourceRecoveryPointArn) &&
        (!after || j.creationDate >= after) &&
        (!before || j.creationDate <= before) &&
        (!completeAfter || (j.completionDate ?? '') >= completeAfter) &&
        (!completeBefore || (j.completionDate ?? '') <= completeBefore) &&
        (!input.messageCategory ||
          (input.messageCategory === 'SUCCESS'
            ? j.state === 'COMPLETED'
            : j.state === 'FAILED')),
    )
    .sort((a, b) => b.creationDate.localeCompare(a.creationDate));
  const binding = `ListCopyJobs:${JSON.stringify({ ...input, nextToken: undefined, maxResults: undefined })}`;
  const { page: items, nextToken } = page(jobs, input, binding);
  return { CopyJobs: items.map(copyJobOut), NextToken: nextToken };
}
