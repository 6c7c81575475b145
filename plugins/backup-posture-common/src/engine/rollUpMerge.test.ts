import { describe, expect, it } from '@jest/globals';
import { rollUpEvaluations } from './rollUp';
import { scoreChecks } from './score';
import { NOW } from './__fixtures__/builders';
import {
  CheckResult,
  CheckStatus,
  Finding,
  LineageChain,
  PostureEvaluation,
} from '../posture';

/**
 * How a system's check is made of its members' (engine/rollUp.ts): every member's findings, in
 * member order, and the worst of them as the status and in the summary; a resource's lineage is
 * the first member's.
 */
const finding = (subject: string, status: CheckStatus): Finding => ({
  subject,
  status,
  message: `${subject} is ${status}`,
  evidence: {},
});
const lockCheck = (findings: Finding[], status: CheckStatus): CheckResult => ({
  checkId: 'vault-lock',
  title: 'Backup vaults are locked',
  cloud: 'aws',
  severity: 'high',
  rules: ['C1'],
  status,
  summary: `${findings.length} finding(s)`,
  findings,
  remediation: { why: 'immutability', console: [] },
});
const member = (
  ref: string,
  checks: CheckResult[],
  lineage: LineageChain[] = [],
): PostureEvaluation => ({
  entityRef: ref,
  evaluatedAt: NOW,
  lineage,
  checks,
  score: scoreChecks(checks),
});

describe('roll-up: one check made of the members’ checks', () => {
  it('C1 vault-lock: the system keeps the first member’s pass and the second’s fail, fails, and counts both', () => {
    const passing = finding('arn:vault-a', 'pass');
    const failing = finding('arn:vault-b', 'fail');
    const system = rollUpEvaluations('system:default/payments', NOW, [
      member('component:default/a', [lockCheck([passing], 'pass')]),
      member('component:default/b', [lockCheck([failing], 'fail')]),
    ]);
    expect(system.checks).toEqual([
      {
        ...lockCheck([passing, failing], 'fail'),
        summary: '1 pass, 1 fail',
      },
    ]);
  });

  it('C1 vault-lock: a subject two members judge differently is listed with each judgement', () => {
    const system = rollUpEvaluations('system:default/payments', NOW, [
      member('component:default/a', [
        lockCheck([finding('arn:vault-a', 'pass')], 'pass'),
      ]),
      member('component:default/b', [
        lockCheck([finding('arn:vault-a', 'warn')], 'warn'),
      ]),
    ]);
    expect(system.checks[0]).toMatchObject({
      status: 'warn',
      summary: '1 pass, 1 warn',
    });
  });

  it('A5: a resource two members both show keeps the first member’s lineage', () => {
    const chain = (model: LineageChain['encryptionModel']): LineageChain => ({
      resourceArn: 'arn:aws:rds:ap-northeast-1:222222222222:db:orders',
      resourceType: 'RDS',
      encryptionModel: model,
      links: [],
    });
    const system = rollUpEvaluations('system:default/payments', NOW, [
      member('component:default/a', [], [chain('source-dependent')]),
      member('component:default/b', [], [chain('unknown')]),
    ]);
    expect(system.lineage).toEqual([chain('source-dependent')]);
  });
});
