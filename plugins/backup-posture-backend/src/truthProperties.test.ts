/**
 * Issue 13 ("Truth"), through the real path: estates generated from the simulator's model are
 * served at the wire (msw), scanned by the backend with the real Backstage services, stored,
 * indexed and evaluated; the properties read what a user reads, the entity posture route.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  AwsInventory,
  CheckResult,
  EntityPostureResponse,
  Finding,
  lookupOf,
  reachableFrom,
} from '@backup-posture/plugin-backup-posture-common';
import {
  demoScenario,
  Estate,
  FaultSpec,
  scaleScenario,
  selectionAssigns,
  SimulatedAws,
} from '@internal/simulated-aws';
import { SHARED_PROD } from '@internal/simulated-aws/src/model/demo';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import {
  componentEntity,
  NOW,
  simulatedConfig,
} from './__testUtils__/fixtures';
import {
  buildEstate,
  CENTRAL,
  componentRef,
  estateSpec,
  EstateSpec,
  OSAKA,
  RECOVERY,
  REGIONS,
  WORKLOAD,
} from './__testUtils__/generatedEstate';

jest.setTimeout(600_000);

/**
 * The generated estates' clock: the current hour, so that their recovery points are fresh to the
 * engine (which evaluates at the wall clock) and age checks give every verdict.
 */
const ESTATE_NOW = new Date(
  Math.floor(Date.now() / 3_600_000) * 3_600_000,
).toISOString();

const sim = new SimulatedAws(
  buildEstate(
    { infra: { lagKey: 'cmk', listingOrder: 0 }, mine: [], neighbours: [] },
    NOW,
  ).crowded,
);
const mswServer = setupServer(...sim.handlers());
beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.reset());
afterAll(() => mswServer.close());

const config = simulatedConfig({ regions: REGIONS });

type Backend = Awaited<ReturnType<typeof startPlugin>>;

/** Starts a backend (fresh database) over `estate` with `faults`, runs `fn` after its first scan. */
async function withBackend<T>(
  estate: Estate,
  entities: Entity[],
  faults: FaultSpec[],
  fn: (server: Backend['server']) => Promise<T>,
  backendConfig = config,
): Promise<T> {
  sim.reset();
  sim.setEstate(estate);
  for (const f of faults) sim.faults.add(f);
  const backend = await startPlugin({ config: backendConfig, entities });
  try {
    await waitForScan(backend.server);
    return await fn(backend.server);
  } finally {
    await backend.stop();
  }
}

/** Scans again (manual refresh) and waits for that scan to finish. */
async function rescan(server: Backend['server']) {
  const startedBefore = new Date().toISOString();
  await request(server).post('/api/backup-posture/scan/refresh').expect(202);
  await waitForScan(server, { after: startedBefore });
}

async function posture(
  server: Backend['server'],
  ref: string,
): Promise<EntityPostureResponse> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const res = await request(server).get(
    `/api/backup-posture/entities/${kind}/${namespace}/${name}/posture`,
  );
  expect(res.status).toBe(200);
  return res.body as EntityPostureResponse;
}

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

const BACKUP_ARN =
  /arn:aws:backup:[a-z0-9-]+:\d{12}:backup-(?:vault|plan):[A-Za-z0-9._-]+/g;

/** Vault and plan ARNs an entity's evaluation names (subjects, messages, evidence, lineage). */
const namedBackupArns = (p: EntityPostureResponse): string[] => [
  ...new Set(JSON.stringify(p.evaluation ?? {}).match(BACKUP_ARN) ?? []),
];

/**
 * What each entity's evaluation may name: the vaults and plans reachable from its own resources
 * (`reachableFrom`), looked up among the facts of every entity's inventory.
 */
function unreachableNames(postures: Map<string, EntityPostureResponse>) {
  const union: AwsInventory = {
    resources: [],
    vaults: [],
    plans: [],
    recoveryPoints: [],
    copyJobs: [],
    keys: [],
  };
  for (const p of postures.values()) {
    const aws = p.inventory?.aws;
    if (!aws) continue;
    union.resources.push(...aws.resources);
    union.vaults.push(...aws.vaults);
    union.plans.push(...aws.plans);
    union.recoveryPoints.push(...aws.recoveryPoints);
    union.copyJobs.push(...aws.copyJobs);
    union.keys.push(...aws.keys);
  }
  const lookup = lookupOf(union);
  const out: Record<string, string[]> = {};
  for (const [ref, p] of postures) {
    const reached = reachableFrom(p.inventory?.aws?.resources ?? [], lookup);
    const allowed = new Set([
      ...reached.vaultArns,
      ...reached.vaults.map(v => v.arn),
      ...reached.plans.map(x => x.planArn),
      ...reached.excludingPlans.map(x => x.planArn),
    ]);
    const extra = namedBackupArns(p).filter(arn => !allowed.has(arn));
    if (extra.length) out[ref] = extra;
  }
  return out;
}

