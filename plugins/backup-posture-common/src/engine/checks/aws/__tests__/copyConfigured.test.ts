import { describe, expect, it } from '@jest/globals';
import {
  CENTRAL,
  entity,
  errorScope,
  OSAKA,
  PROD,
  TOKYO,
  organization,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';
import {
  auroraCrossRegionIntoReplicaVault,
  rdsWithAwsManagedKeyCrossAccount,
} from '../../../__fixtures__/scenarios';
import { readyCrossAccount } from '../__testUtils__/readyCrossAccount';

describe('cross-region-copy-configured (A4) and cross-account-copy-configured (B1)', () => {
  it('A4 pass / B1 fail: copy to Osaka only', () => {
    const inv = auroraCrossRegionIntoReplicaVault().inventory;
    expect(checkResult(inv, 'cross-region-copy-configured').status).toBe(
      'pass',
    );
    expect(checkResult(inv, 'cross-account-copy-configured').status).toBe(
      'fail',
    );
  });
  it('B1 pass / A4 fail: copy to the central account in the same region', () => {
    const inv = entity(readyCrossAccount().aws);
    expect(checkResult(inv, 'cross-account-copy-configured').status).toBe(
      'pass',
    );
    expect(checkResult(inv, 'cross-region-copy-configured').status).toBe(
      'fail',
    );
  });
  it('B1 warn: configured but the latest copy job failed', () => {
    const s = rdsWithAwsManagedKeyCrossAccount();
    const f = checkResult(s.inventory, 'cross-account-copy-configured')
      .findings[0];
    expect(f.status).toBe('warn');
    expect(f.message).toContain('failed');
  });
  it('A4 unknown: plans of the resource scope could not be read', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const inv = entity({ ...s.inventory.aws!, plans: [] }, [
      errorScope(PROD, TOKYO),
    ]);
    expect(checkResult(inv, 'cross-region-copy-configured').status).toBe(
      'unknown',
    );
  });
  it('organization fixture contains the demo members', () => {
    expect(organization().memberAccountIds).toContain(CENTRAL);
    expect(OSAKA).toBe('ap-northeast-3');
  });
});
