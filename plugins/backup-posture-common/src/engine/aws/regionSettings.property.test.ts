/**
 * Rule A6 on any estate (generated): region settings decide coverage and DynamoDB's key, and a
 * settings read that failed only ever turns verdicts into unknown.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AwsRegionSettingsFact } from '../../inventory';
import { Finding, PostureEvaluation } from '../../posture';
import { evaluatePosture } from '../evaluate';
import { entity, NOW, PROD, TOKYO } from '../__fixtures__/builders';
import {
  estate,
  inventoryOf,
  mergeFacts,
  serviceFacts,
  ServiceShape,
  sharedFacts,
} from '../__testUtils__/estate';

const runs = (n: number) =>
  Math.min(n, Number(process.env.BACKUP_POSTURE_PROPERTY_RUNS) || n);
const RUNS = { numRuns: runs(100), seed: 20261129 };

const TYPES = ['Aurora', 'RDS', 'EBS', 'S3', 'DynamoDB', 'EFS'];

/** DescribeRegionSettings of the entity's account × region: any opt-in, DynamoDB managed or not. */
const readSettings = fc.record({
  optIn: fc.record(
    Object.fromEntries(TYPES.map(t => [t, fc.boolean()])) as Record<
      string,
      fc.Arbitrary<boolean>
    >,
  ),
  dynamoManaged: fc.boolean(),
});
const settingsFact = (s: {
  optIn: Record<string, boolean>;
  dynamoManaged: boolean;
}): AwsRegionSettingsFact => ({
  accountId: PROD,
  region: TOKYO,
  resourceTypeOptInPreference: s.optIn,
  resourceTypeManagementPreference: { DynamoDB: s.dynamoManaged, EFS: true },
  readAt: NOW,
});
const failedRead = (error: { name: string; message: string }) => ({
  accountId: PROD,
  region: TOKYO,
  error,
});
const readError = fc.constantFrom(
  {
    name: 'AccessDeniedException',
    message: 'not authorized to perform backup:DescribeRegionSettings',
  },
  { name: 'ThrottlingException', message: 'Rate exceeded' },
  { name: 'SyntaxError', message: 'Unexpected end of JSON input' },
);

/** The entity's facts in a generated estate (built once: builders number recovery points). */
function factsOf(shape: { entity: ServiceShape; neighbours: ServiceShape[] }) {
  const own = serviceFacts(0, shape.entity);
  return {
    ...mergeFacts(
      own,
      ...shape.neighbours.map((s, i) => serviceFacts(i + 1, s)),
      sharedFacts(),
    ),
    resources: own.resources,
  };
}

function evaluateWith(
  facts: ReturnType<typeof factsOf>,
  regionSettings: AwsRegionSettingsFact[] | undefined,
): PostureEvaluation {
  return evaluatePosture(
    entity({
      ...inventoryOf(facts),
      ...(regionSettings ? { regionSettings } : {}),
    }),
    { now: NOW },
  );
}

const verdicts = (e: PostureEvaluation, checkId: string): Finding[] =>
  (e.checks.find(c => c.checkId === checkId)?.findings ?? []).filter(
    f => f.status !== 'unknown',
  );
const statuses = (e: PostureEvaluation) =>
  e.checks.map(c => ({
    check: c.checkId,
    status: c.status,
    findings: c.findings.map(f => `${f.subject}: ${f.status}`).sort(),
  }));

describe('A6 region settings (any estate)', () => {
  it('A6: a settings read that failed (denied, throttled, broken) only turns verdicts into unknown, never into another pass or fail', () => {
    fc.assert(
      fc.property(estate, readSettings, readError, (shape, read, error) => {
        const facts = factsOf(shape);
        const full = evaluateWith(facts, [settingsFact(read)]);
        const failed = evaluateWith(facts, [failedRead(error)]);
        const violations: object[] = [];
        for (const check of failed.checks) {
          const before = full.checks.find(c => c.checkId === check.checkId);
          if (check.status !== before?.status && check.status !== 'unknown')
            violations.push({
              check: check.checkId,
              before: before?.status,
              after: check.status,
            });
          for (const f of verdicts(failed, check.checkId)) {
            if (
              !verdicts(full, check.checkId).some(
                g => g.subject === f.subject && g.status === f.status,
              )
            )
              violations.push({ check: check.checkId, finding: f });
          }
        }
        expect(violations).toEqual([]);
      }),
      RUNS,
    );
  });

  it('A6: the documented defaults (every type opted in, DynamoDB fully managed) give the verdicts an inventory without settings gives', () => {
    fc.assert(
      fc.property(estate, shape => {
        const allOn = settingsFact({
          optIn: Object.fromEntries(TYPES.map(t => [t, true])),
          dynamoManaged: true,
        });
        const facts = factsOf(shape);
        expect(statuses(evaluateWith(facts, [allOn]))).toEqual(
          statuses(evaluateWith(facts, undefined)),
        );
      }),
      RUNS,
    );
  });

  it('A6: a resource whose type is not opted in where it lives never passes resource-protected-by-plan', () => {
    fc.assert(
      fc.property(estate, readSettings, (shape, read) => {
        const facts = factsOf(shape);
        const e = evaluateWith(facts, [settingsFact(read)]);
        const own = facts.resources;
        const notOptedIn = new Set(
          own.filter(r => read.optIn[r.resourceType] === false).map(r => r.arn),
        );
        const statusesOfThem = (
          e.checks.find(c => c.checkId === 'resource-protected-by-plan')
            ?.findings ?? []
        )
          .filter(f => notOptedIn.has(f.subject))
          .map(f => f.status);
        expect(statusesOfThem.every(s => s === 'fail')).toBe(true);
        expect(statusesOfThem).toHaveLength(notOptedIn.size);
      }),
      RUNS,
    );
  });
});