/** The postures of `entities` that were evaluated (the demo has a deliberately broken one). */
async function readPostures(
  server: Backend['server'],
  entities: Entity[],
): Promise<Map<string, EntityPostureResponse>> {
  const out = new Map<string, EntityPostureResponse>();
  for (const e of entities) {
    const ref = `component:default/${e.metadata.name}`;
    const p = await posture(server, ref);
    if (p.state === 'ok') out.set(ref, p);
  }
  return out;
}

const subjectsOf = (p: EntityPostureResponse) =>
  (p.evaluation?.checks ?? []).flatMap(c => c.findings.map(f => f.subject));

describe('the demo and the scale scenario: every service names only what its own resources reach', () => {
  it('demo: the healthy shared-account services name none of their neighbours’ vaults or plans; no service names a vault or plan its resources do not reach', async () => {
    const estate = demoScenario({ now: NOW });
    const docs = parseAllDocuments(
      readFileSync(
        resolve(__dirname, '../../../examples/catalog/components.yaml'),
        'utf8',
      ),
    ).map(d => d.toJS() as Entity);
    const entities = docs
      .filter(
        e =>
          e.kind === 'Component' &&
          (e.metadata.annotations?.[ANNOTATION_AWS_RESOURCE_ARNS] ||
            e.metadata.annotations?.[ANNOTATION_AWS_RESOURCE_TAGS]),
      )
      .map(e => ({
        ...e,
        metadata: { ...e.metadata, namespace: 'default' },
      }));
    expect(entities.length).toBeGreaterThanOrEqual(16);
    const postures = await withBackend(
      estate,
      entities,
      [],
      async server => readPostures(server, entities),
      simulatedConfig(),
    );

    const S = SHARED_PROD;
    const vault = (name: string) =>
      `arn:aws:backup:${S.region}:${S.accountId}:backup-vault:${name}`;
    const media = estate.resources.find(r => r.tags.service === S.coldStorage)!;
    const planOf = (resourceArn: string) =>
      estate.plans.find(p =>
        p.selections.some(sel =>
          selectionAssigns(
            sel,
            estate.resources.find(r => r.arn === resourceArn)!,
          ),
        ),
      )!.arn;
    const neighbours = [
      vault('Default'),
      vault(S.vaults.profiles),
      vault(S.vaults.media),
      vault(S.vaults.billing),
      planOf(media.arn),
    ];
    for (const name of S.healthy) {
      const p = postures.get(`component:default/${name}`)!;
      expect({
        name,
        subjects: subjectsOf(p).filter(s => neighbours.includes(s)),
      }).toEqual({ name, subjects: [] });
      expect({
        name,
        named: namedBackupArns(p).filter(a => neighbours.includes(a)),
      }).toEqual({ name, named: [] });
    }
    expect(postures.size).toBeGreaterThanOrEqual(16);
    expect(unreachableNames(postures)).toEqual({});
  });

  it('scale (3 accounts × 2 regions): no service names a vault or plan its resources do not reach, and a resource mapped by ARN is selected by the plan whose ListOfTags picks it', async () => {
    const estate = scaleScenario({
      accounts: 3,
      regions: 2,
      resourcesPerRegion: 2,
      now: NOW,
    });
    const entities: Entity[] = [
      ...estate.resources.map((r, i) =>
        componentEntity(
          `resource-${i}`,
          { [ANNOTATION_AWS_RESOURCE_ARNS]: r.arn },
          { owner: 'platform' },
        ),
      ),
      ...[...new Set(estate.resources.map(r => r.tags.service))].map(svc =>
        componentEntity(
          svc,
          { [ANNOTATION_AWS_RESOURCE_TAGS]: `service=${svc}` },
          { owner: 'platform' },
        ),
      ),
    ];
    const postures = await withBackend(
      estate,
      entities,
      [],
      async server => readPostures(server, entities),
      simulatedConfig({ regions: estate.regions }),
    );
    expect(postures.size).toBe(entities.length);
    expect(unreachableNames(postures)).toEqual({});
    // Every resource is selected by its region's plan (ListOfTags backup=daily), whatever maps it.
    const notSelected = estate.resources.flatMap((r, i) => {
      const check = postures
        .get(`component:default/resource-${i}`)!
        .evaluation!.checks.find(
          c => c.checkId === 'resource-protected-by-plan',
        )!;
      return check.status === 'pass'
        ? []
        : [
            {
              resource: r.arn,
              findings: check.findings.map(f => `${f.status}: ${f.message}`),
            },
          ];
    });
    expect(notSelected).toEqual([]);
  });
});
