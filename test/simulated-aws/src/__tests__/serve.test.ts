import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  BackupClient,
  ListBackupVaultsCommand,
  ListRecoveryPointsByBackupVaultCommand,
} from '@aws-sdk/client-backup';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { demoScenario } from '../model/demo';
import { SimulatedAws } from '../SimulatedAws';
import { SimulatedAwsServer, startSimulatedAwsServer } from '../server';
import {
  MAIN_CREDENTIALS,
  NOW,
  assumeRole,
} from '../__testUtils__/demoSimulator';

function signedHeaders(
  service: string,
  region: string,
  accessKeyId = 'AKIASIM111111111111',
) {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261123/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
    'x-amz-date': '20261123T000000Z',
  };
}

describe('served over HTTP on loopback', () => {
  const sim = new SimulatedAws(demoScenario({ now: NOW }));
  let server: SimulatedAwsServer;
  beforeAll(async () => {
    server = await startSimulatedAwsServer(sim, { port: 0 });
  });
  afterAll(() => server.close());

  it('routes every service, account and region through one endpoint', async () => {
    const endpoint = server.url;
    const creds = await assumeRole('444444444444', endpoint);
    const sts = new STSClient({
      region: 'eu-west-1',
      credentials: creds,
      endpoint,
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
      '444444444444',
    );
    const backup = new BackupClient({
      region: 'ap-northeast-1',
      credentials: creds,
      endpoint,
    });
    const vaults = await backup.send(new ListBackupVaultsCommand({}));
    expect(vaults.BackupVaultList!.map(v => v.BackupVaultArn)).toContain(
      'arn:aws:backup:ap-northeast-1:444444444444:backup-vault:lag-central',
    );
    const points = await backup.send(
      new ListRecoveryPointsByBackupVaultCommand({
        BackupVaultName: 'central-vault',
      }),
    );
    expect(points.RecoveryPoints!.length).toBeGreaterThan(0);
    const kms = new KMSClient({
      region: 'ap-northeast-1',
      credentials: creds,
      endpoint,
    });
    const key = await kms.send(
      new DescribeKeyCommand({ KeyId: 'alias/central-backup' }),
    );
    expect(key.KeyMetadata!.Arn).toMatch(
      /^arn:aws:kms:ap-northeast-1:444444444444:key\//,
    );
    const org = new OrganizationsClient({
      region: 'us-east-1',
      credentials: MAIN_CREDENTIALS,
      endpoint,
    });
    expect((await org.send(new ListAccountsCommand({}))).Accounts).toHaveLength(
      6,
    );
    expect(sim.countCalls({ account: '444444444444', service: 'backup' })).toBe(
      2,
    );
  });

  it('accepts paths with a trailing slash, as AWS does', async () => {
    const withSlash = await fetch(`${server.url}/backup-vaults/`, {
      headers: signedHeaders('backup', 'us-east-1'),
    });
    expect(withSlash.status).toBe(200);
    const body = await withSlash.json();
    expect(
      body.BackupVaultList.map(
        (v: { BackupVaultName: string }) => v.BackupVaultName,
      ),
    ).toEqual(['Default']);
    const encoded = await fetch(
      `${server.url}/backup-vaults/Default/access-policy/`,
      {
        headers: signedHeaders('backup', 'us-east-1'),
      },
    );
    expect(encoded.status).toBe(400);
    expect(encoded.headers.get('x-amzn-errortype')).toMatch(
      /^ResourceNotFoundException/,
    );
  });

  it('answers unsigned requests with an error instead of hanging', async () => {
    const res = await fetch(`${server.url}/backup-vaults`);
    expect(res.status).toBe(400);
  });

  it('drops the connection for an injected timeout', async () => {
    sim.faults.add({ service: 'backup', kind: 'timeout', holdMs: 50 });
    await expect(
      fetch(`${server.url}/backup-vaults`, {
        headers: signedHeaders('backup', 'us-east-1'),
      }),
    ).rejects.toThrow();
    sim.faults.clear();
  });
});

describe('the serve command', () => {
  it('prints the ready line and serves the demo scenario', async () => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, '../serve.ts'),
        '--scenario',
        'demo',
        '--port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', chunk => {
          out += chunk;
          if (out.includes('\n')) done(out.split('\n')[0]);
        });
        child.on('exit', code => fail(new Error(`serve exited with ${code}`)));
      });
      const match =
        /^simulated AWS \(scenario demo\) listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(
          line,
        );
      expect(match).not.toBeNull();
      const sts = new STSClient({
        region: 'us-east-1',
        credentials: MAIN_CREDENTIALS,
        endpoint: match![1],
      });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
        '111111111111',
      );
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
