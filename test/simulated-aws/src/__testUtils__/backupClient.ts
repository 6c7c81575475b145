/**
 * An AWS Backup client of `account` in `region`, on credentials from the simulated AssumeRole
 * (backup*.test.ts).
 */
import { BackupClient } from '@aws-sdk/client-backup';
import { assumeRole } from './demoSimulator';

export async function backupFor(account: string, region: string) {
  return new BackupClient({
    region,
    credentials: await assumeRole(account),
    maxAttempts: 1,
  });
}
