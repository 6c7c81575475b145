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
import { setupSimulator } from '../__testUtils__/demoSimulator';
import {
  client,
  DEV,
  errorOf,
  estateLookups,
  PROD,
} from '../__testUtils__/sourceClients';

const sim = setupSimulator();

const { modelResource, managedKey } = estateLookups(sim);

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
});
