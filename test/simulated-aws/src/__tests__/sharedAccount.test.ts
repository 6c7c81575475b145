import { describe, expect, it } from '@jest/globals';
import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListCopyJobsCommand,
  ListRecoveryPointsByBackupVaultCommand,
} from '@aws-sdk/client-backup';
import { selectionAssigns } from '../derive/selection';
import { DEMO_ACCOUNTS, SHARED_PROD } from '../model/demo';
import { assumeRole, setupSimulator } from '../__testUtils__/demoSimulator';

const sim = setupSimulator();
const { accountId: SHARED, region: TOKYO } = SHARED_PROD;
const CENTRAL = DEMO_ACCOUNTS.centralBackup;
const RECOVERY = DEMO_ACCOUNTS.recovery;
const vaultArn = (account: string, region: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
const CENTRAL_VAULT = vaultArn(CENTRAL, TOKYO, 'central-vault');
const LAG_VAULT = vaultArn(RECOVERY, TOKYO, SHARED_PROD.vaults.lag);
const BILLING_VAULT = vaultArn(SHARED, TOKYO, SHARED_PROD.vaults.billing);
const BILLING_TABLE = `arn:aws:dynamodb:${TOKYO}:${SHARED}:table/billing-history`;

async function backupFor(account: string, region: string) {
  return new BackupClient({
    region,
    credentials: await assumeRole(account),
    maxAttempts: 1,
  });
}

const sharedResources = () =>
  sim.estate.resources.filter(
    r => r.accountId === SHARED && r.region === TOKYO,
  );
const sharedPlans = () =>
  sim.estate.plans.filter(p => p.accountId === SHARED && p.region === TOKYO);
/** The service a plan protects: the service tag of the resources its selections assign. */
const servicesOf = (planId: string) => {
  const plan = sim.estate.plans.find(p => p.planId === planId)!;
  return [
    ...new Set(
      sharedResources()
        .filter(r => plan.selections.some(s => selectionAssigns(s, r)))
        .map(r => r.tags.service),
    ),
  ];
};
const serviceOfVault = (name: string) =>
  [
    ...new Set(
      sharedPlans()
        .filter(p => p.rules.some(r => r.targetBackupVaultName === name))
        .flatMap(p => servicesOf(p.planId)),
    ),
  ].sort();

describe('the shared production account (666666666666, ap-northeast-1)', () => {
  it('holds six services of six teams in one region, each its own plan', () => {
    const services = [...new Set(sharedResources().map(r => r.tags.service))];
    expect(services.sort()).toEqual([
      'billing-history',
      'customer-profiles',
      'media-archive',
      'notifications',
      'orders-db',
      'search-indexer',
    ]);
    expect(new Set(sharedResources().map(r => r.tags.team)).size).toBe(6);
    expect(
      sim.estate.resources.filter(
        r => r.accountId === SHARED && r.region !== TOKYO,
      ),
    ).toEqual([]);
    // Every plan of the account assigns the resources of exactly one service, and every
    // service is protected by exactly one plan.
    const owners = sharedPlans().map(p => servicesOf(p.planId));
    expect(owners.every(o => o.length === 1)).toBe(true);
    expect(owners.flat().sort()).toEqual(services.sort());
  });

  it('serves selections by Resources ARN, by ListOfTags and by Conditions, each picking only its service', async () => {
    const backup = await backupFor(SHARED, TOKYO);
    const plans = (await backup.send(new ListBackupPlansCommand({})))
      .BackupPlansList!;
    expect(plans).toHaveLength(6);
    const byService = new Map<string, Record<string, any>>();
    for (const plan of plans) {
      const [selection] = (
        await backup.send(
          new ListBackupSelectionsCommand({ BackupPlanId: plan.BackupPlanId }),
        )
      ).BackupSelectionsList!;
      const { BackupSelection } = await backup.send(
        new GetBackupSelectionCommand({
          BackupPlanId: plan.BackupPlanId,
          SelectionId: selection.SelectionId,
        }),
      );
      byService.set(servicesOf(plan.BackupPlanId!)[0], BackupSelection!);
    }
    const arnOf = (service: string) =>
      sharedResources().filter(r => r.tags.service === service)[0].arn;
    for (const service of ['orders-db', 'customer-profiles', 'billing-history'])
      expect(byService.get(service)).toMatchObject({
        Resources: [arnOf(service)],
        ListOfTags: [],
      });
    for (const service of ['notifications', 'media-archive'])
      expect(byService.get(service)).toMatchObject({
        Resources: [],
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: 'service',
            ConditionValue: service,
          },
        ],
      });
    expect(byService.get('search-indexer')).toMatchObject({
      Resources: ['*'],
      ListOfTags: [],
      Conditions: {
        StringEquals: [
          {
            ConditionKey: 'aws:ResourceTag/service',
            ConditionValue: 'search-indexer',
          },
        ],
      },
    });
  });

  it('has the neighbours a healthy service must not be blamed for', async () => {
    const backup = await backupFor(SHARED, TOKYO);
    const vaults = (await backup.send(new ListBackupVaultsCommand({})))
      .BackupVaultList!;
    // The account's Default vault is on aws/backup and used by search-indexer alone.
    const byName = new Map(vaults.map(v => [v.BackupVaultName!, v]));
    const defaultKey = sim.estate.keys.find(
      k => k.arn === byName.get('Default')!.EncryptionKeyArn,
    )!;
    expect(defaultKey.aliases).toEqual(['alias/aws/backup']);
    expect(serviceOfVault('Default')).toEqual([SHARED_PROD.defaultVault]);
    // customer-profiles' vault is not locked.
    expect(byName.get(SHARED_PROD.vaults.profiles)!.Locked).toBe(false);
    expect(serviceOfVault(SHARED_PROD.vaults.profiles)).toEqual([
      SHARED_PROD.unlockedVault,
    ]);
    // media-archive's copy rule moves copies to cold storage for less than 90 days (B6).
    const media = sharedPlans().find(p =>
      servicesOf(p.planId).includes(SHARED_PROD.coldStorage),
    )!;
    const plan = await backup.send(
      new GetBackupPlanCommand({ BackupPlanId: media.planId }),
    );
    const lifecycle = plan.BackupPlan!.Rules![0].CopyActions![0].Lifecycle!;
    expect(lifecycle.MoveToColdStorageAfterDays).toBe(30);
    expect(lifecycle.DeleteAfterDays!).toBeLessThan(30 + 90);
    // Every other vault of the services is locked and on a customer-managed key.
    for (const name of [
      SHARED_PROD.vaults.orders,
      SHARED_PROD.vaults.messaging,
      SHARED_PROD.vaults.media,
      SHARED_PROD.vaults.billing,
    ]) {
      const v = byName.get(name)!;
      expect([name, v.Locked]).toEqual([name, true]);
      expect(
        sim.estate.keys.find(k => k.arn === v.EncryptionKeyArn)?.keyManager,
      ).toBe('CUSTOMER');
    }
  });

  it('copies the healthy services to Osaka and to the central account without failures', () => {
    for (const service of SHARED_PROD.healthy) {
      const arns = sharedResources()
        .filter(r => r.tags.service === service)
        .map(r => r.arn);
      const jobs = sim.derived.copyJobs.filter(j =>
        arns.includes(j.resourceArn),
      );
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs.filter(j => j.state !== 'COMPLETED')).toEqual([]);
      const destinations = new Set(
        jobs.map(j =>
          j.destinationBackupVaultArn.split(':').slice(3, 5).join(':'),
        ),
      );
      expect(destinations).toEqual(
        new Set([`ap-northeast-3:${SHARED}`, `${TOKYO}:${CENTRAL}`]),
      );
      const copies = sim.derived.recoveryPoints.filter(
        p => arns.includes(p.resourceArn) && p.sourceBackupVaultArn,
      );
      expect(
        copies.every(
          p =>
            sim.estate.keys.find(k => k.arn === p.encryptionKeyArn)
              ?.keyManager === 'CUSTOMER',
        ),
      ).toBe(true);
    }
  });
});

