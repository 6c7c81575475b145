import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  entity,
  errorScope,
  hoursAgo,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  selection,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsBackupSelectionFact, AwsResourceFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';
import { maxScheduleIntervalHours } from '../schedule';

const key = cmk(PROD, TOKYO, 'vault-key');
const v = vault(PROD, TOKYO, 'a', key);
const db = resource('RDS', PROD, TOKYO, 'orders', {
  tags: { app: 'payments', env: 'prod' },
});
const protectedBy = (
  sel: Partial<AwsBackupSelectionFact>,
  res: AwsResourceFact = db,
  scopes = [] as ReturnType<typeof errorScope>[],
) =>
  checkResult(
    entity(
      awsInventory({
        resources: [res],
        vaults: [v],
        keys: [key],
        plans: [plan(PROD, TOKYO, [rule('a')], [selection(sel)])],
      }),
      scopes,
    ),
    'resource-protected-by-plan',
  );

describe('resource-protected-by-plan', () => {
  it('pass: selected by ListOfTags', () => {
    const r = protectedBy({});
    expect(r.status).toBe('pass');
    expect(r.findings[0].message).toContain('ListOfTags app=payments');
  });
  it('pass: Resources wildcard with a StringLike condition on aws:ResourceTag', () => {
    const r = protectedBy({
      listOfTags: [],
      resources: ['arn:aws:rds:*:*:db:*'],
      conditions: {
        stringEquals: [],
        stringNotEquals: [],
        stringLike: [
          { conditionKey: 'aws:ResourceTag/env', conditionValue: 'pro*' },
        ],
        stringNotLike: [],
      },
    });
    expect(r.status).toBe('pass');
  });
  it('fail: excluded by NotResources, and says so', () => {
    const r = protectedBy({ notResources: [db.arn] });
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain('NotResources');
  });
  it('fail: a condition not met (StringNotEquals env=prod)', () => {
    expect(
      protectedBy({
        conditions: {
          stringEquals: [],
          stringNotEquals: [
            { conditionKey: 'aws:ResourceTag/env', conditionValue: 'prod' },
          ],
          stringLike: [],
          stringNotLike: [],
        },
      }).status,
    ).toBe('fail');
  });
  it('unknown: plans of the scope could not be read', () => {
    expect(
      protectedBy({ listOfTags: [] }, db, [errorScope(PROD, TOKYO)]).status,
    ).toBe('unknown');
  });
});

describe('last-recovery-point-age', () => {
  const withPoint = (
    created: string | undefined,
    scopes = [] as ReturnType<typeof errorScope>[],
  ) =>
    entity(
      awsInventory({
        resources: [db],
        vaults: [v],
        keys: [key],
        recoveryPoints: created
          ? [recoveryPoint(db, v, key, { creationDate: created })]
          : [],
      }),
      scopes,
    );
  it('pass: newest point 6 h old', () => {
    expect(
      checkResult(withPoint(hoursAgo(6)), 'last-recovery-point-age').status,
    ).toBe('pass');
  });
  it('fail: newest point 72 h old (limit 48 h); configurable limit', () => {
    expect(
      checkResult(withPoint(hoursAgo(72)), 'last-recovery-point-age').status,
    ).toBe('fail');
    expect(
      checkResult(withPoint(hoursAgo(72)), 'last-recovery-point-age', {
        limits: { maxRecoveryPointAgeHours: 96 },
      }).status,
    ).toBe('pass');
  });
  it('fail: no recovery point', () => {
    expect(
      checkResult(withPoint(undefined), 'last-recovery-point-age').status,
    ).toBe('fail');
  });
  it('unknown: no point seen while the scope failed', () => {
    expect(
      checkResult(
        withPoint(undefined, [errorScope(PROD, TOKYO)]),
        'last-recovery-point-age',
      ).status,
    ).toBe('unknown');
  });
});

describe('plan-frequency-retention', () => {
  const withRule = (scheduleExpression: string, deleteAfterDays?: number) =>
    checkResult(
      entity(
        awsInventory({
          resources: [db],
          vaults: [v],
          keys: [key],
          plans: [
            plan(PROD, TOKYO, [
              rule('a', {
                scheduleExpression,
                lifecycle: deleteAfterDays ? { deleteAfterDays } : undefined,
              }),
            ]),
          ],
        }),
      ),
      'plan-frequency-retention',
    );
  it('pass: daily, kept 35 days', () => {
    expect(withRule('cron(0 3 * * ? *)', 35).status).toBe('pass');
  });
  it('fail: weekly schedule', () => {
    expect(withRule('cron(0 3 ? * SUN *)', 35).findings[0].message).toContain(
      '168 h',
    );
  });
  it('fail: kept 3 days', () => {
    expect(withRule('rate(12 hours)', 3).status).toBe('fail');
  });
  it('unknown: schedule not interpretable', () => {
    expect(withRule('at(2026-01-01T00:00:00)', 35).status).toBe('unknown');
  });
  it.each([
    ['cron(0 */6 * * ? *)', 6],
    ['cron(0 5,17 * * ? *)', 12],
    ['cron(0 3 ? * MON-FRI *)', 72],
    ['cron(0 3 1 * ? *)', 744],
    ['rate(1 day)', 24],
  ])('schedule %s has a longest gap of %d h', (expr, hours) => {
    expect(maxScheduleIntervalHours(expr)).toBe(hours);
  });
});
