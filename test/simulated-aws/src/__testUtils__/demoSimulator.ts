import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { SimulatedAws } from '../SimulatedAws';
import { useDemoSimulator } from './useDemoSimulator';

export const NOW = '2026-11-23T00:00:00.000Z';
export const MAIN_CREDENTIALS = {
  accessKeyId: 'AKIASIM111111111111',
  secretAccessKey: 'simulated',
};

/** A demo simulator behind msw; unhandled requests fail the test. */
export function setupSimulator(): SimulatedAws {
  return useDemoSimulator(NOW);
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
