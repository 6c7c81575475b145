/**
 * Properties that hold on any estate (generated): an entity's evaluation is its own, and missing
 * evidence is unknown.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CheckResult, Finding, PostureEvaluation } from '../../posture';
import { evaluatePosture } from '../evaluate';
import {
  entity,
  errorScope,
  NOW,
  CENTRAL,
  OSAKA,
  PROD,
  RECOVERY,
  TOKYO,
} from '../__fixtures__/builders';
import {
  estate,
  inventoryOf,
  mergeFacts,
  serviceFacts,
  ServiceFacts,
  sharedFacts,
} from '../__testUtils__/estate';
import { parseArn } from './classify';

const evaluate = (
  facts: ServiceFacts,
  scopes = [] as ReturnType<typeof errorScope>[],
) => evaluatePosture(entity(inventoryOf(facts), scopes), { now: NOW });

/**
 * Runs per property; BACKUP_POSTURE_PROPERTY_RUNS caps it (mutation testing sets it low: these
 * properties cover nearly every engine mutant, and each mutant reruns them).
 */
const runs = (n: number) =>
  Math.min(n, Number(process.env.BACKUP_POSTURE_PROPERTY_RUNS) || n);
const RUNS = { numRuns: runs(150), seed: 20261129 };

describe('an entity’s evaluation is its own (any estate)', () => {
  it('adding services in the same account and region changes nothing of the entity’s evaluation; removing them likewise', () => {
    fc.assert(
      fc.property(estate, ({ entity: mine, neighbours }) => {
        const own = serviceFacts(0, mine);
        const others = neighbours.map((s, i) => serviceFacts(i + 1, s));
        const alone = evaluate(mergeFacts(own, sharedFacts()));
        // The entity's resources are its own; everything else of the estate is there too.
        const crowded = evaluate({
          ...mergeFacts(own, ...others, sharedFacts()),
          resources: own.resources,
        });
        expect(crowded).toEqual(alone);
      }),
      RUNS,
    );
  });
});

/** Where a fact lives: the scope whose scan reads it. */
const inScope = (arn: string | undefined, account: string, region: string) => {
  const p = arn ? parseArn(arn) : undefined;
  return p?.account === account && p.region === region;
};

function withoutScope(
  facts: ServiceFacts,
  account: string,
  region: string,
): ServiceFacts {
  return {
    resources: facts.resources,
    plans: facts.plans.filter(
      p => !(p.accountId === account && p.region === region),
    ),
    vaults: facts.vaults.filter(
      v => !(v.accountId === account && v.region === region),
    ),
    keys: facts.keys.filter(
      k => !(k.accountId === account && k.region === region),
    ),
    recoveryPoints: facts.recoveryPoints.filter(
      p => !inScope(p.backupVaultArn, account, region),
    ),
    copyJobs: facts.copyJobs.filter(
      j => !(j.accountId === account && j.region === region),
    ),
  };
}

const statusOf = (e: PostureEvaluation, id: string) =>
  e.checks.find(c => c.checkId === id)?.status;
const verdicts = (c: CheckResult | undefined): Finding[] =>
  (c?.findings ?? []).filter(f => f.status !== 'unknown');

describe('missing evidence is unknown (any estate)', () => {
  it.each([
    ['the central backup account', CENTRAL, TOKYO],
    ['the account holding the air-gapped vault', RECOVERY, TOKYO],
    ['the copy region', PROD, OSAKA],
  ])(
    'when %s could not be scanned, every check that changes becomes unknown, and no verdict appears that full data does not give',
    (_what, account, region) => {
      fc.assert(
        fc.property(estate, ({ entity: mine, neighbours }) => {
          const own = serviceFacts(0, mine);
          const facts = {
            ...mergeFacts(
              own,
              ...neighbours.map((s, i) => serviceFacts(i + 1, s)),
              sharedFacts(),
            ),
            resources: own.resources,
          };
          const full = evaluate(facts);
          const denied = evaluate(withoutScope(facts, account, region), [
            errorScope(account, region),
          ]);
          const violations: object[] = [];
          for (const check of denied.checks) {
            const before = statusOf(full, check.checkId);
            if (check.status !== before && check.status !== 'unknown')
              violations.push({
                check: check.checkId,
                before,
                after: check.status,
              });
            const fullCheck = full.checks.find(
              c => c.checkId === check.checkId,
            );
            for (const f of verdicts(check)) {
              const same = verdicts(fullCheck).some(
                g => g.subject === f.subject && g.status === f.status,
              );
              if (!same)
                violations.push({
                  check: check.checkId,
                  subject: f.subject,
                  status: f.status,
                  message: f.message,
                });
            }
          }
          expect(violations).toEqual([]);
        }),
        { numRuns: runs(100), seed: 20261129 },
      );
    },
  );
});
