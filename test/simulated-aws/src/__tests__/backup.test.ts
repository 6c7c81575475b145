import { describe, expect, it } from '@jest/globals';
import {
  BackupClient,
  DescribeBackupVaultCommand,
  GetBackupVaultAccessPolicyCommand,
  ListBackupVaultsCommand,
  ListRestoreAccessBackupVaultsCommand,
  paginateListBackupVaults,
} from '@aws-sdk/client-backup';
import { MPA_NOT_OPTED_IN_MESSAGE } from '../model/demo';
import { scaleScenario } from '../model/scale';
import {
  NOW,
  assumeRole,
  setupSimulator,
} from '../__testUtils__/demoSimulator';
import { backupFor } from '../__testUtils__/backupClient';

const sim = setupSimulator();

describe('AWS Backup handlers through @aws-sdk/client-backup', () => {
  it('lists vaults of the assumed account and region only, with lock and key fields', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    const out = await backup.send(new ListBackupVaultsCommand({}));
    const names = out.BackupVaultList!.map(v => v.BackupVaultName).sort();
    expect(names).toEqual([
      'Default',
      'central-restricted',
      'central-vault',
      'lag-central',
    ]);
    const central = out.BackupVaultList!.find(
      v => v.BackupVaultName === 'central-vault',
    )!;
    expect(central.BackupVaultArn).toBe(
      'arn:aws:backup:ap-northeast-1:444444444444:backup-vault:central-vault',
    );
    expect(central.Locked).toBe(true);
    expect(central.MinRetentionDays).toBe(7);
    expect(central.CreationDate).toBeInstanceOf(Date);
    expect(central.EncryptionKeyType).toBe('CUSTOMER_MANAGED_KMS_KEY');
    expect(central.NumberOfRecoveryPoints).toBe(
      sim.derived.recoveryPoints.filter(
        p => p.backupVaultArn === central.BackupVaultArn,
      ).length,
    );
    expect(
      sim.countCalls({
        service: 'backup',
        operation: 'ListBackupVaults',
        account: '444444444444',
      }),
    ).toBe(1);
  });

  it('filters by vault type (ByVaultType) and lists shared LAG vaults', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    const lag = await backup.send(
      new ListBackupVaultsCommand({
        ByVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      }),
    );
    expect(
      lag.BackupVaultList!.map(v => [v.BackupVaultName, v.EncryptionKeyType]),
    ).toEqual([['lag-central', 'AWS_OWNED_KMS_KEY']]);
    const recovery = await backupFor('555555555555', 'ap-northeast-1');
    const shared = await recovery.send(
      new ListBackupVaultsCommand({ ByShared: true }),
    );
    expect(shared.BackupVaultList!.map(v => v.BackupVaultArn)).toEqual([
      'arn:aws:backup:ap-northeast-1:444444444444:backup-vault:lag-central',
    ]);
  });

  it('pages ListBackupVaults with MaxResults and NextToken', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    const pages: string[][] = [];
    for await (const page of paginateListBackupVaults(
      { client: backup, pageSize: 1 },
      {},
    )) {
      pages.push(page.BackupVaultList!.map(v => v.BackupVaultName!));
    }
    expect(pages).toHaveLength(4);
    expect(pages.flat().sort()).toEqual([
      'Default',
      'central-restricted',
      'central-vault',
      'lag-central',
    ]);
    expect(sim.countCalls({ operation: 'ListBackupVaults' })).toBe(4);
  });

  it('rejects MaxResults above 1000 and foreign NextTokens', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    await expect(
      backup.send(new ListBackupVaultsCommand({ MaxResults: 1001 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    await expect(
      backup.send(new ListBackupVaultsCommand({ NextToken: 'bogus' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('describes a LAG vault with its MPA team and the not-opted-in failure (C4)', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    const out = await backup.send(
      new DescribeBackupVaultCommand({ BackupVaultName: 'lag-central' }),
    );
    expect(out.VaultType).toBe('LOGICALLY_AIR_GAPPED_BACKUP_VAULT');
    expect(out.MpaApprovalTeamArn).toMatch(
      /^arn:aws:mpa:us-east-1:111111111111:approval-team\//,
    );
    expect(out.LatestMpaApprovalTeamUpdate).toMatchObject({
      Status: 'FAILED',
      StatusMessage: MPA_NOT_OPTED_IN_MESSAGE,
    });
    expect(out.LatestMpaApprovalTeamUpdate!.InitiationDate).toBeInstanceOf(
      Date,
    );
  });

  it('describes a compliance-locked vault in its grace period', async () => {
    const backup = await backupFor('222222222222', 'eu-west-1');
    const out = await backup.send(
      new DescribeBackupVaultCommand({ BackupVaultName: 'data-lake-vault' }),
    );
    expect(out.Locked).toBe(true);
    expect(out.LockDate!.getTime()).toBeGreaterThan(Date.parse(NOW));
    expect(out.MaxRetentionDays).toBe(365);
  });

  it('answers ResourceNotFoundException for a missing vault and a vault without policy', async () => {
    const backup = await backupFor('222222222222', 'ap-northeast-1');
    await expect(
      backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      backup.send(
        new GetBackupVaultAccessPolicyCommand({
          BackupVaultName: 'prod-cmk-vault',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('returns vault access policies as JSON strings', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    const out = await backup.send(
      new GetBackupVaultAccessPolicyCommand({
        BackupVaultName: 'central-vault',
      }),
    );
    const policy = JSON.parse(out.Policy!);
    expect(policy.Statement[0]).toMatchObject({
      Action: 'backup:CopyIntoBackupVault',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-demo12345' } },
    });
  });

  it('lists restore-access vaults of a LAG vault', async () => {
    const backup = await backupFor('444444444444', 'ap-northeast-1');
    const none = await backup.send(
      new ListRestoreAccessBackupVaultsCommand({
        BackupVaultName: 'lag-central',
      }),
    );
    expect(none.RestoreAccessBackupVaults).toEqual([]);
    await expect(
      backup.send(
        new ListRestoreAccessBackupVaultsCommand({
          BackupVaultName: 'central-vault',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });

    sim.setEstate(
      scaleScenario({ accounts: 2, regions: 2, resourcesPerRegion: 1 }),
    );
    const scaled = new BackupClient({
      region: 'us-east-1',
      credentials: await assumeRole('444444444444'),
    });
    const out = await scaled.send(
      new ListRestoreAccessBackupVaultsCommand({
        BackupVaultName: 'lag-vault',
      }),
    );
    expect(out.RestoreAccessBackupVaults).toHaveLength(1);
    expect(out.RestoreAccessBackupVaults![0].ApprovalDate).toBeInstanceOf(Date);
  });
});
