/**
 * Issue 13 ("Truth"), through the real path: estates generated from the simulator's model are
 * served at the wire (msw), scanned by the backend with the real Backstage services, stored,
 * indexed and evaluated; the properties read what a user reads, the entity posture route.
 * This file: an entity's evaluation is its own, and missing data is unknown; what each service
 * names is in truthReachable.test.ts.
 */
import { describe, expect, it, jest } from '@jest/globals';
import {
  CheckResult,
  EntityPostureResponse,
  Finding,
} from '@backup-posture/plugin-backup-posture-common';
import { FaultSpec } from '@internal/simulated-aws';
import fc from 'fast-check';
import {
  buildEstate,
  CENTRAL,
  componentRef,
  estateSpec,
  EstateSpec,
  OSAKA,
  RECOVERY,
  WORKLOAD,
} from './__testUtils__/generatedEstate';
import {
  Backend,
  posture,
  rescan,
  useTruthBackend,
} from './__testUtils__/truthBackend';

jest.setTimeout(600_000);

/**
 * The generated estates' clock: the current hour, so that their recovery points are fresh to the
 * engine (which evaluates at the wall clock) and age checks give every verdict.
 */
const ESTATE_NOW = new Date(
  Math.floor(Date.now() / 3_600_000) * 3_600_000,
).toISOString();

const { sim, withBackend } = useTruthBackend();

/**
 * Ages the engine measures from the wall clock (`3 days old`) and the times of the newest points
 * (`from 2026-11-29 14:00 UTC`, generated relative to the wall clock) move between scans.
 */
const sansAges = (message: string) =>
  message
    .replace(/\d+(?:\.\d+)? (h|days) old/g, '… $1 old')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '… UTC');

/** What a user reads of an entity's evaluation, timestamps (and ages) aside. */
function userView(p: EntityPostureResponse) {
  const e = p.evaluation;
  return {
    state: p.state,
    scopes: p.freshness.scopes
      .map(s => `${s.account}/${s.region}:${s.state}`)
      .sort(),
    score: e?.score,
    checks: e?.checks.map(c => ({
      checkId: c.checkId,
      status: c.status,
      summary: c.summary,
      findings: c.findings.map(f => ({
        subject: f.subject,
        status: f.status,
        message: sansAges(f.message),
        evidence: f.evidence,
        explanation: f.explanation,
      })),
    })),
    lineage: e?.lineage,
  };
}

const mineRefs = (spec: EstateSpec) => spec.mine.map((_, i) => componentRef(i));

const RUNS = { seed: 20261129, endOnFailure: true } as const;

/**
 * The full-data postures of the services under test in the crowded estate, per generated spec:
 * both properties draw the same specs (same seed), so the second reuses the first's scans.
 */
const fullData = new Map<string, EntityPostureResponse[]>();

/*
 * Known counterexample (seed 20261129, path 2; reported to the engine's owner): a neighbour's plan
 * selecting `Resources: ["*"]` with a `Conditions` tag on its own service is counted by
 * `selectionMatch` (engine/aws/selection.ts) as *naming* every resource of the account × region
 * (`named` is true for a wildcard), so `reachableFrom` lists it among the `excludingPlans` of an
 * entity's unselected resource, and `resource-protected-by-plan` names it in `plansNamingIt`.
 */
