import { describe, expect, it } from '@jest/globals';
import { demoScenario } from '../model/demo';
import { scaleScenario } from '../model/scale';
import { deriveBackups } from './deriveBackups';
import { estateWith, NOW, R1, R2, SRC } from './__testUtils__/estateWith';

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
