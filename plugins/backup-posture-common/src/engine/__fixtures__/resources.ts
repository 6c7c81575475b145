/** Source resources of test inventories, with the ARN each type has. */
import { AwsResourceFact } from '../../inventory';

export function resource(
  type: string,
  account: string,
  region: string,
  name: string,
  extra: Partial<AwsResourceFact> = {},
): AwsResourceFact {
  const arns: Record<string, string> = {
    Aurora: `arn:aws:rds:${region}:${account}:cluster:${name}`,
    RDS: `arn:aws:rds:${region}:${account}:db:${name}`,
    EBS: `arn:aws:ec2:${region}:${account}:volume/${name}`,
    S3: `arn:aws:s3:::${name}`,
    DynamoDB: `arn:aws:dynamodb:${region}:${account}:table/${name}`,
    EFS: `arn:aws:elasticfilesystem:${region}:${account}:file-system/${name}`,
  };
  return {
    arn:
      arns[type] ??
      `arn:aws:${type.toLowerCase()}:${region}:${account}:${name}`,
    resourceType: type,
    accountId: account,
    region,
    tags: { app: 'payments' },
    matchedBy: 'tags',
    ...extra,
  };
}
