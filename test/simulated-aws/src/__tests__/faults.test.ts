import { describe, expect, it } from '@jest/globals';
import {
  BackupClient,
  DescribeBackupVaultCommand,
  ListBackupVaultsCommand,
} from '@aws-sdk/client-backup';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  MAIN_CREDENTIALS,
  setupSimulator,
} from '../__testUtils__/demoSimulator';

const sim = setupSimulator();
const region = 'us-east-1';
const base = { region, credentials: MAIN_CREDENTIALS, maxAttempts: 1 };

const calls = {
  backup: () => new BackupClient(base).send(new ListBackupVaultsCommand({})),
  kms: () =>
    new KMSClient(base).send(
      new DescribeKeyCommand({ KeyId: 'alias/aws/backup' }),
    ),
  organizations: () =>
    new OrganizationsClient(base).send(new ListAccountsCommand({})),
  tagging: () =>
    new ResourceGroupsTaggingAPIClient(base).send(new GetResourcesCommand({})),
  sts: () =>
    new STSClient(base).send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/BackupPostureReadOnly',
        RoleSessionName: 's',
      }),
    ),
};

describe('fault injection', () => {
  it.each([
    ['backup', 'throttle', 'ThrottlingException', 429],
    ['kms', 'throttle', 'ThrottlingException', 400],
    ['organizations', 'throttle', 'TooManyRequestsException', 429],
    ['tagging', 'throttle', 'ThrottledException', 400],
    ['sts', 'throttle', 'Throttling', 400],
    ['backup', 'access-denied', 'AccessDeniedException', 403],
    ['kms', 'access-denied', 'AccessDeniedException', 400],
    ['organizations', 'access-denied', 'AccessDeniedException', 403],
    ['tagging', 'access-denied', 'AccessDeniedException', 400],
    ['sts', 'access-denied', 'AccessDenied', 403],
    ['backup', 'server-error', 'ServiceUnavailableException', 500],
    ['kms', 'server-error', 'KMSInternalException', 500],
    ['organizations', 'server-error', 'ServiceException', 500],
    ['tagging', 'server-error', 'InternalServiceException', 500],
    ['sts', 'server-error', 'InternalFailure', 500],
  ] as const)(
    '%s %s surfaces as %s (HTTP %i)',
    async (service, kind, name, status) => {
      sim.faults.add({ service, kind });
      const error = await calls[service]().then(
        () => undefined,
        e => e,
      );
      expect(error?.name).toBe(name);
      expect(error.$metadata.httpStatusCode).toBe(status);
    },
  );

  it('a malformed body makes the SDK fail to deserialize', async () => {
    sim.faults.add({ service: 'backup', kind: 'malformed' });
    await expect(calls.backup()).rejects.toThrow();
    sim.faults.clear();
    sim.faults.add({ service: 'sts', kind: 'malformed' });
    await expect(calls.sts()).rejects.toThrow();
  });

  it('a timeout holds the request until the client gives up', async () => {
    sim.faults.add({ service: 'kms', kind: 'timeout', holdMs: 2_000 });
    const kms = new KMSClient({
      ...base,
      requestHandler: new NodeHttpHandler({
        requestTimeout: 200,
        throwOnRequestTimeout: true,
      }),
    });
    const started = Date.now();
    await expect(
      kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/backup' })),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it('faults are scoped by account, region and operation, and limited by times', async () => {
    sim.faults.add({
      account: '111111111111',
      region: 'eu-west-1',
      operation: 'ListBackupVaults',
      kind: 'throttle',
      times: 2,
    });
    const ireland = new BackupClient({ ...base, region: 'eu-west-1' });
    await expect(
      ireland.send(new ListBackupVaultsCommand({})),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    await expect(calls.backup()).resolves.toBeDefined(); // another region
    await expect(
      ireland.send(new ListBackupVaultsCommand({})),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    await expect(
      ireland.send(new ListBackupVaultsCommand({})),
    ).resolves.toBeDefined(); // times exhausted
    expect(sim.faults.list()[0].hits).toBe(2);
    expect(sim.calls.map(c => c.status)).toEqual([429, 200, 429, 200]);
    expect(sim.countCalls({ region: 'eu-west-1', status: 429 })).toBe(2);
  });

  it('the SDK retries a throttled call and succeeds (standard retry mode)', async () => {
    sim.faults.add({ service: 'backup', kind: 'throttle', times: 1 });
    const backup = new BackupClient({
      region,
      credentials: MAIN_CREDENTIALS,
      maxAttempts: 3,
      retryStrategy: undefined,
    });
    await expect(
      backup.send(new ListBackupVaultsCommand({})),
    ).resolves.toBeDefined();
    expect(sim.countCalls({ operation: 'ListBackupVaults' })).toBe(2);
  });

  it('an AssumeRole fault can target the role account', async () => {
    sim.faults.add({
      account: '222222222222',
      operation: 'AssumeRole',
      kind: 'access-denied',
    });
    await expect(calls.sts()).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('injects latency per scope', async () => {
    sim.setLatency({ ms: 150, service: 'backup' });
    let started = Date.now();
    await calls.backup();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    started = Date.now();
    await calls.kms();
    expect(Date.now() - started).toBeLessThan(140);
  });

  it('throttles calls beyond AWS rate quotas when asked to (DescribeBackupVault 5/s per account and region)', async () => {
    sim.enforceRateQuotas();
    const backup = new BackupClient(base);
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, () =>
        backup.send(
          new DescribeBackupVaultCommand({ BackupVaultName: 'Default' }),
        ),
      ),
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(5);
    expect(
      results
        .filter(r => r.status === 'rejected')
        .map(r => (r as PromiseRejectedResult).reason.name),
    ).toEqual(['ThrottlingException', 'ThrottlingException']);
    // Another region has its own quota.
    await expect(
      new BackupClient({ ...base, region: 'eu-west-1' }).send(
        new DescribeBackupVaultCommand({ BackupVaultName: 'Default' }),
      ),
    ).resolves.toBeDefined();
  });
});
