import { FactError } from '@backup-posture/plugin-backup-posture-common';

/** What kind of resource an ARN names, as far as reading its own key goes. */
export type SourceKind =
  | 'rds-cluster'
  | 'rds-instance'
  | 'ebs-volume'
  | 'ec2-instance'
  | 'efs'
  | 'dynamodb'
  | 's3'
  | 'redshift';

/** A resource whose own key can be read, with the id its describe call takes. */
export interface SourceRef {
  arn: string;
  kind: SourceKind;
  id: string;
  /** Absent for S3 buckets: their ARN names neither account nor region. */
  accountId?: string;
  region?: string;
}

/** The key of one resource as read from its service. */
export interface SourceKeyReading {
  /** Absent when the read found no KMS key (unencrypted, SSE-S3, AWS-owned DynamoDB key). */
  encryptionKeyArn?: string;
  /** The call that read it, e.g. `rds:DescribeDBClusters`. */
  encryptionKeySource: string;
  encryptionKeyError?: FactError;
}

/** The call each kind's key is read with (also the IAM action it needs, but for S3). */
export const SOURCE_OF: Record<SourceKind, string> = {
  'rds-cluster': 'rds:DescribeDBClusters',
  'rds-instance': 'rds:DescribeDBInstances',
  'ebs-volume': 'ec2:DescribeVolumes',
  'ec2-instance': 'ec2:DescribeVolumes',
  efs: 'elasticfilesystem:DescribeFileSystems',
  dynamodb: 'dynamodb:DescribeTable',
  s3: 's3:GetBucketEncryption',
  redshift: 'redshift:DescribeClusters',
};

const PATTERNS: Array<[SourceKind, RegExp]> = [
  // Aurora, DocumentDB and Neptune clusters are all RDS clusters.
  ['rds-cluster', /^arn:aws[\w-]*:rds:([\w-]+):(\d{12}):cluster:([^:/]+)$/],
  ['rds-instance', /^arn:aws[\w-]*:rds:([\w-]+):(\d{12}):db:([^:/]+)$/],
  ['ebs-volume', /^arn:aws[\w-]*:ec2:([\w-]+):(\d{12}):volume\/([^/]+)$/],
  ['ec2-instance', /^arn:aws[\w-]*:ec2:([\w-]+):(\d{12}):instance\/([^/]+)$/],
  [
    'efs',
    /^arn:aws[\w-]*:elasticfilesystem:([\w-]+):(\d{12}):file-system\/([^/]+)$/,
  ],
  ['dynamodb', /^arn:aws[\w-]*:dynamodb:([\w-]+):(\d{12}):table\/([^/]+)$/],
  ['redshift', /^arn:aws[\w-]*:redshift:([\w-]+):(\d{12}):cluster:([^:/]+)$/],
];

/** The source reference of an ARN, or undefined for types whose key is not read. */
export function sourceRefOf(arn: string): SourceRef | undefined {
  const bucket = /^arn:aws[\w-]*:s3:::([^/]+)$/.exec(arn);
  if (bucket) return { arn, kind: 's3', id: bucket[1] };
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(arn);
    if (m) {
      // DescribeTable and the RDS id filters take the ARN itself.
      const id = kind === 'dynamodb' ? arn : m[3];
      return { arn, kind, id, region: m[1], accountId: m[2] };
    }
  }
  return undefined;
}

const KEY_ARN = /^arn:aws[\w-]*:kms:[\w-]+:\d{12}:key\/.+$/;
const KEY_ID =
  /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * A key as a key ARN where the service gave a bare key id; key ARNs and aliases (which S3 accepts)
 * are kept as given (the scan resolves aliases with ListAliases).
 */
export function keyArnOf(
  raw: string,
  owner: { accountId: string; region: string },
): string {
  if (KEY_ARN.test(raw) || !KEY_ID.test(raw)) return raw;
  return `arn:aws:kms:${owner.region}:${owner.accountId}:key/${raw}`;
}

/** True when `value` names a KMS alias (name or ARN) rather than a key. */
export const isKeyAlias = (value: string) =>
  /^alias\/|^arn:aws[\w-]*:kms:[\w-]+:\d{12}:alias\//.test(value);
