import { describe, expect, it } from '@jest/globals';
import { deriveBackups } from './deriveBackups';
import { COPY_STATUS } from './statusMessages';
import { DST, estateWith, OUT, R1, R2, SRC } from './__testUtils__/estateWith';

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
