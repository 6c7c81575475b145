/**
 * Shared by the source resource tests (sourceResources*.test.ts): SDK clients of an account and
 * region on credentials from the simulated AssumeRole, the error a failed call gives, and one call
 * of each source service with the IAM action it needs.
 */
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeClustersCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import { SimulatedAws } from '../SimulatedAws';
import { assumeRole } from './demoSimulator';

export const PROD = '222222222222';
export const DEV = '333333333333';

export async function client<C>(
  Client: new (config: any) => C,
  account: string,
  region: string,
  extra: Record<string, unknown> = {},
): Promise<C> {
  return new Client({
    region,
    credentials: await assumeRole(account),
    maxAttempts: 1,
    ...extra,
  });
}
export const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({
      name: e.name,
      message: e.message,
      status: e.$metadata?.httpStatusCode,
    }),
  );

export const SOURCE_IAM_ACTIONS: Record<string, string> = {
  rds: 'rds:DescribeDBClusters',
  ec2: 'ec2:DescribeVolumes',
  elasticfilesystem: 'elasticfilesystem:DescribeFileSystems',
  dynamodb: 'dynamodb:DescribeTable',
  s3: 's3:GetEncryptionConfiguration',
  redshift: 'redshift:DescribeClusters',
};

export const SOURCE_CALLS: Record<string, () => Promise<unknown>> = {
  rds: async () =>
    (await client(RDSClient, PROD, 'ap-northeast-1')).send(
      new DescribeDBClustersCommand({}),
    ),
  ec2: async () =>
    (await client(EC2Client, DEV, 'ap-northeast-1')).send(
      new DescribeVolumesCommand({}),
    ),
  elasticfilesystem: async () =>
    (await client(EFSClient, PROD, 'ap-northeast-1')).send(
      new DescribeFileSystemsCommand({}),
    ),
  dynamodb: async () =>
    (await client(DynamoDBClient, PROD, 'ap-northeast-1')).send(
      new DescribeTableCommand({ TableName: 'payments-ledger' }),
    ),
  s3: async () =>
    (await client(S3Client, PROD, 'eu-west-1')).send(
      new GetBucketEncryptionCommand({ Bucket: 'acme-data-lake-raw' }),
    ),
  redshift: async () =>
    (await client(RedshiftClient, PROD, 'eu-west-1')).send(
      new DescribeClustersCommand({}),
    ),
};

/** The demo estate's resource `name`, and the ARN of an AWS-managed key, as `sim` holds them. */
export function estateLookups(sim: SimulatedAws) {
  function modelResource(name: string) {
    const r = sim.estate.resources.find(x => x.name === name);
    if (!r) throw new Error(`no resource ${name}`);
    return r;
  }

  function managedKey(account: string, region: string, alias: string) {
    const key = sim.estate.keys.find(
      k =>
        k.accountId === account &&
        k.region === region &&
        k.aliases.includes(alias),
    );
    if (!key) throw new Error(`no ${alias}`);
    return key.arn;
  }

  return { modelResource, managedKey };
}
