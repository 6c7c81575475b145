import { PolicyDocument } from './types';

/** A vault access policy that lets the organization copy into the vault (rule B2). */
export function allowOrgCopyPolicy(
  vaultArn: string,
  organizationId: string,
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowOrganizationToCopyIntoVault',
        Effect: 'Allow',
        Principal: '*',
        Action: 'backup:CopyIntoBackupVault',
        Resource: vaultArn,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      },
      {
        Sid: 'DenyDeletion',
        Effect: 'Deny',
        Principal: '*',
        Action: [
          'backup:DeleteRecoveryPoint',
          'backup:UpdateRecoveryPointLifecycle',
          'backup:PutBackupVaultAccessPolicy',
        ],
        Resource: '*',
      },
    ],
  };
}

/** A vault access policy that only denies deleting points, changing lifecycles and the policy. */
export function denyDeletionPolicy(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyDeletion',
        Effect: 'Deny',
        Principal: '*',
        Action: [
          'backup:DeleteRecoveryPoint',
          'backup:UpdateRecoveryPointLifecycle',
          'backup:PutBackupVaultAccessPolicy',
        ],
        Resource: '*',
      },
    ],
  };
}

export function allowAccountsCopyPolicy(
  vaultArn: string,
  accountIds: string[],
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowListedAccountsToCopyIntoVault',
        Effect: 'Allow',
        Principal: { AWS: accountIds.map(a => `arn:aws:iam::${a}:root`) },
        Action: 'backup:CopyIntoBackupVault',
        Resource: vaultArn,
      },
    ],
  };
}
