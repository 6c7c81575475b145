import { describe, expect, it } from '@jest/globals';
import {
  BackupClient,
  DescribeBackupVaultCommand,
  DescribeGlobalSettingsCommand,
  DescribeRegionSettingsCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  GetBackupVaultAccessPolicyCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListCopyJobsCommand,
  ListProtectedResourcesCommand,
  ListRecoveryPointsByBackupVaultCommand,
  ListRestoreAccessBackupVaultsCommand,
  paginateListBackupVaults,
  paginateListRecoveryPointsByBackupVault,
} from '@aws-sdk/client-backup';
import { COPY_STATUS } from '../derive/statusMessages';
import { MPA_NOT_OPTED_IN_MESSAGE } from '../model/demo';
import { scaleScenario } from '../model/scale';
import {
  MAIN_CREDENTIALS,
  NOW,
  assumeRole,
  setupSimulator,
} from '../__testUtils__/demoSimulator';

const sim = setupSimulator();

async function backupFor(account: string, region: string) {
  return new BackupClient({
    region,
    credentials: await assumeRole(account),
    maxAttempts: 1,
  });
}

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

  it('returns plans, rules with copy actions and lifecycles, and selections', async () => {
    const backup = await backupFor('222222222222', 'ap-northeast-1');
    const plans = await backup.send(new ListBackupPlansCommand({}));
    expect(plans.BackupPlansList!.map(p => p.BackupPlanName).sort()).toEqual([
      'payments-daily',
      'payments-data',
      'payments-documents',
    ]);
    const documents = plans.BackupPlansList!.find(
      p => p.BackupPlanName === 'payments-documents',
    )!;
    const plan = await backup.send(
      new GetBackupPlanCommand({ BackupPlanId: documents.BackupPlanId }),
    );
    expect(plan.BackupPlan!.Rules![0]).toMatchObject({
      TargetBackupVaultName: 'prod-cmk-vault',
      Lifecycle: { MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120 },
      CopyActions: [
        {
          DestinationBackupVaultArn:
            'arn:aws:backup:ap-northeast-1:444444444444:backup-vault:central-vault',
          Lifecycle: { MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120 },
        },
      ],
    });
    const data = plans.BackupPlansList!.find(
      p => p.BackupPlanName === 'payments-data',
    )!;
    const selections = await backup.send(
      new ListBackupSelectionsCommand({ BackupPlanId: data.BackupPlanId }),
    );
    expect(selections.BackupSelectionsList).toHaveLength(1);
    const selection = await backup.send(
      new GetBackupSelectionCommand({
        BackupPlanId: data.BackupPlanId,
        SelectionId: selections.BackupSelectionsList![0].SelectionId,
      }),
    );
    expect(selection.BackupSelection).toMatchObject({
      NotResources: [
        'arn:aws:dynamodb:ap-northeast-1:222222222222:table/*-scratch',
      ],
      Conditions: {
        StringEquals: [
          { ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'daily' },
        ],
      },
    });
    await expect(
      backup.send(new GetBackupPlanCommand({ BackupPlanId: 'missing' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('lists recovery points with keys by rule: A4 aws/rds fallback in the Default vault', async () => {
    const backup = await backupFor('222222222222', 'ap-northeast-3');
    const out = await backup.send(
      new ListRecoveryPointsByBackupVaultCommand({
        BackupVaultName: 'Default',
      }),
    );
    expect(out.RecoveryPoints!.length).toBe(3);
    const aliases = sim.estate.keys
      .filter(k => k.arn === out.RecoveryPoints![0].EncryptionKeyArn)
      .flatMap(k => k.aliases);
    expect(aliases).toEqual(['alias/aws/rds']);
    expect(out.RecoveryPoints![0]).toMatchObject({
      ResourceType: 'Aurora',
      IsEncrypted: true,
      SourceBackupVaultArn:
        'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:prod-cmk-vault',
    });
    expect(out.RecoveryPoints![0].CalculatedLifecycle!.DeleteAt).toBeInstanceOf(
      Date,
    );
  });

  it('pages recovery points and filters them by resource and creation date (A2 old unencrypted points)', async () => {
    const backup = await backupFor('333333333333', 'ap-northeast-1');
    const all = [];
    for await (const page of paginateListRecoveryPointsByBackupVault(
      { client: backup, pageSize: 5 },
      {
        BackupVaultName: 'dev-vault',
        ByResourceArn:
          'arn:aws:ec2:ap-northeast-1:333333333333:volume/vol-0c0ffee0123456789',
      },
    )) {
      all.push(...page.RecoveryPoints!);
    }
    expect(all).toHaveLength(12);
    const unencrypted = all.filter(p => !p.IsEncrypted);
    expect(unencrypted.length).toBe(9);
    expect(
      unencrypted.every(
        p => p.CreationDate!.getTime() < Date.parse(NOW) - 90 * 86_400_000,
      ),
    ).toBe(true);
    const recent = await backup.send(
      new ListRecoveryPointsByBackupVaultCommand({
        BackupVaultName: 'dev-vault',
        ByCreatedAfter: new Date(Date.parse(NOW) - 90 * 86_400_000),
      }),
    );
    expect(recent.RecoveryPoints!.every(p => p.IsEncrypted)).toBe(true);
    expect(recent.RecoveryPoints!.length).toBeGreaterThan(0);
  });

  it('lists protected resources of the account and region', async () => {
    const backup = await backupFor('222222222222', 'eu-west-1');
    const out = await backup.send(new ListProtectedResourcesCommand({}));
    expect(out.Results!.map(r => r.ResourceArn).sort()).toEqual([
      'arn:aws:redshift:eu-west-1:222222222222:cluster:data-warehouse',
      'arn:aws:s3:::acme-data-lake-curated',
      'arn:aws:s3:::acme-data-lake-raw',
    ]);
    expect(out.Results![0].LastBackupTime).toBeInstanceOf(Date);
  });

  it('lists failed copy jobs with AWS status messages and filters by state and date', async () => {
    const backup = await backupFor('222222222222', 'eu-west-1');
    const failed = await backup.send(
      new ListCopyJobsCommand({ ByState: 'FAILED' }),
    );
    expect(failed.CopyJobs!.length).toBe(3);
    expect(failed.CopyJobs![0]).toMatchObject({
      StatusMessage: COPY_STATUS.notSameOrganization,
      DestinationBackupVaultArn:
        'arn:aws:backup:eu-west-1:999999999999:backup-vault:vendor-vault',
      AccountId: '222222222222',
    });
    const recent = await backup.send(
      new ListCopyJobsCommand({
        ByCreatedAfter: new Date(Date.parse(NOW) - 86_400_000),
      }),
    );
    expect(recent.CopyJobs!.length).toBe(3); // last night: one per rule with copies (lake raw, lake curated, warehouse)
    expect(
      recent.CopyJobs!.every(
        j => j.CreationDate!.getTime() >= Date.parse(NOW) - 86_400_000,
      ),
    ).toBe(true);
  });

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
