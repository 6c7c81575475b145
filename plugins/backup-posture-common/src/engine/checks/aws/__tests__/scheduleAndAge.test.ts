import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  entity,
  errorScope,
  hoursAgo,
  PROD,
  recoveryPoint,
  resource,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsRecoveryPointFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';
import { maxScheduleIntervalHours } from '../schedule';

describe('plan-frequency-retention: the longest gap of a schedule', () => {
  it.each([
    ['rate(30 minutes)', 0.5],
    ['rate(1 minute)', 1 / 60],
    ['rate(2 hours)', 2],
    ['rate(1 hour)', 1],
    ['RATE(3 Days)', 72],
    [' rate(1 day) ', 24],
    ['cron(0 * * * ? *)', 1],
    ['cron(0 */4 * * ? *)', 4],
    ['cron(0 0/8 * * ? *)', 8],
    ['cron(0 3 * * ? *)', 24],
    ['cron(0 1,5,20 * * ? *)', 15],
    ['cron(0 22,2 * * ? *)', 20],
    ['cron(0 3 * 1 ? *)', 366 * 24],
    ['cron(0 3 15 * ? *)', 31 * 24],
    ['cron(0 3 ? * * *)', 24],
    ['cron(0 3 ? * MON *)', 168],
    ['cron(0 3 ? * mon,thu *)', 96],
    ['cron(0 3 ? * 2,5 *)', 96],
    ['cron(0 3 ? * FRI-MON *)', 96],
    ['cron(0 3 ? * SAT,SUN *)', 144],
  ])('%s: %d h', (expression, hours) => {
    expect(maxScheduleIntervalHours(expression)).toBeCloseTo(hours, 6);
  });

  // A range over the whole week wraps to every day, not to its last day only.
  it('cron(0 3 ? * SUN-SAT *) and cron(0 3 ? * 1-7 *) run every day: 24 h; FRI-MON wraps the week end', () => {
    expect(maxScheduleIntervalHours('cron(0 3 ? * SUN-SAT *)')).toBe(24);
    expect(maxScheduleIntervalHours('cron(0 3 ? * 1-7 *)')).toBe(24);
    expect(maxScheduleIntervalHours('cron(0 3 ? * FRI-MON *)')).toBe(4 * 24);
  });

  it.each([
    undefined,
    '',
    'at(2026-01-01T00:00:00)',
    'rate(5 weeks)',
    'cron(0 3 * * ?)',
    'cron(0 3 * * ? * *)',
    'cron(0 25 * * ? *)',
    'cron(0 x * * ? *)',
    'cron(0 -1 * * ? *)',
    'cron(0 3 ? * FUNDAY *)',
    'cron(0 3 ? * 8 *)',
    'cron(0 3 ? * 0 *)',
    'rate(1 day) and more',
    'xcron(0 3 * * ? *)',
  ])('%s cannot be interpreted', expression => {
    expect(maxScheduleIntervalHours(expression)).toBeUndefined();
  });
});

describe('last-recovery-point-age: reasons and evidence', () => {
  const key = cmk(PROD, TOKYO, 'vault-key');
  const v = vault(PROD, TOKYO, 'a', key);
  const db = resource('RDS', PROD, TOKYO, 'orders');
  const ageOf = (
    points: Partial<AwsRecoveryPointFact>[],
    lastBackupTime?: string,
    scopes = [] as ReturnType<typeof errorScope>[],
  ) =>
    checkResult(
      entity(
        awsInventory({
          resources: [{ ...db, lastBackupTime }],
          vaults: [v],
          keys: [key],
          recoveryPoints: points.map(p => recoveryPoint(db, v, key, p)),
        }),
        scopes,
      ),
      'last-recovery-point-age',
    ).findings[0];

  it('pass: the newest completed or available point decides, with its time and the limit as evidence', () => {
    expect(
      ageOf([
        { creationDate: hoursAgo(30) },
        { creationDate: hoursAgo(6), status: 'AVAILABLE' },
        { creationDate: hoursAgo(1), status: 'PARTIAL' },
      ]),
    ).toEqual({
      subject: db.arn,
      status: 'pass',
      message: 'newest recovery point from 2026-11-23 06:00 UTC, within 48 h',
      evidence: { newestRecoveryPoint: hoursAgo(6), maxAgeHours: 48 },
    });
  });

  it('the resource’s own last backup time counts when it is newer; exactly the limit passes', () => {
    expect(ageOf([{ creationDate: hoursAgo(72) }], hoursAgo(12))).toMatchObject(
      {
        status: 'pass',
        message: 'newest recovery point from 2026-11-23 00:00 UTC, within 48 h',
        evidence: {
          newestRecoveryPoint: hoursAgo(72),
          lastBackupTime: hoursAgo(12),
        },
      },
    );
    expect(ageOf([], hoursAgo(48)).status).toBe('pass');
  });

  it('fail: too old says when and the limit; none says so', () => {
    expect(ageOf([{ creationDate: hoursAgo(49.5) }])).toMatchObject({
      status: 'fail',
      message:
        'newest recovery point is from 2026-11-21 10:30 UTC, older than the limit of 48 h',
    });
    expect(
      ageOf([{ creationDate: hoursAgo(1), status: 'EXPIRED' }]),
    ).toMatchObject({ status: 'fail', message: 'no recovery point found' });
  });

  it('unknown: a scan failure makes a missing or old point unknown, and says why', () => {
    const scopes = [errorScope(PROD, TOKYO)];
    const why = `scan of account ${PROD} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`;
    expect(ageOf([], undefined, scopes)).toMatchObject({
      status: 'unknown',
      message: `no recovery point seen, data missing: ${why}`,
    });
    expect(
      ageOf([{ creationDate: hoursAgo(72) }], undefined, scopes),
    ).toMatchObject({
      status: 'unknown',
      message: `newest known point is from 2026-11-20 12:00 UTC, older than 48 h, but ${why}`,
    });
    expect(
      ageOf([{ creationDate: hoursAgo(2) }], undefined, scopes).status,
    ).toBe('pass');
  });
});
