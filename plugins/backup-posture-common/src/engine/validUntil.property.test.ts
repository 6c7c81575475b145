/**
 * `validUntil` (engine/clock.ts): a stored evaluation may be reused until then. On any generated
 * estate, evaluating again at any instant before it gives what the user reads at the evaluation
 * time (statuses, reasons, evidence, lineage), and at that instant something differs.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PostureEvaluation, PostureException } from '../posture';
import { entity, NOW } from './__fixtures__/builders';
import {
  inventoryOf,
  mergeFacts,
  serviceFacts,
  serviceShape,
  sharedFacts,
} from './__testUtils__/estate';
import { evaluatePosture } from './evaluate';

const runs = (n: number) =>
  Math.min(n, Number(process.env.BACKUP_POSTURE_PROPERTY_RUNS) || n);
const RUNS = { numRuns: runs(150), seed: 20261130 };
const DAY = 86_400_000;

/** What the user reads of an evaluation: everything but when it was made and until when. */
const read = ({ evaluatedAt, validUntil, ...rest }: PostureEvaluation) => rest;

const at = (ms: number) => new Date(ms).toISOString();

const exceptionArb = fc.option(
  fc.record({
    checkId: fc.constantFrom(
      'last-recovery-point-age',
      'copy-jobs-succeeding',
      'vault-lock',
    ),
    expiresInHours: fc.integer({ min: -48, max: 24 * 40 }),
  }),
  { nil: undefined },
);

describe('validUntil: a reused evaluation never outlives what it compared with the clock', () => {
  it('before validUntil every check says the same; at it some check differs (or it is absent)', () => {
    let bounded = 0;
    fc.assert(
      fc.property(
        serviceShape,
        exceptionArb,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (shape, ex, fraction) => {
          const inventory = entity(
            inventoryOf(mergeFacts(serviceFacts(0, shape), sharedFacts())),
          );
          const exceptions: PostureException[] = ex
            ? [
                {
                  checkId: ex.checkId,
                  entityRef: inventory.entityRef,
                  justification: 'accepted for the test',
                  approver: 'group:default/security',
                  expiresAt: at(Date.parse(NOW) + ex.expiresInHours * 3600_000),
                },
              ]
            : [];
          const evaluateAt = (ms: number) =>
            evaluatePosture(inventory, { now: at(ms), exceptions });
          const start = Date.parse(NOW);
          const first = evaluateAt(start);
          const until = first.validUntil
            ? Date.parse(first.validUntil)
            : start + 400 * DAY;
          expect(until).toBeGreaterThan(start);
          const t = start + Math.floor(fraction * (until - start));
          expect(read(evaluateAt(t))).toEqual(read(first));
          expect(read(evaluateAt(until - 1))).toEqual(read(first));
          // At validUntil something differs (absent: nothing turns within 400 days).
          if (first.validUntil) bounded++;
          expect(
            !first.validUntil ||
              JSON.stringify(read(evaluateAt(until))) !==
                JSON.stringify(read(first)),
          ).toBe(true);
        },
      ),
      RUNS,
    );
    // Not vacuous: most generated estates have a recovery point whose age limit lies ahead.
    expect(bounded).toBeGreaterThan(RUNS.numRuns / 3);
  });
});
