import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeFileSystemsCommand } from '@aws-sdk/client-efs';
import { DescribeClustersCommand } from '@aws-sdk/client-redshift';
import { GetBucketEncryptionCommand } from '@aws-sdk/client-s3';
import { ScopeClients } from '../clients';
import { Scope } from '../types';
import { keyArnOf, SourceRef } from './sourceRef';

/**
 * One call per resource where the API has no filter by many ids. Each returns the key (undefined
 * when the resource has no KMS key) or throws the AWS error.
 */
export type PerResourceReader = (
  scope: Scope,
  clients: ScopeClients,
  ref: SourceRef,
) => Promise<string | undefined>;

export const readEfs: PerResourceReader = async (scope, { efs }, ref) => {
  const out = await efs.send(
    new DescribeFileSystemsCommand({ FileSystemId: ref.id }),
  );
  const fs = out.FileSystems?.[0];
  return fs?.Encrypted && fs.KmsKeyId
    ? keyArnOf(fs.KmsKeyId, scope)
    : undefined;
};

/** No SSEDescription (or one not ENABLED) means DynamoDB's AWS-owned key: no KMS key to read. */
export const readDynamoDb: PerResourceReader = async (
  scope,
  { dynamodb },
  ref,
) => {
  const out = await dynamodb.send(
    new DescribeTableCommand({ TableName: ref.id }),
  );
  const sse = out.Table?.SSEDescription;
  return sse?.Status === 'ENABLED' && sse.KMSMasterKeyArn
    ? keyArnOf(sse.KMSMasterKeyArn, scope)
    : undefined;
};

/**
 * The bucket's default encryption. SSE-KMS without a key id is the AWS-managed `aws/s3` key (an
 * alias the scan resolves); SSE-S3 has no KMS key; no configuration at all is not an error here.
 */
export const readS3: PerResourceReader = async (scope, { s3 }, ref) => {
  try {
    const out = await s3.send(
      new GetBucketEncryptionCommand({
        Bucket: ref.id,
        ExpectedBucketOwner: scope.accountId,
      }),
    );
    const rule = out.ServerSideEncryptionConfiguration?.Rules?.find(r =>
      r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm?.startsWith('aws:kms'),
    )?.ApplyServerSideEncryptionByDefault;
    if (!rule) return undefined;
    return keyArnOf(rule.KMSMasterKeyID ?? 'alias/aws/s3', scope);
  } catch (e) {
    if ((e as Error).name === 'ServerSideEncryptionConfigurationNotFoundError')
      return undefined;
    throw e;
  }
};

export const readRedshift: PerResourceReader = async (
  scope,
  { redshift },
  ref,
) => {
  const out = await redshift.send(
    new DescribeClustersCommand({ ClusterIdentifier: ref.id }),
  );
  const cluster = out.Clusters?.[0];
  return cluster?.Encrypted && cluster.KmsKeyId
    ? keyArnOf(cluster.KmsKeyId, scope)
    : undefined;
};
