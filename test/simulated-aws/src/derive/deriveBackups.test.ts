import { describe, expect, it } from '@jest/globals';
import { EstateBuilder } from '../model/builder';
import {
  allowAccountsCopyPolicy,
  allowOrgCopyPolicy,
} from '../model/vaultPolicies';
import { demoScenario } from '../model/demo';
import { scaleScenario } from '../model/scale';
import { ResourceType } from '../model/types';
import { deriveBackups } from './deriveBackups';
import { COPY_STATUS } from './statusMessages';

const NOW = '2026-11-23T00:00:00.000Z';
const SRC = '222222222222';
const DST = '444444444444';
const OUT = '999999999999';
const R1 = 'ap-northeast-1';
const R2 = 'ap-northeast-3';

/** A two-account organization with one resource, one plan and one copy action. */
function estateWith(opts: {
  type: ResourceType;
  sourceKey?: 'cmk' | 'cmk-not-shared' | 'aws-managed' | 'none';
  sourceVaultKey?: 'cmk' | 'aws/backup';
  destination: {
    account: string;
    region: string;
    vault?: 'cmk' | 'aws/backup' | 'Default';
    policy?: 'org' | 'other' | 'none';
  };
  copyLifecycle?: {
    moveToColdStorageAfterDays?: number;
    deleteAfterDays?: number;
  };
  crossAccountEnabled?: boolean;
  unencryptedBefore?: number;
}) {
  const b = new EstateBuilder({
    name: 't',
    seed: 7,
    now: NOW,
    organizationId: 'o-test',
    managementAccountId: '111111111111',
    managementAccountEmail: 'm@example.com',
    regions: [R1, R2],
  });
  b.account('111111111111', 'management');
  b.account(SRC, 'source');
  b.account(DST, 'destination');
  b.account(OUT, 'outside', { inOrganization: false });
  b.estate.globalSettings.isCrossAccountBackupEnabled =
    opts.crossAccountEnabled ?? true;
  const cmk = b.cmk(SRC, R1, {
    alias: 'alias/source',
    allowAccounts: opts.sourceKey === 'cmk-not-shared' ? [] : [DST, OUT],
    replicaRegions: [R2],
  });
  const managedAlias =
    opts.type === 'EBS' || opts.type === 'EC2'
      ? 'alias/aws/ebs'
      : 'alias/aws/rds';
  const sourceKeys: Record<string, string | undefined> = {
    'aws-managed': b.managedKeyArn(SRC, R1, managedAlias),
    none: undefined,
  };
  const sourceKeyArn =
    opts.sourceKey && opts.sourceKey in sourceKeys
      ? sourceKeys[opts.sourceKey]
      : cmk.arn;
  const resource = b.resource(opts.type, SRC, R1, 'thing', {
    tags: { backup: 'yes' },
    keyArn: sourceKeyArn,
    unencryptedBefore: opts.unencryptedBefore
      ? b.ago(opts.unencryptedBefore)
      : undefined,
  });
  const vaultKey = b.cmk(SRC, R1, { alias: 'alias/vault' });
  b.vault(SRC, R1, 'source-vault', {
    key: opts.sourceVaultKey === 'aws/backup' ? 'aws/backup' : vaultKey.arn,
  });
  const d = opts.destination;
  const name = d.vault === 'Default' ? 'Default' : 'destination-vault';
  const destArn = `arn:aws:backup:${d.region}:${d.account}:backup-vault:${name}`;
  const destKey =
    d.vault === 'cmk' || d.vault === undefined
      ? b.cmk(d.account, d.region, { alias: 'alias/dest' }).arn
      : 'aws/backup';
  const policies = {
    none: undefined,
    other: allowAccountsCopyPolicy(destArn, ['333333333333']),
    org: allowOrgCopyPolicy(destArn, 'o-test'),
  };
  const policy = policies[d.policy ?? 'org'];
  b.vault(d.account, d.region, name, { key: destKey, accessPolicy: policy });
  b.plan(
    SRC,
    R1,
    'plan',
    [
      {
        ruleName: 'r',
        targetBackupVaultName: 'source-vault',
        scheduleExpression: 'cron(0 5 ? * * *)',
        lifecycle: { deleteAfterDays: 400 },
        pointAgesDays: [1, 200],
        copyActions: [
          {
            destinationBackupVaultArn: destArn,
            lifecycle: opts.copyLifecycle ?? { deleteAfterDays: 400 },
          },
        ],
      },
    ],
    [{ selectionName: 's', resources: [resource.arn] }],
  );
  const estate = b.estate;
  const alias = (arn?: string) =>
    estate.keys.find(k => k.arn === arn)?.aliases[0];
  return { estate, derived: deriveBackups(estate), alias, cmk, destArn };
}

