import { PolicyDocument, PolicyStatement } from './types';

export function awsManagedKeyPolicy(
  accountId: string,
  region: string,
  alias: string,
): PolicyDocument {
  const service = alias.split('/')[2];
  const viaService =
    service === 'ebs'
      ? `ec2.${region}.amazonaws.com`
      : `${service}.${region}.amazonaws.com`;
  return {
    Version: '2012-10-17',
    Id: `auto-${service}-1`,
    Statement: [
      {
        Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': accountId,
            'kms:ViaService': viaService,
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ],
  };
}

export function customerKeyPolicy(
  accountId: string,
  allowAccounts: string[],
  allowBackupService: boolean,
): PolicyDocument {
  const statements: PolicyStatement[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (allowBackupService) {
    statements.push({
      Sid: 'Allow AWS Backup to use the key',
      Effect: 'Allow',
      Principal: {
        AWS: `arn:aws:iam::${accountId}:role/service-role/AWSBackupDefaultServiceRole`,
      },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey',
        'kms:CreateGrant',
      ],
      Resource: '*',
    });
  }
  if (allowAccounts.length > 0) {
    statements.push({
      Sid: 'Allow use of the key by the backup accounts',
      Effect: 'Allow',
      Principal: { AWS: allowAccounts.map(a => `arn:aws:iam::${a}:root`) },
      Action: [
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:CreateGrant',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:GetKeyRotationStatus',
      ],
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Id: 'key-policy', Statement: statements };
}
