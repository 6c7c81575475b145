import { DescribeRegionSettingsCommand } from '@aws-sdk/client-backup';
import { AwsRegionSettingsFact } from '@backup-posture/plugin-backup-posture-common';
import { ScopeClients } from './clients';
import { isAccessDenied, PartialError } from './readErrors';
import { Scope, toFactError } from './types';

/**
 * AWS Backup's region settings of one account × region (`DescribeRegionSettings`, rule A6): which
 * resource types it protects here (`ResourceTypeOptInPreference`) and which it fully manages
 * (`ResourceTypeManagementPreference`: DynamoDB's key depends on it). A denied read is kept in the
 * fact as its error (what depends on it is then unknown) and recorded as partial; any other error
 * fails the scope, which keeps its last good snapshot, settings included.
 */
export async function readRegionSettings(
  scope: Scope,
  { backup }: ScopeClients,
  partial: PartialError,
  /** When the scope's read started (the snapshot's `collectedAt`). */
  readAt: string,
): Promise<AwsRegionSettingsFact> {
  const fact: AwsRegionSettingsFact = {
    accountId: scope.accountId,
    region: scope.region,
  };
  try {
    const out = await backup.send(new DescribeRegionSettingsCommand({}));
    if (out.ResourceTypeOptInPreference)
      fact.resourceTypeOptInPreference = { ...out.ResourceTypeOptInPreference };
    if (out.ResourceTypeManagementPreference)
      fact.resourceTypeManagementPreference = {
        ...out.ResourceTypeManagementPreference,
      };
    fact.readAt = readAt;
    return fact;
  } catch (e) {
    if (!isAccessDenied(e)) throw e;
    partial('DescribeRegionSettings', `${scope.accountId}/${scope.region}`, e);
    return { ...fact, error: toFactError(e) };
  }
}
