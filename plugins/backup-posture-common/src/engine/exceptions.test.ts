import { describe, expect, it } from '@jest/globals';
import { PostureException } from '../posture';
import { evaluatePosture } from './evaluate';
import { parsePostureExceptions } from './exceptions';
import { listCheckIds } from './checks';
import {
  awsInventory,
  cmk,
  daysAgo,
  daysAhead,
  entity,
  NOW,
  PROD,
  TOKYO,
  protecting,
  vault,
} from './__fixtures__/builders';

const key = cmk(PROD, TOKYO, 'k');
const unlocked = vault(PROD, TOKYO, 'a', key, { locked: false });
const other = vault(PROD, TOKYO, 'b', key, { locked: false });
const inv = entity(
  awsInventory({
    ...protecting(unlocked, other),
    vaults: [unlocked, other],
    keys: [key],
  }),
);
const exception = (over: Partial<PostureException> = {}): PostureException => ({
  checkId: 'vault-lock',
  entityRef: 'component:default/payments',
  justification: 'lock comes with the vault migration',
  approver: 'security@example.com',
  expiresAt: daysAhead(30),
  ...over,
});
const vaultLock = (exceptions: PostureException[]) =>
  evaluatePosture(inv, { now: NOW, exceptions }).checks.find(
    c => c.checkId === 'vault-lock',
  )!;

describe('exceptions as code', () => {
  it('a valid exception turns the failing finding into accepted, still visible with its approver', () => {
    const r = vaultLock([exception()]);
    expect(r.findings.map(f => f.status)).toEqual(['accepted', 'accepted']);
    expect(r.status).toBe('accepted');
    expect(r.findings[0].exception).toEqual({
      justification: 'lock comes with the vault migration',
      approver: 'security@example.com',
      expiresAt: daysAhead(30),
    });
    expect(r.findings[0].message).toContain('vault is not locked');
  });

  it('a subject narrows the exception to one finding', () => {
    const r = vaultLock([exception({ subject: unlocked.arn })]);
    expect(r.findings.map(f => f.status)).toEqual(['accepted', 'fail']);
    expect(r.status).toBe('fail');
  });

  it('an expired exception resurfaces the finding and keeps the expired exception visible', () => {
    const r = vaultLock([exception({ expiresAt: daysAgo(1) })]);
    expect(r.status).toBe('fail');
    expect(r.findings[0].exception).toBeUndefined();
    expect(r.findings[0].expiredException?.approver).toBe(
      'security@example.com',
    );
  });

  it('exceptions of another entity or check do not apply; unknown findings are never accepted', () => {
    expect(
      vaultLock([exception({ entityRef: 'component:default/other' })]).status,
    ).toBe('fail');
    expect(
      vaultLock([exception({ checkId: 'vault-key-customer-managed' })]).status,
    ).toBe('fail');
    const denied = {
      ...key,
      keyManager: undefined,
      error: { name: 'AccessDeniedException', message: 'denied' },
    };
    const r = evaluatePosture(
      entity(
        awsInventory({
          ...protecting(unlocked),
          vaults: [unlocked],
          keys: [denied],
        }),
      ),
      {
        now: NOW,
        exceptions: [exception({ checkId: 'vault-key-customer-managed' })],
      },
    ).checks.find(c => c.checkId === 'vault-key-customer-managed')!;
    expect(r.status).toBe('unknown');
  });

  it('accepted counts toward the score like a pass', () => {
    const before = evaluatePosture(inv, { now: NOW }).score.score!;
    const after = evaluatePosture(inv, { now: NOW, exceptions: [exception()] })
      .score.score!;
    expect(after).toBeGreaterThan(before);
  });
});

describe('parsePostureExceptions', () => {
  const valid = {
    checkId: 'vault-lock',
    entityRef: 'component:default/payments',
    justification: 'j',
    approver: 'a',
    expiresAt: '2027-03-31',
  };
  it('accepts a list or { exceptions: [...] }, and YAML dates', () => {
    expect(parsePostureExceptions([valid])).toEqual([valid]);
    expect(
      parsePostureExceptions({
        exceptions: [{ ...valid, subject: 'arn:x' }],
      })[0].subject,
    ).toBe('arn:x');
    expect(
      parsePostureExceptions([
        { ...valid, expiresAt: new Date('2027-03-31T00:00:00Z') },
      ])[0].expiresAt,
    ).toBe('2027-03-31T00:00:00.000Z');
    expect(parsePostureExceptions(undefined)).toEqual([]);
  });
  it('names the entry and field that is wrong', () => {
    expect(() =>
      parsePostureExceptions([valid, { ...valid, approver: '' }]),
    ).toThrow('exception [1]: "approver" must be a non-empty string');
    expect(() =>
      parsePostureExceptions([{ ...valid, expiresAt: 'next year' }]),
    ).toThrow('"expiresAt" must be an ISO date');
    expect(() =>
      parsePostureExceptions([{ ...valid, approvedBy: 'x' }]),
    ).toThrow('unknown field(s) approvedBy');
    expect(() => parsePostureExceptions('nope')).toThrow('expected a list');
  });
  it('rejects unknown check ids when given the registry', () => {
    expect(() =>
      parsePostureExceptions(
        [{ ...valid, checkId: 'vault-lok' }],
        listCheckIds(),
      ),
    ).toThrow('unknown checkId "vault-lok"');
    expect(parsePostureExceptions([valid], listCheckIds())).toHaveLength(1);
  });
});
