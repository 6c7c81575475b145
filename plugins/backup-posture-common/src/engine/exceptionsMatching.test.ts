import { describe, expect, it } from '@jest/globals';
import { Finding, PostureException } from '../posture';
import { applyExceptions, exceptionMatches } from './exceptions';
import { daysAgo, daysAhead, NOW } from './__fixtures__/builders';

/** Exceptions as code, finding by finding: who is covered, what the user reads afterwards. */
const now = new Date(NOW);
const REF = 'component:default/payments';
const exception = (over: Partial<PostureException> = {}): PostureException => ({
  checkId: 'vault-lock',
  entityRef: REF,
  justification: 'lock comes with the vault migration',
  approver: 'security@example.com',
  expiresAt: daysAhead(30),
  ...over,
});
const finding = (over: Partial<Finding> = {}): Finding => ({
  subject: 'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:a',
  status: 'fail',
  message: 'vault is not locked',
  evidence: { locked: false },
  ...over,
});
const apply = (findings: Finding[], exceptions: PostureException[]) =>
  applyExceptions(REF, 'vault-lock', findings, exceptions, now);

describe('exceptions: matching', () => {
  it('an entity ref differing only in case or surrounding whitespace still matches', () => {
    for (const entityRef of [
      'Component:Default/Payments',
      '  component:default/payments\n',
      'COMPONENT:DEFAULT/PAYMENTS',
    ]) {
      expect(
        exceptionMatches(
          exception({ entityRef }),
          REF,
          'vault-lock',
          finding(),
        ),
      ).toBe(true);
      expect(
        exceptionMatches(
          exception(),
          ` ${entityRef} `,
          'vault-lock',
          finding(),
        ),
      ).toBe(true);
    }
    expect(
      exceptionMatches(
        exception({ entityRef: 'component:default/payments-2' }),
        REF,
        'vault-lock',
        finding(),
      ),
    ).toBe(false);
  });

  it('the check id and, when given, the subject must be the same', () => {
    expect(
      exceptionMatches(
        exception(),
        REF,
        'vault-key-customer-managed',
        finding(),
      ),
    ).toBe(false);
    expect(
      exceptionMatches(
        exception({ subject: finding().subject }),
        REF,
        'vault-lock',
        finding(),
      ),
    ).toBe(true);
    expect(
      exceptionMatches(
        exception({ subject: `${finding().subject}-other` }),
        REF,
        'vault-lock',
        finding(),
      ),
    ).toBe(false);
  });
});

describe('exceptions: applied to findings', () => {
  it('accepts a warn finding too, and the message says until when and why', () => {
    const [accepted] = apply(
      [finding({ status: 'warn', message: 'governance mode' })],
      [exception()],
    );
    expect(accepted).toEqual({
      ...finding({ status: 'warn', message: 'governance mode' }),
      status: 'accepted',
      message: `governance mode (accepted until ${daysAhead(30)}: lock comes with the vault migration)`,
      exception: {
        justification: 'lock comes with the vault migration',
        approver: 'security@example.com',
        expiresAt: daysAhead(30),
      },
    });
  });

  it('pass, unknown and not-applicable findings are never accepted, and are returned as they are', () => {
    const others = (['pass', 'unknown', 'not-applicable'] as const).map(
      status => finding({ status }),
    );
    const out = apply(others, [exception()]);
    expect(out).toEqual(others);
    expect(out[0]).toBe(others[0]);
  });

  it('a finding no exception covers is returned as it is', () => {
    const f = finding();
    const [out] = apply([f], [exception({ checkId: 'vault-lock-x' })]);
    expect(out).toBe(f);
  });

  it('of several matching exceptions the one still valid is used, whatever the order', () => {
    const expired = exception({
      expiresAt: daysAgo(1),
      justification: 'old',
      approver: 'old@example.com',
    });
    const valid = exception({ justification: 'new' });
    for (const list of [
      [expired, valid],
      [valid, expired],
    ]) {
      const [out] = apply([finding()], list);
      expect(out.status).toBe('accepted');
      expect(out.exception?.justification).toBe('new');
      expect(out.expiredException).toBeUndefined();
    }
  });

  it('an exception expiring exactly now has expired: the finding keeps its status and shows the expired exception', () => {
    const [out] = apply([finding()], [exception({ expiresAt: NOW })]);
    expect(out).toEqual({
      ...finding(),
      expiredException: {
        justification: 'lock comes with the vault migration',
        approver: 'security@example.com',
        expiresAt: NOW,
      },
    });
  });
});
