/**
 * Scoring: each evaluated check earns its severity weight times its credit (pass/accepted 1,
 * warn 0.5, fail and unknown 0: unknown never counts as pass). score = 100 × earned / possible.
 */
import {
  CheckResult,
  CheckStatus,
  Grade,
  PostureScore,
  Severity,
} from '../posture';
import { emptyStatusCounts } from './status';

/** @public */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
  info: 0,
};

/** Share of a check's weight earned per status; absent statuses are not evaluated. @public */
export const STATUS_CREDIT: Readonly<Partial<Record<CheckStatus, number>>> = {
  pass: 1,
  accepted: 1,
  warn: 0.5,
  fail: 0,
  unknown: 0,
};

/** @public */
export const GRADE_BANDS: ReadonlyArray<{ grade: Grade; min: number }> = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 70 },
  { grade: 'D', min: 60 },
  { grade: 'F', min: 0 },
];

/** @public */
export function gradeOf(score: number | null): Grade | null {
  if (score === null) return null;
  return GRADE_BANDS.find(b => score >= b.min)!.grade;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function fromPoints(
  earned: number,
  possible: number,
  counts: Record<CheckStatus, number>,
): PostureScore {
  const score = possible > 0 ? round1((100 * earned) / possible) : null;
  return { score, grade: gradeOf(score), counts, earned, possible };
}

/** The entity score of its check results. @public */
export function scoreChecks(checks: CheckResult[]): PostureScore {
  const counts = emptyStatusCounts();
  let earned = 0;
  let possible = 0;
  for (const check of checks) {
    counts[check.status] += 1;
    const credit = STATUS_CREDIT[check.status];
    if (credit === undefined) continue;
    const weight = SEVERITY_WEIGHTS[check.severity];
    possible += weight;
    earned += weight * credit;
  }
  return fromPoints(earned, possible, counts);
}

/**
 * Rolls entity scores up to a group or the platform: weighted points add up, so a big entity with
 * many evaluated checks weighs more than one with few. Scores without points (from older
 * producers) count as their score over 100 possible points.
 *
 * @public
 */
export function rollUpScores(scores: PostureScore[]): PostureScore {
  const counts = emptyStatusCounts();
  let earned = 0;
  let possible = 0;
  for (const s of scores) {
    for (const k of Object.keys(counts) as CheckStatus[])
      counts[k] += s.counts[k] ?? 0;
    if (s.possible !== undefined && s.earned !== undefined) {
      earned += s.earned;
      possible += s.possible;
    } else if (s.score !== null) {
      earned += s.score;
      possible += 100;
    }
  }
  return fromPoints(earned, possible, counts);
}
