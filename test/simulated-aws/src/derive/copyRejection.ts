import { isSourceDependent } from '../model/resourceTypes';
import { dynamoDbUnmanaged } from '../model/regionSettings';
import { SimLifecycle, SimResource } from '../model/types';
import { EstateIndex } from './estateIndex';
import { policyAllows } from './policy';
import { COPY_STATUS } from './statusMessages';

/**
 * Why AWS would reject a copy (B1-B6), or undefined when it goes through. The copy runs in
 * `sourceAccountId` (the source vault's account: the resource's for a plan's copy action, a
 * central account's for a second hop started there).
 */
export function copyRejection(
  index: EstateIndex,
  resource: SimResource,
  sourceKeyArn: string | undefined,
  destinationVaultArn: string,
  copyLifecycle: SimLifecycle | undefined,
  sourceAccountId: string = resource.accountId,
): { rule: string; message: string } | undefined {
  const destination = index.vaultsByArn.get(destinationVaultArn);
  if (!destination) {
    return {
      rule: 'missing-vault',
      message: COPY_STATUS.destinationVaultMissing(destinationVaultArn),
    };
  }
  const estate = index.estate;
  if (
    dynamoDbUnmanaged(
      estate,
      resource.accountId,
      resource.region,
      resource.type,
    )
  )
    return { rule: 'A6', message: COPY_STATUS.dynamoDbNotFullyManaged };
  if (destination.accountId === sourceAccountId) return undefined;
  if (
    !index.inOrganization(sourceAccountId) ||
    !index.inOrganization(destination.accountId)
  ) {
    return { rule: 'B1', message: COPY_STATUS.notSameOrganization };
  }
  if (!estate.globalSettings.isCrossAccountBackupEnabled) {
    return { rule: 'B1', message: COPY_STATUS.crossAccountDisabled };
  }
  if (destination.name === 'Default') {
    return {
      rule: 'B3',
      message: COPY_STATUS.defaultVaultDestination(destination.arn),
    };
  }
  const copyAllowed = policyAllows(
    destination.accessPolicy,
    'backup:CopyIntoBackupVault',
    {
      accountId: sourceAccountId,
      principalArn: `arn:aws:iam::${sourceAccountId}:role/service-role/AWSBackupDefaultServiceRole`,
      organizationId: estate.organization.id,
      organizationPaths: index.organizationPaths(sourceAccountId),
    },
  );
  if (!copyAllowed) {
    return {
      rule: 'B2',
      message: COPY_STATUS.copyIntoDenied(sourceAccountId, destination.arn),
    };
  }
  if (copyLifecycle?.moveToColdStorageAfterDays !== undefined) {
    return { rule: 'B6', message: COPY_STATUS.coldStorageCrossAccount };
  }
  if (isSourceDependent(resource.type) && sourceKeyArn) {
    const key = index.keysByArn.get(sourceKeyArn);
    const shareable =
      key?.keyManager === 'CUSTOMER' &&
      key.keyState === 'Enabled' &&
      policyAllows(key.policy, 'kms:Decrypt', {
        accountId: destination.accountId,
      }) &&
      policyAllows(key.policy, 'kms:CreateGrant', {
        accountId: destination.accountId,
      });
    if (!shareable)
      return {
        rule: 'B4',
        message: COPY_STATUS.keyNotAccessible(sourceKeyArn),
      };
  }
  return undefined;
}
