import { describe, expect, it } from '@jest/globals';
import { GetBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import { assumeRole, setupSimulator } from '../__testUtils__/demoSimulator';
import { startSimulatedAwsServer } from '../server';
import {
  errorOf,
  estateLookups,
  PROD,
  SOURCE_CALLS,
  SOURCE_IAM_ACTIONS,
} from '../__testUtils__/sourceClients';

const sim = setupSimulator();

const { modelResource } = estateLookups(sim);

describe('source resources through the real SDK clients', () => {
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
