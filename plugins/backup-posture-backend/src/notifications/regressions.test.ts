import { describe, expect, it } from '@jest/globals';
import {
  CheckResult,
  CheckStatus,
  emptyKeyMix,
} from '@backup-posture/plugin-backup-posture-common';
import { EntityRow } from '../store/types';
import { postureTabLink, regressionOf } from './regressions';

function check(
  checkId: string,
  severity: CheckResult['severity'],
  status: CheckStatus,
): CheckResult {
  return {
    checkId,
    title: `Title of ${checkId}`,
    cloud: 'aws',
    severity,
    rules: [],
    status,
    summary: `summary of ${checkId}`,
    findings: [
      { subject: 'arn:a', status: 'pass', message: 'fine', evidence: {} },
      { subject: 'arn:b', status, message: `why ${checkId}`, evidence: {} },
    ],
    remediation: { why: 'w', console: [] },
  };
}

function row(checks: CheckResult[], kind = 'component'): EntityRow {
  const entityRef = `${kind}:default/svc`;
  return {
    summary: {
      entityRef,
      kind,
      title: 'Service',
      state: 'ok',
      clouds: ['aws'],
      accounts: [],
      regions: [],
      score: {
        score: 50,
        grade: 'D',
        counts: {
          pass: 0,
          fail: 0,
          warn: 0,
          'not-applicable': 0,
          unknown: 0,
          accepted: 0,
        },
      },
      keyMix: emptyKeyMix(),
      checkStatuses: Object.fromEntries(checks.map(c => [c.checkId, c.status])),
      stale: false,
    },
    posture: {
      entityRef,
      state: 'ok',
      problems: [],
      freshness: { stale: false, scopes: [] },
      evaluation: {
        entityRef,
        evaluatedAt: 'x',
        lineage: [],
        checks,
        score: { score: 50, grade: 'D', counts: {} as any },
      },
    } as any,
  };
}

describe('regressionOf', () => {
  const now = row([
    check('backup-key-healthy', 'critical', 'fail'),
    check('copy-jobs-succeeding', 'high', 'fail'),
    check('vault-lock', 'medium', 'fail'),
    check('vault-policy-trusted-principals', 'high', 'fail'),
    check('recovery-point-encrypted', 'critical', 'pass'),
  ]);

  it('lists the checks that fail now and did not before, worst first, with what they were and why', () => {
    expect(
      regressionOf(
        now,
        {
          'backup-key-healthy': 'accepted',
          'copy-jobs-succeeding': 'unknown',
          'vault-lock': 'pass',
          'vault-policy-trusted-principals': 'fail',
          'recovery-point-encrypted': 'fail',
        },
        'high',
      ),
    ).toEqual({
      entityRef: 'component:default/svc',
      title: 'Service',
      checks: [
        {
          checkId: 'backup-key-healthy',
          title: 'Title of backup-key-healthy',
          severity: 'critical',
          previous: 'accepted',
          why: 'why backup-key-healthy',
        },
        {
          checkId: 'copy-jobs-succeeding',
          title: 'Title of copy-jobs-succeeding',
          severity: 'high',
          previous: 'unknown',
          why: 'why copy-jobs-succeeding',
        },
      ],
    });
  });

  it('includes checks down to the configured severity', () => {
    expect(
      regressionOf(now, { 'vault-lock': 'warn' }, 'medium')?.checks.map(
        c => c.checkId,
      ),
    ).toEqual(['vault-lock']);
    expect(regressionOf(now, { 'vault-lock': 'warn' }, 'high')).toBeUndefined();
  });

  it('is nothing without previous results, for a check new since, or for a roll-up entity', () => {
    expect(regressionOf(now, undefined, 'info')).toBeUndefined();
    expect(regressionOf(now, {}, 'info')).toBeUndefined();
    expect(
      regressionOf(
        row([check('vault-lock', 'medium', 'fail')], 'system'),
        { 'vault-lock': 'pass' },
        'info',
      ),
    ).toBeUndefined();
  });

  it('links to the entity’s backup posture tab', () => {
    expect(postureTabLink('Component:prod/Payments-Api')).toBe(
      '/catalog/prod/component/Payments-Api/backup-posture',
    );
  });
});
