import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  cmk,
  copyJob,
  daysAgo,
  entity,
  hoursAgo,
  orgCopyPolicy,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsCopyJobFact, AwsInventory } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';

/** copy-jobs-succeeding (B1–B5, B9): the latest job per resource and destination, in plain words. */
const key = cmk(PROD, TOKYO, 'vault-key');
const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
const bucket = resource('S3', PROD, TOKYO, 'payments-data');
const primaryVault = vault(PROD, TOKYO, 'payments', key);
const central = vault(CENTRAL, TOKYO, 'central', centralKey, {
  accessPolicy: orgCopyPolicy(),
});
const subject = `${bucket.arn} → ${central.arn}`;

function jobs(copyJobs: AwsCopyJobFact[], over: Partial<AwsInventory> = {}) {
  return checkResult(
    entity(
      awsInventory({
        resources: [bucket],
        vaults: [primaryVault, central],
        keys: [key, centralKey],
        plans: [
          plan(PROD, TOKYO, [
            rule('payments', {
              copyActions: [{ destinationBackupVaultArn: central.arn }],
            }),
          ]),
        ],
        recoveryPoints: [recoveryPoint(bucket, primaryVault, key)],
        copyJobs,
        ...over,
      }),
    ),
    'copy-jobs-succeeding',
  );
}

describe('copy-jobs-succeeding (B9): reasons and evidence', () => {
  it('B9 pass: the latest job decides, and its evidence counts the failures still in the window', () => {
    const failed = copyJob(bucket, primaryVault, central, 'FAILED', {
      copyJobId: 'job-old',
      creationDate: hoursAgo(30),
    });
    const done = copyJob(bucket, primaryVault, central, 'COMPLETED', {
      copyJobId: 'job-new',
      creationDate: hoursAgo(5),
    });
    const r = jobs([failed, done]);
    expect(r.findings).toEqual([
      {
        subject,
        status: 'pass',
        message: 'latest copy job completed',
        evidence: {
          copyJobId: 'job-new',
          state: 'COMPLETED',
          sourceBackupVaultArn: primaryVault.arn,
          destinationBackupVaultArn: central.arn,
          creationDate: hoursAgo(5),
          failedInWindow: 1,
        },
      },
    ]);
    expect(jobs([done, failed]).findings[0].evidence.copyJobId).toBe('job-new');
  });

  it('B9 fail: the latest job failed or was aborted says its state and message', () => {
    const r = jobs([
      copyJob(bucket, primaryVault, central, 'ABORTED', {
        statusMessage: 'stopped by user',
      }),
    ]);
    expect(r.findings[0]).toMatchObject({
      subject,
      status: 'fail',
      message: 'latest copy job ABORTED: stopped by user',
      evidence: { state: 'ABORTED', failedInWindow: 1 },
    });
    expect(
      jobs([copyJob(bucket, primaryVault, central, 'FAILED')]).findings[0]
        .message,
    ).toBe('latest copy job FAILED');
  });

  it('B9 pass: a job still running says its state', () => {
    expect(
      jobs([copyJob(bucket, primaryVault, central, 'RUNNING')]).findings[0],
    ).toMatchObject({ status: 'pass', message: 'latest copy job RUNNING' });
  });

  it('B9 warn: a completed job whose destination point is gone from a scanned vault; fine when the point is there or the vault was not scanned', () => {
    const gone = copyJob(bucket, primaryVault, central, 'COMPLETED', {
      destinationRecoveryPointArn:
        'arn:aws:backup:ap-northeast-1:444444444444:recovery-point:gone',
    });
    expect(jobs([gone]).findings[0]).toMatchObject({
      status: 'warn',
      message: 'copy job completed but its destination recovery point is gone',
      evidence: {
        destinationRecoveryPointArn:
          'arn:aws:backup:ap-northeast-1:444444444444:recovery-point:gone',
      },
    });
    const copy = recoveryPoint(bucket, central, centralKey, {
      sourceBackupVaultArn: primaryVault.arn,
    });
    const present = copyJob(bucket, primaryVault, central, 'COMPLETED', {
      destinationRecoveryPointArn: copy.recoveryPointArn,
    });
    expect(
      jobs([present], {
        recoveryPoints: [recoveryPoint(bucket, primaryVault, key), copy],
      }).findings[0].status,
    ).toBe('pass');
    expect(jobs([gone], { vaults: [primaryVault] }).findings[0].status).toBe(
      'pass',
    );
  });

  it('B9: jobs older than the window are left out, and the configured copy is then missing its job', () => {
    const r = jobs([
      copyJob(bucket, primaryVault, central, 'FAILED', {
        creationDate: daysAgo(14.01),
      }),
    ]);
    expect(r.findings).toEqual([
      {
        subject,
        status: 'warn',
        message:
          'copy action configured in payments-plan/daily, but no copy job in the last 14 days',
        evidence: { destinationBackupVaultArn: central.arn },
      },
    ]);
  });

  it('B9: a job exactly at the start of the window still counts', () => {
    expect(
      jobs([
        copyJob(bucket, primaryVault, central, 'FAILED', {
          creationDate: daysAgo(14),
        }),
      ]).findings[0].status,
    ).toBe('fail');
  });

  it('B9: a configured copy with no primary point in its source vault expects no job yet', () => {
    expect(jobs([], { recoveryPoints: [] }).findings).toEqual([]);
    const elsewhere = vault(PROD, TOKYO, 'other', key);
    expect(
      jobs([], {
        vaults: [primaryVault, central, elsewhere],
        recoveryPoints: [recoveryPoint(bucket, elsewhere, key)],
      }).findings,
    ).toEqual([]);
  });
});
