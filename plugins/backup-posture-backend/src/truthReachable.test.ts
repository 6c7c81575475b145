/**
 * Issue 13 ("Truth"), through the real path (see truthProperties.test.ts): in the demo and the
 * scale scenario, every service's evaluation names only the vaults and plans its own resources
 * reach.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  AwsInventory,
  EntityPostureResponse,
  lookupOf,
  reachableFrom,
} from '@backup-posture/plugin-backup-posture-common';
import {
  demoScenario,
  scaleScenario,
  selectionAssigns,
} from '@internal/simulated-aws';
import { SHARED_PROD } from '@internal/simulated-aws/src/model/demo';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  componentEntity,
  NOW,
  simulatedConfig,
} from './__testUtils__/fixtures';
import {
  Backend,
  posture,
  useTruthBackend,
} from './__testUtils__/truthBackend';

jest.setTimeout(600_000);

const { withBackend } = useTruthBackend();

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
