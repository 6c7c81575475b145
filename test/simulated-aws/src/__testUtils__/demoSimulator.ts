import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import { demoScenario } from '../model/demo';
import { SimulatedAws } from '../SimulatedAws';

export const NOW = '2026-11-23T00:00:00.000Z';
export const MAIN_CREDENTIALS = {
  accessKeyId: 'AKIASIM111111111111',
  secretAccessKey: 'simulated',
};

/** A demo simulator behind msw; unhandled requests fail the test. */
export function setupSimulator() {
  const sim = new SimulatedAws(demoScenario({ now: NOW }));
  const server = setupServer(...sim.handlers());
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => sim.reset());
  afterAll(() => server.close());
  return sim;
}

/** Credentials for `account` from the simulated AssumeRole, as discovery obtains them. */
export async function assumeRole(account: string, endpoint?: string) {
  const sts = new STSClient({
    region: 'us-east-1',
    credentials: MAIN_CREDENTIALS,
    endpoint,
  });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/BackupPostureReadOnly`,
      RoleSessionName: 'backup-posture-test',
    }),
  );
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!,
  };
}