describe('the two-hop copy: billing-history → central-vault (444) → lag-vault (555)', () => {
  it('lists the air-gapped copies with the original resource and the central vault as their source', async () => {
    const recovery = await backupFor(RECOVERY, TOKYO);
    const vaults = (await recovery.send(new ListBackupVaultsCommand({})))
      .BackupVaultList!;
    expect(vaults.find(v => v.BackupVaultArn === LAG_VAULT)?.VaultType).toBe(
      'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    );
    const points = (
      await recovery.send(
        new ListRecoveryPointsByBackupVaultCommand({
          BackupVaultName: SHARED_PROD.vaults.lag,
        }),
      )
    ).RecoveryPoints!;
    expect(points.length).toBe(3); // one per daily point still in the central vault
    for (const p of points) {
      expect(p).toMatchObject({
        ResourceArn: BILLING_TABLE,
        ResourceType: 'DynamoDB',
        SourceBackupVaultArn: CENTRAL_VAULT,
        VaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        IsEncrypted: true,
        IamRoleArn: `arn:aws:iam::${CENTRAL}:role/service-role/AWSBackupDefaultServiceRole`,
      });
      // No plan made the copy (StartCopyJob), and ParentRecoveryPointArn is AWS's field for
      // composite points, not for copies: both are absent.
      expect(p.CreatedBy).toBeUndefined();
      expect(p.ParentRecoveryPointArn).toBeUndefined();
      expect(p.EncryptionKeyArn).toMatch(
        new RegExp(`^arn:aws:kms:${TOKYO}:${RECOVERY}:key/`),
      );
    }
  });

  it('records the second hop as copy jobs of the central account, linking each hop to its parent', async () => {
    const central = await backupFor(CENTRAL, TOKYO);
    const secondHop = (
      await central.send(
        new ListCopyJobsCommand({ ByDestinationVaultArn: LAG_VAULT }),
      )
    ).CopyJobs!;
    expect(secondHop).toHaveLength(3);
    const centralPoints = (
      await central.send(
        new ListRecoveryPointsByBackupVaultCommand({
          BackupVaultName: 'central-vault',
          ByResourceArn: BILLING_TABLE,
        }),
      )
    ).RecoveryPoints!;
    const lagPoints = (
      await (
        await backupFor(RECOVERY, TOKYO)
      ).send(
        new ListRecoveryPointsByBackupVaultCommand({
          BackupVaultName: SHARED_PROD.vaults.lag,
        }),
      )
    ).RecoveryPoints!;
    const firstHop = (
      await (
        await backupFor(SHARED, TOKYO)
      ).send(new ListCopyJobsCommand({ ByResourceArn: BILLING_TABLE }))
    ).CopyJobs!;
    expect(firstHop).toHaveLength(3);
    for (const job of secondHop) {
      expect(job).toMatchObject({
        AccountId: CENTRAL,
        State: 'COMPLETED',
        ResourceArn: BILLING_TABLE,
        SourceBackupVaultArn: CENTRAL_VAULT,
        DestinationBackupVaultArn: LAG_VAULT,
        DestinationVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      });
      expect(job.CreatedBy).toBeUndefined();
      // Hop 2's source is a central point, itself copied from the primary vault (hop 1).
      const parent = centralPoints.find(
        p => p.RecoveryPointArn === job.SourceRecoveryPointArn,
      )!;
      expect(parent.SourceBackupVaultArn).toBe(BILLING_VAULT);
      const hop1 = firstHop.find(
        j => j.DestinationRecoveryPointArn === parent.RecoveryPointArn,
      )!;
      expect(hop1).toMatchObject({
        AccountId: SHARED,
        SourceBackupVaultArn: BILLING_VAULT,
        DestinationBackupVaultArn: CENTRAL_VAULT,
      });
      expect(lagPoints.map(p => p.RecoveryPointArn)).toContain(
        job.DestinationRecoveryPointArn,
      );
    }
    // Other services' points in the central vault are not forwarded.
    expect(
      sim.derived.copyJobs.filter(
        j =>
          j.destinationBackupVaultArn === LAG_VAULT &&
          j.resourceArn !== BILLING_TABLE,
      ),
    ).toEqual([]);
  });
});
