/**
 * Until when an evaluation holds (`validUntil`): the earliest instant one of its comparisons with
 * the clock turns, named by the check that makes it.
 */
import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  daysAgo,
  daysAhead,
  entity,
  hoursAgo,
  NOW,
  PROD,
  recoveryPoint,
  resource,
  TOKYO,
  vault,
} from './__fixtures__/builders';
import { AwsCheck } from './checks/types';
import { EvaluationClock } from './clock';
import { evaluatePosture } from './evaluate';

const key = cmk(PROD, TOKYO, 'k');
const db = resource('RDS', PROD, TOKYO, 'orders');
const v = vault(PROD, TOKYO, 'orders', key);
const withPoint = (creationDate: string) =>
  entity(
    awsInventory({
      resources: [db],
      vaults: [v],
      keys: [key],
      recoveryPoints: [recoveryPoint(db, v, key, { creationDate })],
    }),
  );
const plusMs = (iso: string, ms: number) =>
  new Date(Date.parse(iso) + ms).toISOString();
const ageCheck = (now: string, creationDate: string) =>
  evaluatePosture(withPoint(creationDate), { now }).checks.find(
    c => c.checkId === 'last-recovery-point-age',
  )!;

describe('last-recovery-point-age: valid until the newest point passes the age limit', () => {
  it('a passing point holds until 1 ms after creation + 48 h, and then fails with the age reason', () => {
    const evaluation = evaluatePosture(withPoint(hoursAgo(6)), { now: NOW });
    const turn = plusMs(hoursAgo(6), 48 * 3_600_000 + 1);
    expect(evaluation.validUntil).toBe(turn);
    expect(ageCheck(plusMs(turn, -1), hoursAgo(6)).status).toBe('pass');
    expect(ageCheck(turn, hoursAgo(6)).findings[0]).toMatchObject({
      status: 'fail',
      message:
        'newest recovery point is from 2026-11-23 06:00 UTC, older than the limit of 48 h',
    });
  });
});

describe('EvaluationClock', () => {
  const clock = () => new EvaluationClock(new Date(NOW));

  it('records only future instants, the earliest wins; none: no validUntil', () => {
    const c = clock();
    expect(c.validUntil()).toBeUndefined();
    expect(c.hasPassed(daysAgo(1))).toBe(true);
    expect(c.validUntil()).toBeUndefined();
    expect(c.hasPassed(daysAhead(3))).toBe(false);
    expect(c.hasPassed(daysAhead(2))).toBe(false);
    expect(c.hasPassed(daysAhead(5))).toBe(false);
    expect(c.validUntil()).toBe(daysAhead(2));
    expect(c.hasPassed('not a date')).toBeUndefined();
    expect(c.hasPassed(NOW)).toBe(true);
  });

  it('isOlderThan turns 1 ms after instant + limit; unrecorded when asked so', () => {
    const c = clock();
    expect(c.isOlderThan(hoursAgo(1), 2 * 3_600_000, false)).toBe(false);
    expect(c.validUntil()).toBeUndefined();
    expect(c.isOlderThan(hoursAgo(1), 2 * 3_600_000)).toBe(false);
    expect(c.validUntil()).toBe(plusMs(hoursAgo(-1), 1));
    expect(c.isOlderThan(hoursAgo(3), 2 * 3_600_000)).toBe(true);
    expect(c.isOlderThan(undefined, 1)).toBeUndefined();
  });

  it('whole days since and until turn at the next day boundary', () => {
    const since = clock();
    expect(since.wholeDaysSince(hoursAgo(30))).toBe(1);
    expect(since.validUntil()).toBe(hoursAgo(30 - 48));
    const until = clock();
    expect(until.wholeDaysUntil(hoursAgo(-30))).toBe(2);
    expect(until.validUntil()).toBe(hoursAgo(-6));
  });

  it('reading the time directly bounds the evaluation to that instant', () => {
    const c = clock();
    c.hasPassed(daysAhead(2));
    c.readDirectly();
    expect(c.validUntil()).toBe(NOW);
  });
});

describe('a check that reads the time itself', () => {
  it('ctx.now read by a check bounds validUntil to the evaluation time (never reused)', () => {
    const evaluation = evaluatePosture(withPoint(hoursAgo(6)), {
      now: NOW,
      checks: [
        {
          definition: {
            id: 'reads-now',
            title: 'reads the clock itself',
            cloud: 'aws',
            severity: 'low',
            rules: [],
            equivalentControls: {},
            description: '',
            remediation: { why: '', console: [], cli: '', terraform: '' },
          },
          evaluate: ({ ctx }) => (ctx.now.getTime() > 0 ? [] : []),
        } as AwsCheck,
      ],
    });
    expect(evaluation.validUntil).toBe(NOW);
  });
});
