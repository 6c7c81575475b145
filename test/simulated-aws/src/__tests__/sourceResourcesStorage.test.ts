import { describe, expect, it } from '@jest/globals';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeClustersCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import { setupSimulator } from '../__testUtils__/demoSimulator';
import {
  client,
  DEV,
  errorOf,
  estateLookups,
  PROD,
} from '../__testUtils__/sourceClients';

const sim = setupSimulator();

const { modelResource } = estateLookups(sim);

describe('source resources through the real SDK clients', () => {
  it('DynamoDB DescribeTable: a CMK table has SSEDescription, an AWS-owned-key table none', async () => {
    const ledger = modelResource('payments-ledger');
    const tokyo = await client(DynamoDBClient, PROD, 'ap-northeast-1');
    const out = await tokyo.send(
      new DescribeTableCommand({ TableName: ledger.name }),
    );
    expect(out.Table).toMatchObject({
      TableArn: ledger.arn,
      TableStatus: 'ACTIVE',
      SSEDescription: {
        Status: 'ENABLED',
        SSEType: 'KMS',
        KMSMasterKeyArn: ledger.kmsKeyArn,
      },
    });
    const virginia = await client(DynamoDBClient, PROD, 'us-east-1');
    const sessions = await virginia.send(
      new DescribeTableCommand({
        TableName: modelResource('identity-sessions').arn,
      }),
    );
    expect(sessions.Table?.TableName).toBe('identity-sessions');
    expect(sessions.Table?.SSEDescription).toBeUndefined();
    expect(
      await errorOf(
        virginia.send(new DescribeTableCommand({ TableName: 'nope' })),
      ),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: nope not found',
    });
  });

  it('S3 GetBucketEncryption: the KMS key, the expected owner, and a bucket with no configuration', async () => {
    const raw = modelResource('acme-data-lake-raw');
    const s3 = await client(S3Client, PROD, 'eu-west-1');
    const out = await s3.send(
      new GetBucketEncryptionCommand({
        Bucket: raw.name,
        ExpectedBucketOwner: PROD,
      }),
    );
    expect(
      out.ServerSideEncryptionConfiguration?.Rules?.[0]
        ?.ApplyServerSideEncryptionByDefault,
    ).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: raw.kmsKeyArn });
    expect(
      await errorOf(
        s3.send(
          new GetBucketEncryptionCommand({
            Bucket: raw.name,
            ExpectedBucketOwner: DEV,
          }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDenied', status: 403 });

    const bare = {
      ...raw,
      name: 'acme-no-default-encryption',
      kmsKeyArn: undefined,
    };
    bare.arn = `arn:aws:s3:::${bare.name}`;
    sim.estate.resources.push(bare);
    sim.setEstate(sim.estate);
    try {
      expect(
        await errorOf(
          s3.send(new GetBucketEncryptionCommand({ Bucket: bare.name })),
        ),
      ).toMatchObject({
        name: 'ServerSideEncryptionConfigurationNotFoundError',
        status: 404,
        message: 'The server side encryption configuration was not found',
      });
    } finally {
      sim.estate.resources.pop();
      sim.setEstate(sim.estate);
    }
  });

  it('Redshift DescribeClusters by identifier names the cluster key; an unknown one is ClusterNotFound', async () => {
    const warehouse = modelResource('data-warehouse');
    const redshift = await client(RedshiftClient, PROD, 'eu-west-1');
    const out = await redshift.send(
      new DescribeClustersCommand({ ClusterIdentifier: warehouse.name }),
    );
    expect(
      out.Clusters?.map(c => [c.ClusterIdentifier, c.Encrypted, c.KmsKeyId]),
    ).toEqual([[warehouse.name, true, warehouse.kmsKeyArn]]);
    expect(
      await errorOf(
        redshift.send(
          new DescribeClustersCommand({ ClusterIdentifier: 'nope' }),
        ),
      ),
    ).toMatchObject({ name: 'ClusterNotFoundFault', status: 404 });
  });
});
