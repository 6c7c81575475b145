import { describe, expect, it } from '@jest/globals';
import {
  BackupClient,
  DescribeGlobalSettingsCommand,
  DescribeRegionSettingsCommand,
} from '@aws-sdk/client-backup';
import {
  MAIN_CREDENTIALS,
  setupSimulator,
} from '../__testUtils__/demoSimulator';
import { backupFor } from '../__testUtils__/backupClient';

const sim = setupSimulator();

describe('AWS Backup handlers through @aws-sdk/client-backup', () => {
  it('answers DescribeGlobalSettings in the management account only', async () => {
    const management = new BackupClient({
      region: 'us-east-1',
      credentials: MAIN_CREDENTIALS,
    });
    const out = await management.send(new DescribeGlobalSettingsCommand({}));
    expect(out.GlobalSettings).toMatchObject({
      isCrossAccountBackupEnabled: 'true',
      isMpaEnabled: 'false',
    });
    const member = await backupFor('222222222222', 'us-east-1');
    await expect(
      member.send(new DescribeGlobalSettingsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    const outside = await backupFor('999999999999', 'us-east-1');
    await expect(
      outside.send(new DescribeGlobalSettingsCommand({})),
    ).rejects.toMatchObject({
      name: 'ERROR_9601',
      message: 'Your account is not a member of an organization.',
    });
  });

  it('answers DescribeRegionSettings (GET /account-settings) for the caller’s account and Region, with its faults (A6)', async () => {
    const dev = await backupFor('333333333333', 'ap-northeast-1');
    const out = await dev.send(new DescribeRegionSettingsCommand({}));
    expect(out.ResourceTypeOptInPreference).toMatchObject({
      EFS: false,
      DynamoDB: true,
      EBS: true,
      EC2: true,
      DocumentDB: true,
    });
    expect(out.ResourceTypeManagementPreference).toEqual({
      DynamoDB: false,
      EFS: true,
    });
    const prod = await backupFor('222222222222', 'ap-northeast-1');
    const defaults = await prod.send(new DescribeRegionSettingsCommand({}));
    expect(defaults.ResourceTypeOptInPreference?.EFS).toBe(true);
    expect(defaults.ResourceTypeManagementPreference).toEqual({
      DynamoDB: true,
      EFS: true,
    });
    expect(
      sim.calls.filter(c => c.operation === 'DescribeRegionSettings'),
    ).toHaveLength(2);

    sim.faults.add({
      kind: 'access-denied',
      operation: 'DescribeRegionSettings',
      times: 1,
    });
    await expect(
      dev.send(new DescribeRegionSettingsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    sim.faults.add({
      kind: 'throttle',
      account: '333333333333',
      operation: 'DescribeRegionSettings',
      times: 1,
    });
    await expect(
      dev.send(new DescribeRegionSettingsCommand({})),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    sim.faults.add({
      kind: 'malformed',
      operation: 'DescribeRegionSettings',
      times: 1,
    });
    await expect(
      dev.send(new DescribeRegionSettingsCommand({})),
    ).rejects.toBeDefined();
    await expect(
      dev.send(new DescribeRegionSettingsCommand({})),
    ).resolves.toMatchObject({
      ResourceTypeManagementPreference: { DynamoDB: false },
    });
  });
});
