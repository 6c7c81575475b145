import { describe, expect, it } from '@jest/globals';
import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  DescribeVolumesCommand,
  EC2Client,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeClustersCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import { assumeRole, setupSimulator } from '../__testUtils__/demoSimulator';
import { startSimulatedAwsServer } from '../server';

const sim = setupSimulator();
const PROD = '222222222222';
const DEV = '333333333333';

async function client<C>(
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

const errorOf = (p: Promise<unknown>) =>
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

const SOURCE_IAM_ACTIONS: Record<string, string> = {
  rds: 'rds:DescribeDBClusters',
  ec2: 'ec2:DescribeVolumes',
  elasticfilesystem: 'elasticfilesystem:DescribeFileSystems',
  dynamodb: 'dynamodb:DescribeTable',
  s3: 's3:GetEncryptionConfiguration',
  redshift: 'redshift:DescribeClusters',
};

const SOURCE_CALLS: Record<string, () => Promise<unknown>> = {
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

describe('source resources through the real SDK clients', () => {
  it('RDS DescribeDBClusters filters by ARN and names the cluster key (Aurora, DocumentDB)', async () => {
    const aurora = modelResource('payments-aurora');
    const rds = await client(RDSClient, PROD, 'ap-northeast-1');
    const out = await rds.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: 'db-cluster-id', Values: [aurora.arn] }],
      }),
    );
    expect(out.DBClusters).toHaveLength(1);
    expect(out.DBClusters![0]).toMatchObject({
      DBClusterIdentifier: 'payments-aurora',
      DBClusterArn: aurora.arn,
      Engine: 'aurora-postgresql',
      StorageEncrypted: true,
      KmsKeyId: aurora.kmsKeyArn,
    });
    expect(out.DBClusters![0].TagList).toContainEqual({
      Key: 'service',
      Value: 'payments-api',
    });

    const docdb = modelResource('catalog-search-docdb');
    const dev = await client(RDSClient, DEV, 'ap-northeast-1');
    const byEngine = await dev.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: 'engine', Values: ['docdb'] }],
      }),
    );
    expect(byEngine.DBClusters?.map(c => [c.DBClusterArn, c.KmsKeyId])).toEqual(
      [[docdb.arn, docdb.kmsKeyArn]],
    );
  });

  it('RDS DescribeDBInstances reports an instance on the AWS-managed aws/rds key by its ARN', async () => {
    const rds = await client(RDSClient, PROD, 'us-east-1');
    const out = await rds.send(
      new DescribeDBInstancesCommand({
        Filters: [{ Name: 'db-instance-id', Values: ['identity-db'] }],
      }),
    );
    expect(out.DBInstances?.map(i => i.KmsKeyId)).toEqual([
      managedKey(PROD, 'us-east-1', 'alias/aws/rds'),
    ]);
    expect(
      await errorOf(
        rds.send(
          new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' }),
        ),
      ),
    ).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      status: 404,
      message: 'DBInstance nope not found.',
    });
  });

  it('an unknown RDS cluster identifier is DBClusterNotFoundFault; other accounts see none of it', async () => {
    const rds = await client(RDSClient, DEV, 'ap-northeast-1');
    expect(
      await errorOf(
        rds.send(
          new DescribeDBClustersCommand({
            DBClusterIdentifier: 'payments-aurora',
          }),
        ),
      ),
    ).toMatchObject({ name: 'DBClusterNotFoundFault', status: 404 });
  });

  it('EC2 DescribeVolumes: a volume by id, an instance by its attached root volume, in pages', async () => {
    const volume = modelResource('vol-0c0ffee0123456789');
    const instance = modelResource('i-0a11c0ffee1234567');
    const ec2 = await client(EC2Client, DEV, 'ap-northeast-1');
    const byId = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'volume-id', Values: [volume.name] }],
      }),
    );
    expect(
      byId.Volumes?.map(v => [v.VolumeId, v.Encrypted, v.KmsKeyId]),
    ).toEqual([[volume.name, true, volume.kmsKeyArn]]);
    const byInstance = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [instance.name] }],
      }),
    );
    expect(byInstance.Volumes).toHaveLength(1);
    expect(byInstance.Volumes![0]).toMatchObject({
      KmsKeyId: instance.kmsKeyArn,
      Attachments: [
        expect.objectContaining({
          InstanceId: instance.name,
          Device: '/dev/xvda',
          State: 'attached',
        }),
      ],
    });
    const all: string[] = [];
    for await (const page of paginateDescribeVolumes(
      { client: ec2, pageSize: 5 },
      {},
    ))
      all.push(...(page.Volumes ?? []).map(v => v.VolumeId!));
    expect(all.sort()).toEqual(
      [volume.name, byInstance.Volumes![0].VolumeId!].sort(),
    );
    expect(
      await errorOf(
        ec2.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0000'] })),
      ),
    ).toMatchObject({
      name: 'InvalidVolume.NotFound',
      message: "The volume 'vol-0000' does not exist.",
    });
  });

  it('EFS DescribeFileSystems by id names the file system key; an unknown id is FileSystemNotFound', async () => {
    const fs = modelResource('fs-0a1b2c3d4e5f60718');
    const efs = await client(EFSClient, PROD, 'ap-northeast-1');
    const out = await efs.send(
      new DescribeFileSystemsCommand({ FileSystemId: fs.name }),
    );
    expect(out.FileSystems).toHaveLength(1);
    expect(out.FileSystems![0]).toMatchObject({
      FileSystemId: fs.name,
      FileSystemArn: fs.arn,
      Encrypted: true,
      KmsKeyId: fs.kmsKeyArn,
      Name: 'payments-documents',
    });
    expect(out.FileSystems![0].CreationTime).toBeInstanceOf(Date);
    expect(
      await errorOf(
        efs.send(new DescribeFileSystemsCommand({ FileSystemId: 'fs-0000' })),
      ),
    ).toMatchObject({ name: 'FileSystemNotFound', status: 404 });
  });

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

  it.each([
    ['rds', 'AccessDenied', 403],
    ['ec2', 'UnauthorizedOperation', 403],
    ['elasticfilesystem', 'AccessDeniedException', 403],
    ['dynamodb', 'AccessDeniedException', 400],
    ['s3', 'AccessDenied', 403],
    ['redshift', 'AccessDenied', 403],
  ])(
    'an injected access-denied fault on %s answers %s (%d) and is logged',
    async (service, code, status) => {
      sim.faults.add({ kind: 'access-denied', service });
      const call = SOURCE_CALLS[service];
      const error = await errorOf(call());
      expect(error).toMatchObject({ name: code, status });
      expect(error.message).toContain(SOURCE_IAM_ACTIONS[service]);
      expect(sim.calls.filter(c => c.service === service)).toEqual([
        expect.objectContaining({ errorCode: code, status }),
      ]);
    },
  );

  it.each([
    ['rds', 'Throttling'],
    ['ec2', 'RequestLimitExceeded'],
    ['elasticfilesystem', 'ThrottlingException'],
    ['dynamodb', 'ThrottlingException'],
    ['s3', 'SlowDown'],
    ['redshift', 'Throttling'],
  ])('a throttle fault on %s answers %s', async (service, code) => {
    sim.faults.add({ kind: 'throttle', service });
    expect(await errorOf(SOURCE_CALLS[service]())).toMatchObject({
      name: code,
    });
  });

  it.each(['rds', 'ec2', 'elasticfilesystem', 'dynamodb', 's3', 'redshift'])(
    'a malformed body on %s makes the SDK fail to deserialize',
    async service => {
      sim.faults.add({ kind: 'malformed', service });
      const error = await errorOf(SOURCE_CALLS[service]());
      expect(error.name).not.toMatch(/AccessDenied|NotFound/);
    },
  );

  it('serves S3 path-style on a loopback endpoint, as the dev app and benchmark call it', async () => {
    const server = await startSimulatedAwsServer(sim, { port: 0 });
    try {
      const raw = modelResource('acme-data-lake-raw');
      const s3 = new S3Client({
        region: 'eu-west-1',
        endpoint: server.url,
        forcePathStyle: true,
        credentials: await assumeRole(PROD),
        maxAttempts: 1,
      });
      const out = await s3.send(
        new GetBucketEncryptionCommand({ Bucket: raw.name }),
      );
      expect(
        out.ServerSideEncryptionConfiguration?.Rules?.[0]
          ?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID,
      ).toBe(raw.kmsKeyArn);
    } finally {
      await server.close();
    }
  });
});