describe('A1: independent vs source-dependent key', () => {
  it('independent types (S3, EFS, DynamoDB) take the vault key, whatever the source used', () => {
    for (const type of ['S3', 'EFS', 'DynamoDB'] as const) {
      const { derived, alias } = estateWith({
        type,
        destination: { account: SRC, region: R2 },
      });
      const primary = derived.recoveryPoints.find(
        p => p.backupVaultName === 'source-vault',
      )!;
      expect(alias(primary.encryptionKeyArn)).toBe('alias/vault');
      expect(primary.keyRule).toBe('A1');
    }
  });
  it('source-dependent types keep the source key in the primary point', () => {
    for (const type of [
      'EBS',
      'EC2',
      'RDS',
      'Aurora',
      'DocumentDB',
      'Neptune',
      'Redshift',
    ] as const) {
      const { derived, alias } = estateWith({
        type,
        destination: { account: SRC, region: R2 },
      });
      const primary = derived.recoveryPoints.find(
        p => p.backupVaultName === 'source-vault',
      )!;
      expect(alias(primary.encryptionKeyArn)).toBe('alias/source');
    }
  });
});

describe('A2: encryption is decided at creation', () => {
  it('points older than the switch to a key stay unencrypted, newer ones are encrypted', () => {
    const { derived } = estateWith({
      type: 'EBS',
      unencryptedBefore: 90,
      destination: { account: SRC, region: R2 },
    });
    const primaries = derived.recoveryPoints.filter(
      p => p.backupVaultName === 'source-vault',
    );
    const old = primaries.find(p => p.creationDate < '2026-08-01')!;
    const recent = primaries.find(p => p.creationDate > '2026-11-01')!;
    expect(old).toMatchObject({
      isEncrypted: false,
      encryptionKeyArn: undefined,
      keyRule: 'A2',
    });
    expect(recent.isEncrypted).toBe(true);
  });
});

describe('A4: cross-region copy key', () => {
  it('an Aurora copy into an aws/backup vault gets aws/rds even though an mrk replica exists there', () => {
    const { derived, alias, cmk } = estateWith({
      type: 'Aurora',
      destination: { account: SRC, region: R2, vault: 'aws/backup' },
    });
    expect(cmk.multiRegion!.replicaArns[0]).toContain(R2);
    const copy = derived.recoveryPoints.find(p => p.region === R2)!;
    expect(alias(copy.encryptionKeyArn)).toBe('alias/aws/rds');
    expect(copy.keyRule).toBe('A4');
  });
  it('an RDS copy into a CMK vault gets the destination vault key, not the source key', () => {
    const { derived, alias } = estateWith({
      type: 'RDS',
      destination: { account: SRC, region: R2, vault: 'cmk' },
    });
    expect(
      alias(
        derived.recoveryPoints.find(p => p.region === R2)!.encryptionKeyArn,
      ),
    ).toBe('alias/dest');
  });
  it('an EBS copy into an aws/backup vault gets aws/ebs', () => {
    const { derived, alias } = estateWith({
      type: 'EBS',
      destination: { account: SRC, region: R2, vault: 'Default' },
    });
    expect(
      alias(
        derived.recoveryPoints.find(p => p.region === R2)!.encryptionKeyArn,
      ),
    ).toBe('alias/aws/ebs');
  });
});

