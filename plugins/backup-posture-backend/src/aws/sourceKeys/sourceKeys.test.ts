import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
} from '@jest/globals';
import { ConfigReader } from '@backstage/config';
import { demoScenario, SimulatedAws } from '@internal/simulated-aws';
import { setupServer } from 'msw/node';
import { NOW, simulatedConfig } from '../../__testUtils__/fixtures';
import { readConfig } from '../../config';
import { EntityMapping } from '../../mapping/annotations';
import { MappedResources } from '../../mapping/mappedResources';
import { AwsClientFactory } from '../clients';
import { DefaultAccountCredentials } from '../credentials';
import { KeyDescriber } from '../keyDescriber';
import { scanScope } from '../scopeScanner';
import { Scope, ScopeSnapshot } from '../types';

const sim = new SimulatedAws(demoScenario({ now: NOW }));
const server = setupServer(...sim.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.reset());
afterAll(() => server.close());

const PROD_TOKYO = { accountId: '222222222222', region: 'ap-northeast-1' };
const PROD_VIRGINIA = { accountId: '222222222222', region: 'us-east-1' };
const PROD_IRELAND = { accountId: '222222222222', region: 'eu-west-1' };
const DEV_TOKYO = { accountId: '333333333333', region: 'ap-northeast-1' };

function factory() {
  const root = new ConfigReader(
    simulatedConfig({ concurrency: { maxAttempts: 1 } }),
  );
  const config = readConfig(root);
  return new AwsClientFactory(
    config,
    DefaultAccountCredentials.fromConfig(root, config),
  );
}

const mapping = (m: Partial<EntityMapping>): EntityMapping => ({
  arns: [],
  azureVaultIds: [],
  byDefaultConvention: false,
  problems: [],
  ...m,
});

const model = (name: string) => {
  const r = sim.estate.resources.find(x => x.name === name);
  if (!r) throw new Error(`no ${name}`);
  return r;
};

const keyByAlias = (scope: Scope, alias: string) =>
  sim.estate.keys.find(
    k =>
      k.accountId === scope.accountId &&
      k.region === scope.region &&
      k.aliases.includes(alias),
  )!;

async function scan(scope: Scope, mappings: EntityMapping[]) {
  const f = factory();
  const snapshot = await scanScope(scope, await f.forScope(scope), {
    tagSelectors: mappings.flatMap(m => (m.tagSelector ? [m.tagSelector] : [])),
    tagKeys: [],
    copyJobsSince: new Date(0),
    mapped: new MappedResources(mappings),
  });
  return { snapshot, f };
}

const resourceOf = (snapshot: ScopeSnapshot, arn: string) =>
  snapshot.resources.find(r => r.arn === arn);

