import { paginateListAccounts } from '@aws-sdk/client-organizations';
import {
  DescribeOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  BackupClient,
  DescribeGlobalSettingsCommand,
} from '@aws-sdk/client-backup';
import {
  AwsGlobalSettingsFact,
  AwsOrganizationFact,
} from '@backup-posture/plugin-backup-posture-common';
import { toFactError } from './types';

/** ACTIVE accounts of the organization (ListAccounts pages may be empty with a NextToken). */
export async function discoverOrganization(
  client: OrganizationsClient,
): Promise<AwsOrganizationFact> {
  const { Organization } = await client.send(
    new DescribeOrganizationCommand({}),
  );
  const memberAccountIds: string[] = [];
  for await (const page of paginateListAccounts({ client, pageSize: 20 }, {})) {
    for (const a of page.Accounts ?? []) {
      if (a.Id && (a.State ?? a.Status) === 'ACTIVE')
        memberAccountIds.push(a.Id);
    }
  }
  return {
    organizationId: Organization?.Id,
    managementAccountId: Organization?.MasterAccountId,
    memberAccountIds,
  };
}

const bool = (v?: string) => (v === undefined ? undefined : v === 'true');

export async function readGlobalSettings(
  client: BackupClient,
  accountId: string,
): Promise<AwsGlobalSettingsFact> {
  try {
    const { GlobalSettings: g } = await client.send(
      new DescribeGlobalSettingsCommand({}),
    );
    const fact: AwsGlobalSettingsFact = { accountId };
    const cross = bool(g?.isCrossAccountBackupEnabled);
    const mpa = bool(g?.isMpaEnabled);
    if (cross !== undefined) fact.isCrossAccountBackupEnabled = cross;
    if (mpa !== undefined) fact.isMpaEnabled = mpa;
    return fact;
  } catch (e) {
    return { accountId, error: toFactError(e) };
  }
}
