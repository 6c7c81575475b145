import { describe, expect, it } from '@jest/globals';
import { EstateBuilder } from '../model/builder';
import {
  allowAccountsCopyPolicy,
  allowOrgCopyPolicy,
} from '../model/vaultPolicies';
import { deriveBackups } from './deriveBackups';
import { COPY_STATUS } from './statusMessages';
import { DST, NOW, R1, SRC } from './__testUtils__/estateWith';

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