describe('B1-B6: cross-account copies AWS rejects become FAILED copy jobs', () => {
  const failed = (derived: ReturnType<typeof deriveBackups>) =>
    derived.copyJobs.filter(j => j.state === 'FAILED');

  it('B1: destination outside the organization', () => {
    const { derived } = estateWith({
      type: 'S3',
      destination: { account: OUT, region: R1 },
    });
    expect(failed(derived)).toHaveLength(2);
    expect(failed(derived)[0]).toMatchObject({
      failedBy: 'B1',
      statusMessage: COPY_STATUS.notSameOrganization,
    });
    expect(
      derived.recoveryPoints.filter(p => p.accountId === OUT),
    ).toHaveLength(0);
  });
  it('B1: cross-account backup not enabled in the management account', () => {
    const { derived } = estateWith({
      type: 'S3',
      crossAccountEnabled: false,
      destination: { account: DST, region: R1 },
    });
    expect(failed(derived)[0]).toMatchObject({
      failedBy: 'B1',
      statusMessage: COPY_STATUS.crossAccountDisabled,
    });
  });
  it('B2: the destination vault policy does not allow CopyIntoBackupVault for the source', () => {
    for (const policy of ['other', 'none'] as const) {
      const { derived, destArn } = estateWith({
        type: 'S3',
        destination: { account: DST, region: R1, policy },
      });
      expect(failed(derived)[0]).toMatchObject({
        failedBy: 'B2',
        statusMessage: COPY_STATUS.copyIntoDenied(SRC, destArn),
      });
    }
  });
  it("B3: the destination is the other account's Default vault", () => {
    const { derived } = estateWith({
      type: 'S3',
      destination: { account: DST, region: R1, vault: 'Default' },
    });
    expect(failed(derived)[0].failedBy).toBe('B3');
  });
  it('B4: a source-dependent type on an AWS-managed key, or a CMK not shared with the destination', () => {
    const managed = estateWith({
      type: 'RDS',
      sourceKey: 'aws-managed',
      destination: { account: DST, region: R1 },
    });
    const job = failed(managed.derived)[0];
    expect(job.failedBy).toBe('B4');
    expect(job.statusMessage).toContain('Given key ID is not accessible');
    const unshared = estateWith({
      type: 'EBS',
      sourceKey: 'cmk-not-shared',
      destination: { account: DST, region: R1 },
    });
    expect(failed(unshared.derived)[0].failedBy).toBe('B4');
    // The same AWS-managed source copies fine within the account.
    const local = estateWith({
      type: 'RDS',
      sourceKey: 'aws-managed',
      destination: { account: SRC, region: R2 },
    });
    expect(failed(local.derived)).toHaveLength(0);
  });
  it('B5: a successful cross-account copy is re-encrypted with the destination vault key', () => {
    const { derived, alias } = estateWith({
      type: 'DynamoDB',
      destination: { account: DST, region: R1 },
    });
    expect(failed(derived)).toHaveLength(0);
    const copy = derived.recoveryPoints.find(p => p.accountId === DST)!;
    expect(alias(copy.encryptionKeyArn)).toBe('alias/dest');
    expect(copy.keyRule).toBe('B5');
    const job = derived.copyJobs.find(
      j => j.destinationRecoveryPointArn === copy.recoveryPointArn,
    )!;
    expect(job).toMatchObject({
      state: 'COMPLETED',
      destinationEncryptionKeyArn: copy.encryptionKeyArn,
      accountId: SRC,
    });
  });
  it('B6: cold storage on a cross-account copy', () => {
    const { derived } = estateWith({
      type: 'EFS',
      copyLifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 400 },
      destination: { account: DST, region: R1 },
    });
    expect(failed(derived)[0].failedBy).toBe('B6');
    // ...while cold storage on a same-account copy is fine.
    const local = estateWith({
      type: 'EFS',
      copyLifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 400 },
      destination: { account: SRC, region: R2 },
    });
    expect(failed(local.derived)).toHaveLength(0);
  });
});

