import { describe, expect, it } from '@jest/globals';
import {
  copyJob,
  daysAgo,
  entity,
  errorScope,
  PROD,
  TOKYO,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';
import { rdsWithAwsManagedKeyCrossAccount } from '../../../__fixtures__/scenarios';
import { readyCrossAccount } from '../__testUtils__/readyCrossAccount';

describe('copy-jobs-succeeding (B1–B5, B9)', () => {
  it('B9 pass: latest copy job completed', () => {
    expect(
      checkResult(entity(readyCrossAccount().aws), 'copy-jobs-succeeding')
        .status,
    ).toBe('pass');
  });
  it('B4 fail: a failed job explains the AWS-managed key message in plain words', () => {
    const f = checkResult(
      rdsWithAwsManagedKeyCrossAccount().inventory,
      'copy-jobs-succeeding',
    ).findings[0];
    expect(f.status).toBe('fail');
    expect(f.evidence.knownMessage).toBe('default-key-cannot-be-shared');
    expect(f.explanation).toContain('AWS-managed keys can never be shared');
  });
  it('B9 fail: "failed to unshare snapshot" is explained as a deleted backup role', () => {
    const { aws, db, primaryVault, central } = readyCrossAccount();
    const inv = entity({
      ...aws,
      copyJobs: [
        copyJob(db, primaryVault, central, 'FAILED', {
          statusMessage: 'Failed to unshare snapshot',
        }),
      ],
    });
    const f = checkResult(inv, 'copy-jobs-succeeding').findings[0];
    expect(f.status).toBe('fail');
    expect(f.explanation).toContain('role was deleted');
  });
  it('B9 warn: configured copy with primary points but no copy job', () => {
    const { aws } = readyCrossAccount();
    expect(
      checkResult(entity({ ...aws, copyJobs: [] }), 'copy-jobs-succeeding')
        .status,
    ).toBe('warn');
  });
  it('B9 unknown: copy jobs could not be read in the source scope', () => {
    const { aws } = readyCrossAccount();
    expect(
      checkResult(
        entity({ ...aws, copyJobs: [] }, [errorScope(PROD, TOKYO)]),
        'copy-jobs-succeeding',
      ).status,
    ).toBe('unknown');
  });
  it('B9: jobs older than the window are ignored', () => {
    const { aws, db, primaryVault, central } = readyCrossAccount();
    const inv = entity({
      ...aws,
      recoveryPoints: [],
      copyJobs: [
        copyJob(db, primaryVault, central, 'FAILED', {
          creationDate: daysAgo(30),
        }),
      ],
    });
    expect(checkResult(inv, 'copy-jobs-succeeding').status).toBe(
      'not-applicable',
    );
  });
});
