import { describe, expect, it } from '@jest/globals';
import { evaluatePosture } from '../evaluate';
import {
  awsInventory,
  entity,
  errorScope,
  NOW,
  OSAKA,
  PROD,
  resource,
  TOKYO,
} from '../__fixtures__/builders';
import { checkResult } from '../__fixtures__/run';
import { ScopeStatus } from '../../inventory';

/**
 * Which failed scans make a finding unknown (engine/aws/context.ts): a failed AWS scope of the same
 * account in the same region or account-wide (`global`), and nothing else — not another region,
 * not another account, not an Azure subscription, not a scope that is only stale.
 */
const orders = resource('RDS', PROD, TOKYO, 'orders');
const unprotected = (scopes: ScopeStatus[]) =>
  checkResult(
    entity(awsInventory({ resources: [orders] }), scopes),
    'resource-protected-by-plan',
  ).findings;
const DENIED =
  'AccessDeniedException: not authorized to perform backup:ListBackupVaults';

describe('failed scans and what they make unknown', () => {
  it('resource-protected-by-plan unknown: the account’s region failed, and the reason names account, region and error', () => {
    expect(unprotected([errorScope(PROD, TOKYO)])).toEqual([
      {
        subject: orders.arn,
        status: 'unknown',
        message: `plans not known: scan of account ${PROD} in ${TOKYO} failed: ${DENIED}`,
        evidence: {},
      },
    ]);
  });

  it('resource-protected-by-plan unknown: an account-wide (global) scope that failed makes every region of the account unknown', () => {
    expect(unprotected([errorScope(PROD, 'global')])[0]).toMatchObject({
      status: 'unknown',
      message: `plans not known: scan of account ${PROD} in global failed: ${DENIED}`,
    });
  });

  it('resource-protected-by-plan fail: a failed scope of another region, another account or an Azure subscription, or a stale one, is not a reason to be unknown', () => {
    const azure: ScopeStatus = {
      ...errorScope(PROD, TOKYO),
      cloud: 'azure',
    };
    const stale: ScopeStatus = { ...errorScope(PROD, TOKYO), state: 'stale' };
    const findings = unprotected([
      errorScope(PROD, OSAKA),
      errorScope('999999999999', TOKYO),
      azure,
      stale,
    ]);
    expect(findings).toEqual([
      {
        subject: orders.arn,
        status: 'fail',
        message: `no backup plan in ${PROD}/${TOKYO} selects it`,
        evidence: { plansNamingIt: [], tags: ['app=payments'] },
      },
    ]);
  });

  it('an error without details still says which scan failed', () => {
    const bare: ScopeStatus = { ...errorScope(PROD, TOKYO), error: undefined };
    expect(unprotected([bare])[0].message).toBe(
      `plans not known: scan of account ${PROD} in ${TOKYO} failed`,
    );
  });
});

describe('whether an entity is evaluated on AWS at all', () => {
  it('an AWS scan that failed before any fact was read still evaluates the AWS checks, none passing', () => {
    const r = evaluatePosture(entity(undefined, [errorScope(PROD, TOKYO)]), {
      now: NOW,
    });
    expect(r.checks.length).toBeGreaterThan(0);
    expect(r.checks.every(c => c.cloud === 'aws')).toBe(true);
    expect(r.checks.some(c => c.status === 'pass')).toBe(false);
    expect(
      r.checks.find(c => c.checkId === 'resource-protected-by-plan'),
    ).toMatchObject({ findings: [], summary: 'nothing to evaluate' });
  });

  it('only an Azure scope failed: no AWS check is evaluated', () => {
    const azure: ScopeStatus = {
      ...errorScope('sub-1', 'global'),
      cloud: 'azure',
    };
    const r = evaluatePosture(entity(undefined, [azure]), { now: NOW });
    expect(r.checks.some(c => c.cloud === 'aws')).toBe(false);
    expect(r.checks.length).toBeGreaterThan(0);
  });
});