describe('lifecycle and protected resources', () => {
  it('drops points past DeleteAfterDays and computes CalculatedLifecycle', () => {
    const { derived } = estateWith({
      type: 'S3',
      copyLifecycle: { deleteAfterDays: 100 },
      destination: { account: SRC, region: R2 },
    });
    expect(derived.recoveryPoints.filter(p => p.region === R2)).toHaveLength(1); // the 200-day-old copy expired
    const p = derived.recoveryPoints[0];
    expect(
      Date.parse(p.calculatedLifecycle!.deleteAt!) - Date.parse(p.creationDate),
    ).toBe(400 * 86_400_000);
    expect(derived.protectedResources.map(r => r.region).sort()).toEqual([
      R1,
      R2,
    ]);
  });
});

describe('scenarios are deterministic from a seed', () => {
  it('the same seed and clock give the same estate and derived facts; another seed changes ids', () => {
    expect(demoScenario({ now: NOW })).toEqual(demoScenario({ now: NOW }));
    expect(deriveBackups(demoScenario({ now: NOW }))).toEqual(
      deriveBackups(demoScenario({ now: NOW })),
    );
    expect(demoScenario({ now: NOW, seed: 1 }).plans[0].planId).not.toBe(
      demoScenario({ now: NOW }).plans[0].planId,
    );
  });
  it('a service’s recovery points and copy jobs keep their ids when other plans are added, removed or reordered', () => {
    const estate = demoScenario({ now: NOW });
    const billing = estate.resources.find(r => r.name === 'billing-history')!;
    const ids = (e: typeof estate) => {
      const derived = deriveBackups(e);
      return {
        points: derived.recoveryPoints
          .filter(p => p.resourceArn === billing.arn)
          .map(p => `${p.recoveryPointArn} ${p.backupSizeInBytes}`)
          .sort(),
        jobs: derived.copyJobs
          .filter(j => j.resourceArn === billing.arn)
          .map(j => `${j.copyJobId} ${j.destinationRecoveryPointArn}`)
          .sort(),
      };
    };
    const before = ids(estate);
    // Two hops: the plan's points and copy, then the central account's copy job and its copy.
    expect(before.points.length).toBeGreaterThan(3);
    expect(before.jobs.length).toBeGreaterThan(3);
    const billingPlan = estate.plans.find(p =>
      p.selections.some(s => s.resources.includes(billing.arn)),
    )!;
    expect(ids({ ...estate, plans: [...estate.plans].reverse() })).toEqual(
      before,
    );
    expect(ids({ ...estate, plans: [billingPlan] })).toEqual(before);
  });
  it('the scale generator honours its size parameters', () => {
    const estate = scaleScenario({
      accounts: 5,
      regions: 3,
      resourcesPerRegion: 2,
      now: NOW,
    });
    expect(estate.accounts).toHaveLength(7); // + management and central-backup
    expect(estate.regions).toHaveLength(3);
    expect(estate.resources).toHaveLength(5 * 3 * 2);
    expect(estate.plans).toHaveLength(5 * 3);
  });
});

