/** Backup vaults of test inventories, and vault access policies. */
import { AwsBackupVaultFact, AwsKmsKeyFact } from '../../inventory';
import { daysAgo, ORG_ID, vaultArn } from './ids';

export function vault(
  account: string,
  region: string,
  name: string,
  key: AwsKmsKeyFact | undefined,
  extra: Partial<AwsBackupVaultFact> = {},
): AwsBackupVaultFact {
  return {
    arn: vaultArn(account, region, name),
    name,
    accountId: account,
    region,
    vaultType: 'BACKUP_VAULT',
    encryptionKeyArn: key?.arn,
    encryptionKeyType: key ? 'CUSTOMER_MANAGED_KMS_KEY' : undefined,
    creationDate: daysAgo(100),
    locked: false,
    accessPolicy: null,
    ...extra,
  };
}

/** A vault access policy allowing CopyIntoBackupVault for the organization. */
export const orgCopyPolicy = (extraStatements: object[] = []) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'backup:CopyIntoBackupVault',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } },
      },
      ...extraStatements,
    ],
  });

export const denyDeletePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
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
});
