import { describe, expect, it } from '@jest/globals';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  paginateListAliases,
} from '@aws-sdk/client-kms';
import { assumeRole, setupSimulator } from '../__testUtils__/demoSimulator';

const sim = setupSimulator();

async function kmsFor(account: string, region: string) {
  return new KMSClient({
    region,
    credentials: await assumeRole(account),
    maxAttempts: 1,
  });
}

function keyByAlias(account: string, region: string, alias: string) {
  const key = sim.estate.keys.find(
    k =>
      k.accountId === account &&
      k.region === region &&
      k.aliases.includes(alias),
  );
  if (!key) throw new Error(`no ${alias}`);
  return key;
}

describe('KMS handlers through @aws-sdk/client-kms', () => {
  it('describes an AWS-managed key by alias and by ARN', async () => {
    const kms = await kmsFor('222222222222', 'us-east-1');
    const byAlias = await kms.send(
      new DescribeKeyCommand({ KeyId: 'alias/aws/backup' }),
    );
    expect(byAlias.KeyMetadata).toMatchObject({
      KeyManager: 'AWS',
      KeyState: 'Enabled',
      AWSAccountId: '222222222222',
    });
    const byArn = await kms.send(
      new DescribeKeyCommand({ KeyId: byAlias.KeyMetadata!.Arn }),
    );
    expect(byArn.KeyMetadata!.KeyId).toBe(byAlias.KeyMetadata!.KeyId);
    expect(byArn.KeyMetadata!.CreationDate).toBeInstanceOf(Date);
  });

  it('describes a multi-Region primary and its mrk- replica', async () => {
    const primary = keyByAlias(
      '222222222222',
      'ap-northeast-1',
      'alias/payments-aurora',
    );
    const kms = await kmsFor('222222222222', 'ap-northeast-3');
    const replicaArn = primary.multiRegion!.replicaArns[0];
    const out = await kms.send(new DescribeKeyCommand({ KeyId: replicaArn }));
    expect(out.KeyMetadata!.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(out.KeyMetadata!.MultiRegion).toBe(true);
    expect(out.KeyMetadata!.MultiRegionConfiguration).toMatchObject({
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: primary.arn, Region: 'ap-northeast-1' },
      ReplicaKeys: [{ Arn: replicaArn, Region: 'ap-northeast-3' }],
    });
  });

  it('lets another account describe a CMK only when the key policy allows it', async () => {
    const allowed = keyByAlias(
      '222222222222',
      'ap-northeast-1',
      'alias/payments-data',
    ); // allows 444
    const central = await kmsFor('444444444444', 'ap-northeast-1');
    const out = await central.send(
      new DescribeKeyCommand({ KeyId: allowed.arn }),
    );
    expect(out.KeyMetadata!.KeyManager).toBe('CUSTOMER');
    const dev = await kmsFor('333333333333', 'ap-northeast-1');
    await expect(
      dev.send(new DescribeKeyCommand({ KeyId: allowed.arn })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    // An AWS-owned key (LAG vault) is never describable.
    const lag = sim.estate.vaults.find(v => v.name === 'lag-central')!;
    await expect(
      central.send(new DescribeKeyCommand({ KeyId: lag.encryptionKeyArn })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('answers NotFoundException for unknown keys and aliases', async () => {
    const kms = await kmsFor('222222222222', 'ap-northeast-1');
    await expect(
      kms.send(
        new DescribeKeyCommand({
          KeyId: '11111111-2222-4333-8444-555555555555',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      kms.send(new DescribeKeyCommand({ KeyId: 'alias/nope' })),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it('reports rotation, including the primary rotation for replicas and invalid state for deleted keys', async () => {
    const kms = await kmsFor('222222222222', 'eu-west-1');
    const warehouse = keyByAlias(
      '222222222222',
      'eu-west-1',
      'alias/warehouse',
    );
    const off = await kms.send(
      new GetKeyRotationStatusCommand({ KeyId: warehouse.arn }),
    );
    expect(off.KeyRotationEnabled).toBe(false);
    const lake = keyByAlias('222222222222', 'eu-west-1', 'alias/data-lake');
    const on = await kms.send(
      new GetKeyRotationStatusCommand({ KeyId: lake.keyId }),
    );
    expect(on).toMatchObject({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
    });
    expect(on.NextRotationDate).toBeInstanceOf(Date);
    const dev = await kmsFor('333333333333', 'us-east-1');
    const legacy = keyByAlias(
      '333333333333',
      'us-east-1',
      'alias/platform-legacy',
    );
    await expect(
      dev.send(new GetKeyRotationStatusCommand({ KeyId: legacy.arn })),
    ).rejects.toMatchObject({
      name: 'KMSInvalidStateException',
    });
    const described = await dev.send(
      new DescribeKeyCommand({ KeyId: legacy.arn }),
    );
    expect(described.KeyMetadata).toMatchObject({
      KeyState: 'PendingDeletion',
      Enabled: false,
    });
    expect(described.KeyMetadata!.DeletionDate).toBeInstanceOf(Date);
  });

  it('returns the default key policy naming the allowed principals', async () => {
    const kms = await kmsFor('222222222222', 'ap-northeast-1');
    const key = keyByAlias(
      '222222222222',
      'ap-northeast-1',
      'alias/payments-data',
    );
    const out = await kms.send(
      new GetKeyPolicyCommand({ KeyId: key.arn, PolicyName: 'default' }),
    );
    const policy = JSON.parse(out.Policy!);
    expect(JSON.stringify(policy)).toContain('arn:aws:iam::444444444444:root');
    const central = await kmsFor('444444444444', 'ap-northeast-1');
    await expect(
      central.send(new GetKeyPolicyCommand({ KeyId: key.arn })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('lists aliases with and without KeyId, paging with Limit/Marker', async () => {
    const kms = await kmsFor('222222222222', 'ap-northeast-1');
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListAliases(
      { client: kms, pageSize: 2 },
      {},
    )) {
      pages++;
      names.push(...page.Aliases!.map(a => a.AliasName!));
    }
    const expected = sim.estate.keys
      .filter(
        k => k.accountId === '222222222222' && k.region === 'ap-northeast-1',
      )
      .flatMap(k => k.aliases)
      .concat([
        'alias/aws/dynamodb',
        'alias/aws/elasticfilesystem',
        'alias/aws/redshift',
        'alias/aws/s3',
      ])
      .sort();
    expect(names).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    const unbacked = await kms.send(new ListAliasesCommand({ Limit: 100 }));
    expect(
      unbacked.Aliases!.find(a => a.AliasName === 'alias/aws/s3')!.TargetKeyId,
    ).toBeUndefined();
    const key = keyByAlias('222222222222', 'ap-northeast-1', 'alias/aws/rds');
    const forKey = await kms.send(new ListAliasesCommand({ KeyId: key.keyId }));
    expect(forKey.Aliases!.map(a => [a.AliasName, a.TargetKeyId])).toEqual([
      ['alias/aws/rds', key.keyId],
    ]);
    expect(forKey.Truncated).toBe(false);
    await expect(
      kms.send(new ListAliasesCommand({ Limit: 101 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