describe('an entity’s evaluation is its own (generated estates, through scan, store, index and engine)', () => {
  it('adding unrelated services in the same accounts and regions leaves each entity’s evaluation identical; removing them likewise', async () => {
    await fc.assert(
      fc.asyncProperty(estateSpec, async spec => {
        const g = buildEstate(spec, ESTATE_NOW);
        const refs = mineRefs(spec);
        const read = (server: Backend['server']) =>
          Promise.all(refs.map(r => posture(server, r)));
        const alone = await withBackend(g.alone, g.entities, [], read);
        for (const p of alone) {
          expect(p.state).toBe('ok');
          expect(p.evaluation?.checks.length).toBeGreaterThan(0);
        }
        // The neighbours are there from the first scan; then they are taken out of AWS, and
        // the next scan must drop them from the store.
        const [crowded, removed] = await withBackend(
          g.crowded,
          g.entities,
          [],
          async server => {
            const before = await read(server);
            sim.setEstate(g.alone);
            await rescan(server);
            return [before, await read(server)];
          },
        );
        fullData.set(JSON.stringify(spec), crowded);
        expect(crowded.map(userView)).toEqual(alone.map(userView));
        expect(removed.map(userView)).toEqual(alone.map(userView));
      }),
      { ...RUNS, numRuns: 4 },
    );
  });
});

/** A finding that gives a verdict (not unknown). */
const verdicts = (c: CheckResult | undefined): Finding[] =>
  (c?.findings ?? []).filter(f => f.status !== 'unknown');

const DENIED_SCOPES: Array<{
  what: string;
  fault: FaultSpec;
  account: string;
}> = [
  {
    what: 'the central backup account',
    fault: { kind: 'access-denied', account: CENTRAL },
    account: CENTRAL,
  },
  {
    what: 'the account holding the air-gapped vault',
    fault: { kind: 'access-denied', account: RECOVERY },
    account: RECOVERY,
  },
  {
    what: 'the copy region',
    fault: { kind: 'access-denied', account: WORKLOAD, region: OSAKA },
    account: WORKLOAD,
  },
];

describe('missing data is unknown (generated estates, a scope denied from the first scan)', () => {
  it('every check that changes when the central account, the air-gapped vault’s account or the copy region cannot be scanned is unknown with that scope’s error, and no verdict appears that full data does not give', async () => {
    await fc.assert(
      fc.asyncProperty(estateSpec, async spec => {
        const g = buildEstate(spec, ESTATE_NOW);
        const refs = mineRefs(spec);
        const readAll = (server: Backend['server']) =>
          Promise.all(refs.map(r => posture(server, r)));
        const full =
          fullData.get(JSON.stringify(spec)) ??
          (await withBackend(g.crowded, g.entities, [], readAll));
        const violations: object[] = [];
        for (const denied of DENIED_SCOPES) {
          const partial = await withBackend(
            g.crowded,
            g.entities,
            [denied.fault],
            readAll,
          );
          refs.forEach((ref, i) => {
            const before = full[i].evaluation!;
            const after = partial[i].evaluation!;
            for (const check of after.checks) {
              const fullCheck = before.checks.find(
                c => c.checkId === check.checkId,
              );
              if (check.status !== fullCheck?.status) {
                const reasons = check.findings
                  .filter(f => f.status === 'unknown')
                  .map(f => f.message);
                if (
                  check.status !== 'unknown' ||
                  !reasons.some(
                    m =>
                      m.includes(`account ${denied.account}`) &&
                      /AccessDenied/.test(m),
                  )
                )
                  violations.push({
                    denied: denied.what,
                    entity: ref,
                    check: check.checkId,
                    before: fullCheck?.status,
                    after: check.status,
                    reasons,
                  });
              }
              for (const f of verdicts(check)) {
                const same = verdicts(fullCheck).some(
                  v =>
                    v.subject === f.subject &&
                    v.status === f.status &&
                    sansAges(v.message) === sansAges(f.message),
                );
                if (!same)
                  violations.push({
                    denied: denied.what,
                    entity: ref,
                    check: check.checkId,
                    newVerdict: {
                      subject: f.subject,
                      status: f.status,
                      message: f.message,
                    },
                    fullData: fullCheck?.findings
                      .filter(v => v.subject === f.subject)
                      .map(v => `${v.status}: ${v.message}`),
                  });
              }
            }
          });
        }
        expect(violations).toEqual([]);
      }),
      { ...RUNS, numRuns: 4 },
    );
  });
});
