import { ResourceType } from './types';

/**
 * Rule A1: independent types are re-encrypted with the backup vault's key; source-dependent types
 * keep the source resource's key in the primary recovery point.
 */
export const INDEPENDENT_TYPES: ReadonlySet<ResourceType> = new Set([
  'S3',
  'EFS',
  'DynamoDB',
]);

export function isSourceDependent(type: ResourceType): boolean {
  return !INDEPENDENT_TYPES.has(type);
}

/**
 * Rule A4 and the copy-destination-key check: a source-dependent copy into a vault whose key is
 * the AWS-managed `aws/backup` key gets the service's own AWS-managed key instead.
 */
export function awsManagedFallbackAlias(
  type: ResourceType,
): string | undefined {
  switch (type) {
    case 'RDS':
    case 'Aurora':
    case 'DocumentDB':
    case 'Neptune':
      return 'alias/aws/rds';
    case 'EBS':
    case 'EC2':
      return 'alias/aws/ebs';
    default:
      return undefined;
  }
}

/** Types whose recovery points can move to cold storage. */
export const COLD_STORAGE_TYPES: ReadonlySet<ResourceType> = new Set([
  'EFS',
  'DynamoDB',
  'EBS',
  'S3',
]);

export function resourceArn(
  type: ResourceType,
  accountId: string,
  region: string,
  name: string,
): string {
  switch (type) {
    case 'S3':
      return `arn:aws:s3:::${name}`;
    case 'EFS':
      return `arn:aws:elasticfilesystem:${region}:${accountId}:file-system/${name}`;
    case 'DynamoDB':
      return `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
    case 'EBS':
      return `arn:aws:ec2:${region}:${accountId}:volume/${name}`;
    case 'EC2':
      return `arn:aws:ec2:${region}:${accountId}:instance/${name}`;
    case 'RDS':
      return `arn:aws:rds:${region}:${accountId}:db:${name}`;
    case 'Aurora':
    case 'DocumentDB':
    case 'Neptune':
      return `arn:aws:rds:${region}:${accountId}:cluster:${name}`;
    case 'Redshift':
      return `arn:aws:redshift:${region}:${accountId}:cluster:${name}`;
    default:
      throw new Error(`unknown resource type ${type}`);
  }
}

/** The recovery point ARN AWS Backup gives a backup of this type in this account and region. */
export function recoveryPointArn(
  type: ResourceType,
  accountId: string,
  region: string,
  id: string,
): string {
  switch (type) {
    case 'EBS':
      return `arn:aws:ec2:${region}::snapshot/snap-${id.replace(/-/g, '').slice(0, 17)}`;
    case 'EC2':
      return `arn:aws:ec2:${region}::image/ami-${id.replace(/-/g, '').slice(0, 17)}`;
    case 'RDS':
      return `arn:aws:rds:${region}:${accountId}:snapshot:awsbackup:job-${id}`;
    case 'Aurora':
    case 'DocumentDB':
    case 'Neptune':
      return `arn:aws:rds:${region}:${accountId}:cluster-snapshot:awsbackup:job-${id}`;
    case 'Redshift':
      return `arn:aws:redshift:${region}:${accountId}:snapshot:awsbackup/job-${id}`;
    default:
      return `arn:aws:backup:${region}:${accountId}:recovery-point:${id}`;
  }
}

/**
 * The Resource Groups Tagging API's `service[:resourceType]` for an ARN, e.g. `rds:db`,
 * `ec2:volume`, `s3`.
 */
export function taggingResourceType(arn: string): string {
  const [, , service, , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  if (service === 's3') return 's3';
  const type = resource.split(/[:/]/)[0];
  return `${service}:${type}`;
}

export function parseArn(arn: string): {
  service: string;
  region: string;
  accountId: string;
  resource: string;
} {
  const parts = arn.split(':');
  return {
    service: parts[2] ?? '',
    region: parts[3] ?? '',
    accountId: parts[4] ?? '',
    resource: parts.slice(5).join(':'),
  };
}
