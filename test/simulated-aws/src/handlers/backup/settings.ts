import { regionSettingsOf } from '../../model/regionSettings';
import { AwsError, epoch } from '../common/errors';
import { RequestContext } from '../common/context';

export function describeGlobalSettings(ctx: RequestContext) {
  const { accountId } = ctx.caller;
  if (!ctx.index.inOrganization(accountId)) {
    // What AWS answers outside an organization (a 400 with this code, reported by AWS users).
    throw new AwsError(
      'ERROR_9601',
      'Your account is not a member of an organization.',
    );
  }
  if (accountId !== ctx.estate.organization.managementAccountId) {
    throw new AwsError(
      'AccessDeniedException',
      'Insufficient privileges to perform this action. Only the management account of the organization can describe global settings.',
      403,
    );
  }
  const g = ctx.estate.globalSettings;
  return {
    GlobalSettings: {
      isCrossAccountBackupEnabled: String(g.isCrossAccountBackupEnabled),
      isMpaEnabled: String(g.isMpaEnabled),
      isDelegatedAdministratorEnabled: 'false',
    },
    LastUpdateTime: epoch(g.lastUpdateTime),
  };
}

/**
 * DescribeRegionSettings (`GET /account-settings`): the caller's account in the signed Region;
 * every account may read its own, no organization needed (rule A6).
 */
export function describeRegionSettings(ctx: RequestContext) {
  const { optIn, management } = regionSettingsOf(
    ctx.estate,
    ctx.caller.accountId,
    ctx.region,
  );
  return {
    ResourceTypeOptInPreference: optIn,
    ResourceTypeManagementPreference: management,
  };
}