describe('source resource keys', () => {
  it('reads an Aurora cluster key with DescribeDBClusters and its multi-region replicas are described', async () => {
    const aurora = model('payments-aurora');
    const { snapshot, f } = await scan(PROD_TOKYO, [
      mapping({ arns: [aurora.arn] }),
    ]);
    expect(resourceOf(snapshot, aurora.arn)).toMatchObject({
      encryptionKeyArn: aurora.kmsKeyArn,
      encryptionKeySource: 'rds:DescribeDBClusters',
    });
    expect(
      resourceOf(snapshot, aurora.arn)?.encryptionKeyError,
    ).toBeUndefined();
    expect(
      sim.countCalls({ service: 'rds', operation: 'DescribeDBClusters' }),
    ).toBe(1);

    const keys = new KeyDescriber(
      s => f.forScope(s),
      new Set(['222222222222', '444444444444']),
    );
    const facts = await keys.describeWithRelatives(
      aurora.kmsKeyArn!,
      PROD_TOKYO,
    );
    const replica = facts.find(k => k.region === 'ap-northeast-3');
    expect(replica).toMatchObject({
      keyManager: 'CUSTOMER',
      multiRegionKeyType: 'REPLICA',
      primaryKeyArn: aurora.kmsKeyArn,
      aliases: ['alias/payments-aurora-replica'],
    });
  });

  it('reports an RDS instance on aws/rds with that key ARN, described as AWS-managed', async () => {
    const db = model('identity-db');
    const awsRds = keyByAlias(PROD_VIRGINIA, 'alias/aws/rds');
    const { snapshot, f } = await scan(PROD_VIRGINIA, [
      mapping({ arns: [db.arn] }),
    ]);
    expect(resourceOf(snapshot, db.arn)).toMatchObject({
      encryptionKeyArn: awsRds.arn,
      encryptionKeySource: 'rds:DescribeDBInstances',
    });
    const keys = new KeyDescriber(
      s => f.forScope(s),
      new Set(['222222222222']),
    );
    const [fact] = await keys.describeWithRelatives(awsRds.arn, PROD_VIRGINIA);
    expect(fact).toMatchObject({
      arn: awsRds.arn,
      keyManager: 'AWS',
      aliases: ['alias/aws/rds'],
    });
  });

  it('a denied describe call leaves the resource in the snapshot with the AWS error, and the rest of the scope intact', async () => {
    const aurora = model('payments-aurora');
    sim.faults.add({ kind: 'access-denied', service: 'rds' });
    const { snapshot } = await scan(PROD_TOKYO, [
      mapping({ arns: [aurora.arn] }),
    ]);
    const r = resourceOf(snapshot, aurora.arn);
    expect(r).toMatchObject({
      encryptionKeySource: 'rds:DescribeDBClusters',
      encryptionKeyError: {
        name: 'AccessDenied',
        message: expect.stringContaining(
          'is not authorized to perform: rds:DescribeDBClusters',
        ),
      },
    });
    expect(r?.encryptionKeyArn).toBeUndefined();
    expect(r?.lastBackupVaultArn).toBeDefined();
    expect(snapshot.vaults.length).toBeGreaterThan(0);
    expect(snapshot.recoveryPoints.length).toBeGreaterThan(0);
  });

  it('describes only mapped resources: an ARN-mapped cluster, not its unmapped neighbours', async () => {
    const aurora = model('payments-aurora');
    const { snapshot } = await scan(PROD_TOKYO, [
      mapping({ arns: [aurora.arn] }),
    ]);
    expect(sim.countCalls({ service: 'dynamodb' })).toBe(0);
    expect(sim.countCalls({ service: 'elasticfilesystem' })).toBe(0);
    const ledger = resourceOf(snapshot, model('payments-ledger').arn);
    expect(ledger).toBeDefined();
    expect(ledger?.encryptionKeySource).toBeUndefined();
    expect(ledger?.encryptionKeyArn).toBeUndefined();
  });

  it('reads the keys of tag-mapped resources: DynamoDB tables and an EFS file system, one call each', async () => {
    const { snapshot } = await scan(PROD_TOKYO, [
      mapping({ tagSelector: { service: 'payments-ledger' } }),
      mapping({ tagSelector: { service: 'payments-documents' } }),
    ]);
    const ledger = model('payments-ledger');
    const fs = model('fs-0a1b2c3d4e5f60718');
    expect(resourceOf(snapshot, ledger.arn)).toMatchObject({
      encryptionKeyArn: ledger.kmsKeyArn,
      encryptionKeySource: 'dynamodb:DescribeTable',
    });
    expect(resourceOf(snapshot, fs.arn)).toMatchObject({
      encryptionKeyArn: fs.kmsKeyArn,
      encryptionKeySource: 'elasticfilesystem:DescribeFileSystems',
    });
    expect(sim.countCalls({ operation: 'DescribeTable' })).toBe(2);
    expect(sim.countCalls({ operation: 'DescribeFileSystems' })).toBe(1);
    // The Aurora cluster is tagged service=payments-api: not mapped here.
    expect(sim.countCalls({ service: 'rds' })).toBe(0);
  });

  it('reads S3 and Redshift keys in their own account and region', async () => {
    const raw = model('acme-data-lake-raw');
    const warehouse = model('data-warehouse');
    const { snapshot } = await scan(PROD_IRELAND, [
      mapping({ tagSelector: { app: 'data-lake' } }),
      mapping({ arns: [warehouse.arn] }),
    ]);
    expect(resourceOf(snapshot, raw.arn)).toMatchObject({
      encryptionKeyArn: raw.kmsKeyArn,
      encryptionKeySource: 's3:GetBucketEncryption',
    });
    expect(resourceOf(snapshot, warehouse.arn)).toMatchObject({
      encryptionKeyArn: warehouse.kmsKeyArn,
      encryptionKeySource: 'redshift:DescribeClusters',
    });
  });

  it('reads an EBS volume and an EC2 instance (its root volume) with one filtered DescribeVolumes each', async () => {
    const volume = model('vol-0c0ffee0123456789');
    const instance = model('i-0a11c0ffee1234567');
    const { snapshot } = await scan(DEV_TOKYO, [
      mapping({ arns: [volume.arn, instance.arn] }),
    ]);
    expect(resourceOf(snapshot, volume.arn)).toMatchObject({
      encryptionKeyArn: volume.kmsKeyArn,
      encryptionKeySource: 'ec2:DescribeVolumes',
    });
    expect(resourceOf(snapshot, instance.arn)).toMatchObject({
      encryptionKeyArn: instance.kmsKeyArn,
      encryptionKeySource: 'ec2:DescribeVolumes',
    });
    expect(sim.countCalls({ operation: 'DescribeVolumes' })).toBe(2);
  });

  it('a mapped ARN that AWS does not know gets a not-found error, not a key', async () => {
    const missing = 'arn:aws:rds:ap-northeast-1:222222222222:cluster:gone';
    const { snapshot } = await scan(PROD_TOKYO, [mapping({ arns: [missing] })]);
    expect(resourceOf(snapshot, missing)).toEqual({
      arn: missing,
      encryptionKeySource: 'rds:DescribeDBClusters',
      encryptionKeyError: {
        name: 'NotFoundError',
        message: 'rds:DescribeDBClusters did not return gone',
      },
    });
  });
});