describe('copy jobs started outside plans (a second hop from the central account)', () => {
  const REC = '555555555555';
  function twoHops(lagPolicy: 'org' | 'workload-only') {
    const b = new EstateBuilder({
      name: 't',
      seed: 11,
      now: NOW,
      organizationId: 'o-test',
      managementAccountId: '111111111111',
      managementAccountEmail: 'm@example.com',
      regions: [R1],
    });
    for (const [id, name] of [
      ['111111111111', 'management'],
      [SRC, 'source'],
      [DST, 'central'],
      [REC, 'recovery'],
    ])
      b.account(id, name);
    const centralKey = b.cmk(DST, R1, { alias: 'alias/central' });
    const central = `arn:aws:backup:${R1}:${DST}:backup-vault:central`;
    b.vault(DST, R1, 'central', {
      key: centralKey.arn,
      accessPolicy: allowOrgCopyPolicy(central, 'o-test'),
    });
    const lag = `arn:aws:backup:${R1}:${REC}:backup-vault:lag`;
    b.vault(REC, R1, 'lag', {
      type: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      key: 'aws-owned',
      accessPolicy:
        lagPolicy === 'org'
          ? allowOrgCopyPolicy(lag, 'o-test')
          : allowAccountsCopyPolicy(lag, [SRC]),
    });
    const table = b.resource('DynamoDB', SRC, R1, 'orders');
    b.resource('DynamoDB', SRC, R1, 'other');
    b.vault(SRC, R1, 'primary', { key: b.cmk(SRC, R1, { alias: 'a' }).arn });
    b.plan(
      SRC,
      R1,
      'p',
      [
        {
          ruleName: 'daily',
          targetBackupVaultName: 'primary',
          scheduleExpression: 'cron(0 1 ? * * *)',
          lifecycle: { deleteAfterDays: 35 },
          copyActions: [
            {
              destinationBackupVaultArn: central,
              lifecycle: { deleteAfterDays: 90 },
            },
          ],
        },
      ],
      [
        {
          selectionName: 's',
          resources: [`arn:aws:dynamodb:${R1}:${SRC}:table/*`],
        },
      ],
    );
    b.startCopyJobs({
      sourceBackupVaultArn: central,
      destinationBackupVaultArn: lag,
      resourceArns: [table.arn],
      lifecycle: { deleteAfterDays: 365 },
    });
    return { derived: deriveBackups(b.estate), central, lag, table };
  }

  it('runs in the source vault account, once per point of the chosen resources, and copies with the central vault as source', () => {
    const { derived, central, lag, table } = twoHops('org');
    const jobs = derived.copyJobs.filter(
      j => j.destinationBackupVaultArn === lag,
    );
    expect(jobs).toHaveLength(3);
    expect(
      jobs.every(
        j =>
          j.accountId === DST &&
          j.state === 'COMPLETED' &&
          j.resourceArn === table.arn &&
          j.sourceBackupVaultArn === central &&
          j.createdBy === undefined &&
          j.iamRoleArn ===
            `arn:aws:iam::${DST}:role/service-role/AWSBackupDefaultServiceRole`,
      ),
    ).toBe(true);
    const copies = derived.recoveryPoints.filter(p => p.backupVaultArn === lag);
    expect(copies.map(p => p.recoveryPointArn).sort()).toEqual(
      jobs.map(j => j.destinationRecoveryPointArn).sort(),
    );
    expect(copies[0]).toMatchObject({
      resourceArn: table.arn,
      sourceBackupVaultArn: central,
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
      keyRule: 'B5',
    });
    expect(copies[0].createdBy).toBeUndefined();
    // Each job's source is a central point that the plan's copy action made from the primary.
    for (const job of jobs) {
      const parent = derived.recoveryPoints.find(
        p => p.recoveryPointArn === job.sourceRecoveryPointArn,
      )!;
      expect(parent.backupVaultArn).toBe(central);
      expect(parent.sourceBackupVaultArn).toMatch(/:backup-vault:primary$/);
    }
  });

  it('is judged with the central account as the copying account (B2)', () => {
    const { derived, lag } = twoHops('workload-only');
    const jobs = derived.copyJobs.filter(
      j => j.destinationBackupVaultArn === lag,
    );
    expect(jobs.map(j => [j.state, j.failedBy])).toEqual([
      ['FAILED', 'B2'],
      ['FAILED', 'B2'],
      ['FAILED', 'B2'],
    ]);
    expect(jobs[0].statusMessage).toBe(COPY_STATUS.copyIntoDenied(DST, lag));
    expect(
      derived.recoveryPoints.filter(p => p.backupVaultArn === lag),
    ).toEqual([]);
  });
});
