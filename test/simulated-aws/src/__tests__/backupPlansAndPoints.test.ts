import { describe, expect, it } from '@jest/globals';
import {
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListCopyJobsCommand,
  ListProtectedResourcesCommand,
  ListRecoveryPointsByBackupVaultCommand,
  paginateListRecoveryPointsByBackupVault,
} from '@aws-sdk/client-backup';
import { COPY_STATUS } from '../derive/statusMessages';
import { NOW, setupSimulator } from '../__testUtils__/demoSimulator';
import { backupFor } from '../__testUtils__/backupClient';

const sim = setupSimulator();

describe('AWS Backup handlers through @aws-sdk/client-backup', () => {
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
});
