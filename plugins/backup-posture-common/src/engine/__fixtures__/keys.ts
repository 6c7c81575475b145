/** KMS keys of test inventories: customer managed keys and AWS-managed keys. */
import { AwsKmsKeyFact } from '../../inventory';
import { keyArn } from './ids';

export function cmk(
  account: string,
  region: string,
  id: string,
  extra: Partial<AwsKmsKeyFact> = {},
): AwsKmsKeyFact {
  return {
    arn: keyArn(account, region, id),
    keyId: id,
    accountId: account,
    region,
    aliases: [`alias/${id}`],
    keyManager: 'CUSTOMER',
    keyState: 'Enabled',
    enabled: true,
    multiRegion: id.startsWith('mrk-'),
    rotationEnabled: true,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    }),
    ...extra,
  };
}

/** An AWS-managed key such as aws/backup or aws/rds. */
export function awsManagedKey(
  account: string,
  region: string,
  service: 'backup' | 'rds' | 'ebs',
  extra: Partial<AwsKmsKeyFact> = {},
): AwsKmsKeyFact {
  const id = `${service}-${account}-${region}`;
  return {
    arn: keyArn(account, region, id),
    keyId: id,
    accountId: account,
    region,
    aliases: [`alias/aws/${service}`],
    keyManager: 'AWS',
    keyState: 'Enabled',
    enabled: true,
    ...extra,
  };
}
