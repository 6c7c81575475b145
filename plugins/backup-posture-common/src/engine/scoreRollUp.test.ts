import { describe, expect, it } from '@jest/globals';
import { rollUpScores, scoreChecks } from './score';
import { PostureScore } from '../posture';

/**
 * Rolling up scores that carry no points (engine/score.ts `rollUpScores`): a score from an older
 * producer counts as its score over 100 points, a score of nothing evaluable counts for nothing,
 * and half a set of points is not points.
 */
const counts = scoreChecks([]).counts;
const old = (score: number | null): PostureScore => ({
  score,
  grade: null,
  counts,
});

describe('roll-up of scores without points', () => {
  it('an entity with nothing evaluable adds no points, so it does not drag the others down', () => {
    expect(rollUpScores([old(null), old(80)])).toMatchObject({
      score: 80,
      earned: 80,
      possible: 100,
    });
  });

  it('a score with only earned or only possible points counts as its score over 100', () => {
    expect(
      rollUpScores([
        { ...old(50), earned: 5 },
        { ...old(70), possible: 10 },
      ]),
    ).toMatchObject({ score: 60, earned: 120, possible: 200 });
  });
});
