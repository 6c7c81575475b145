import { describe, expect, it } from '@jest/globals';
import { CheckResult, CheckStatus, Severity } from '../posture';
import { gradeOf, rollUpScores, scoreChecks } from './score';

const check = (severity: Severity, status: CheckStatus): CheckResult => ({
  checkId: `${severity}-${status}`,
  title: '',
  cloud: 'aws',
  severity,
  rules: [],
  status,
  summary: '',
  findings: [],
  remediation: { why: '', console: [] },
});

describe('scoring', () => {
  it('weights by severity: a critical fail outweighs a passing high and medium', () => {
    const s = scoreChecks([
      check('critical', 'fail'),
      check('high', 'pass'),
      check('medium', 'pass'),
    ]);
    // earned 5 + 3 = 8 of 10 + 5 + 3 = 18
    expect(s.score).toBe(44.4);
    expect(s.grade).toBe('F');
    expect(s.earned).toBe(8);
    expect(s.possible).toBe(18);
  });

  it('unknown never counts as pass', () => {
    const allPass = scoreChecks([check('high', 'pass'), check('high', 'pass')]);
    const withUnknown = scoreChecks([
      check('high', 'pass'),
      check('high', 'unknown'),
    ]);
    expect(allPass.score).toBe(100);
    expect(withUnknown.score).toBe(50);
    expect(withUnknown.counts.unknown).toBe(1);
  });

  it('accepted counts as pass, warn as half, not-applicable is left out', () => {
    const s = scoreChecks([
      check('high', 'accepted'),
      check('high', 'warn'),
      check('critical', 'not-applicable'),
    ]);
    expect(s.score).toBe(75);
    expect(s.grade).toBe('C');
    expect(s.counts['not-applicable']).toBe(1);
  });

  it('score and grade are null when nothing is evaluable', () => {
    expect(scoreChecks([check('high', 'not-applicable')])).toMatchObject({
      score: null,
      grade: null,
    });
    expect(scoreChecks([])).toMatchObject({ score: null, grade: null });
  });

  it.each([
    [95, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [80, 'B'],
    [70, 'C'],
    [60, 'D'],
    [59.9, 'F'],
  ])('grade band: %d → %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  it('rolls up by weighted points, not by averaging scores', () => {
    const big = scoreChecks([
      check('critical', 'pass'),
      check('critical', 'pass'),
      check('critical', 'pass'),
    ]);
    const small = scoreChecks([check('low', 'fail')]);
    const group = rollUpScores([big, small]);
    expect(group.score).toBe(96.8); // 30 of 31
    expect(group.counts.pass).toBe(3);
    expect(group.counts.fail).toBe(1);
    const platform = rollUpScores([
      group,
      scoreChecks([check('critical', 'fail')]),
    ]);
    expect(platform.possible).toBe(41);
    expect(platform.score).toBe(73.2);
  });

  it('roll-up of entities without evaluable checks is null; scores without points count over 100', () => {
    expect(rollUpScores([scoreChecks([])]).score).toBeNull();
    expect(
      rollUpScores([
        { score: 80, grade: 'B', counts: scoreChecks([]).counts },
        { score: 40, grade: 'F', counts: scoreChecks([]).counts },
      ]).score,
    ).toBe(60);
  });
});
