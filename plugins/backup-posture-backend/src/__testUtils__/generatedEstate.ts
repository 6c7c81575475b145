/**
 * Generated simulator estates for backend property tests: the common real shape, where several
 * services of different teams share one workload account and region, built with the simulator's
 * `EstateBuilder` (so AWS derives their recovery points and copy jobs, and the scanner reads them
 * at the wire). Each service is its resources (tagged `service=<name>`), its own plan selecting
 * them by `Resources` ARN, `ListOfTags` or `Conditions`, its own vault or the account's `Default`
 * vault on aws/backup, optional copies (another region, the central account, the air-gapped
 * vault directly or in a second hop started by the central account), locked or not, with or
 * without cold storage; one catalog component maps each service.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
} from '@backup-posture/plugin-backup-posture-common';
import { Estate, EstateBuilder, ResourceType } from '@internal/simulated-aws';
import {
  allowOrgCopyPolicy,
  denyDeletionPolicy,
} from '@internal/simulated-aws/src/model/vaultPolicies';
import fc from 'fast-check';
import { componentEntity } from './fixtures';

export const ORG_ID = 'o-prop000001';
export const MANAGEMENT = '111111111111';
export const WORKLOAD = '222222222222';
export const CENTRAL = '444444444444';
export const RECOVERY = '555555555555';
export const TOKYO = 'ap-northeast-1';
export const OSAKA = 'ap-northeast-3';
export const REGIONS = [TOKYO, OSAKA];

const vaultArn = (account: string, region: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
export const CENTRAL_VAULT = vaultArn(CENTRAL, TOKYO, 'central-vault');
export const LAG_VAULT = vaultArn(RECOVERY, TOKYO, 'lag-vault');
export const SHARED_DR_VAULT = vaultArn(WORKLOAD, OSAKA, 'dr-osaka');

/** One service, before it is built. */
export interface ServiceSpec {
  type: ResourceType;
  resourceCount: 1 | 2;
  /** `cmk-shared`: a CMK whose policy lets the central account use it (B4). */
  sourceKey: 'cmk-shared' | 'cmk' | 'aws-managed' | 'none';
  /** Its first points predate the source's encryption (A2). */
  oldUnencrypted: boolean;
  selectBy: 'arn' | 'tags' | 'conditions';
  /** A selection that names a scratch resource of the service and leaves it out (NotResources). */
  scratchExcluded: boolean;
  target: 'own-cmk' | 'own-aws-backup' | 'default';
  locked: boolean;
  deletionDenied: boolean;
  coldDays?: number;
  deleteDays: number;
  crossRegion: 'none' | 'own-cmk' | 'own-aws-backup' | 'shared-dr';
  /** A copy action into the central vault, the air-gapped vault, or central then air-gapped. */
  offsite: 'none' | 'central' | 'lag' | 'central-then-lag';
  coldOnCentralCopy: boolean;
  /** How its catalog component maps it. */
  mapBy: 'arn' | 'tags';
}

export const serviceSpec: fc.Arbitrary<ServiceSpec> = fc.record({
  type: fc.constantFrom<ResourceType>(
    'Aurora',
    'RDS',
    'DynamoDB',
    'S3',
    'EFS',
    'EBS',
  ),
  resourceCount: fc.constantFrom<1 | 2>(1, 2),
  sourceKey: fc.constantFrom('cmk-shared', 'cmk', 'aws-managed', 'none'),
  oldUnencrypted: fc.boolean(),
  selectBy: fc.constantFrom('arn', 'tags', 'conditions'),
  scratchExcluded: fc.boolean(),
  target: fc.constantFrom('own-cmk', 'own-aws-backup', 'default'),
  locked: fc.boolean(),
  deletionDenied: fc.boolean(),
  coldDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  deleteDays: fc.integer({ min: 1, max: 200 }),
  crossRegion: fc.constantFrom(
    'none',
    'own-cmk',
    'own-aws-backup',
    'shared-dr',
  ),
  offsite: fc.constantFrom('none', 'central', 'lag', 'central-then-lag'),
  coldOnCentralCopy: fc.boolean(),
  mapBy: fc.constantFrom('arn', 'tags'),
});

/** An estate's shared infrastructure, the same whatever services live in it. */
export interface InfraSpec {
  lagKey: 'cmk' | 'aws-owned';
  /** Seed of the order in which AWS lists things (plans, vaults, resources, keys). */
  listingOrder: number;
}

export const infraSpec: fc.Arbitrary<InfraSpec> = fc.record({
  lagKey: fc.constantFrom('cmk', 'aws-owned'),
  listingOrder: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

export const serviceName = (i: number) => `svc-${i}`;
export const componentRef = (i: number) =>
  `component:default/${serviceName(i)}`;

const hexOf = (i: number, j: number, len: number) =>
  ((i + 1) * 7919 + j * 104729).toString(16).padStart(len, '0').slice(-len);

function resourceName(type: ResourceType, i: number, j: number): string {
  switch (type) {
    case 'EFS':
      return `fs-0${hexOf(i, j, 16)}`;
    case 'EBS':
      return `vol-0${hexOf(i, j, 16)}`;
    case 'S3':
      return `acme-${serviceName(i)}-${j}`;
    default:
      return `${serviceName(i)}-${type.toLowerCase()}-${j}`;
  }
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5;
    s >>>= 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What one service added to the estate (to take it out again). */
interface Added {
  objects: Set<object>;
  resourceArns: string[];
}

function addService(b: EstateBuilder, i: number, spec: ServiceSpec): Added {
  const before = new Set<object>([
    ...b.estate.keys,
    ...b.estate.resources,
    ...b.estate.vaults,
    ...b.estate.plans,
    ...(b.estate.startedCopyJobs ?? []),
  ]);
  const name = serviceName(i);
  const tags = { service: name, team: `team-${i}`, env: 'prod' };
  const fallbacks: Partial<Record<ResourceType, string>> = {
    EBS: 'alias/aws/ebs',
    Aurora: 'alias/aws/rds',
    RDS: 'alias/aws/rds',
  };
  const fallback = fallbacks[spec.type];
  let sourceKeyArn: string | undefined;
  if (spec.sourceKey === 'cmk' || spec.sourceKey === 'cmk-shared')
    sourceKeyArn = b.cmk(WORKLOAD, TOKYO, {
      alias: `alias/${name}`,
      allowAccounts: spec.sourceKey === 'cmk-shared' ? [CENTRAL] : [],
    }).arn;
  else if (spec.sourceKey === 'aws-managed' && fallback)
    sourceKeyArn = b.managedKeyArn(WORKLOAD, TOKYO, fallback);
  const resources = Array.from({ length: spec.resourceCount }, (_, j) =>
    b.resource(spec.type, WORKLOAD, TOKYO, resourceName(spec.type, i, j), {
      tags,
      keyArn: sourceKeyArn,
      unencryptedBefore:
        spec.oldUnencrypted && sourceKeyArn ? b.ago(1.5) : undefined,
    }),
  );
  const scratch = spec.scratchExcluded
    ? b.resource(spec.type, WORKLOAD, TOKYO, resourceName(spec.type, i, 9), {
        tags: { ...tags, scratch: 'true' },
        keyArn: sourceKeyArn,
      })
    : undefined;

  let target = 'Default';
  if (spec.target !== 'default') {
    target = `${name}-vault`;
    b.vault(WORKLOAD, TOKYO, target, {
      key:
        spec.target === 'own-cmk'
          ? b.cmk(WORKLOAD, TOKYO, {
              alias: `alias/${name}-backup`,
              allowAccounts: [CENTRAL],
            }).arn
          : 'aws/backup',
      lock: spec.locked
        ? {
            mode: 'compliance',
            minRetentionDays: 1,
            maxRetentionDays: 400,
            lockDate: b.ago(30),
          }
        : undefined,
      accessPolicy: spec.deletionDenied ? denyDeletionPolicy() : undefined,
    });
  }

  const copyActions = [];
  if (spec.crossRegion === 'shared-dr')
    copyActions.push({
      destinationBackupVaultArn: SHARED_DR_VAULT,
      lifecycle: { deleteAfterDays: 35 },
    });
  else if (spec.crossRegion !== 'none') {
    const dr = b.vault(WORKLOAD, OSAKA, `${name}-dr`, {
      key:
        spec.crossRegion === 'own-cmk'
          ? b.cmk(WORKLOAD, OSAKA, { alias: `alias/${name}-dr` }).arn
          : 'aws/backup',
    });
    copyActions.push({
      destinationBackupVaultArn: dr.arn,
      lifecycle: { deleteAfterDays: 35 },
    });
  }
  if (spec.offsite === 'central' || spec.offsite === 'central-then-lag')
    copyActions.push({
      destinationBackupVaultArn: CENTRAL_VAULT,
      lifecycle: spec.coldOnCentralCopy
        ? { moveToColdStorageAfterDays: 30, deleteAfterDays: 120 }
        : { deleteAfterDays: 90 },
    });
  if (spec.offsite === 'lag')
    copyActions.push({
      destinationBackupVaultArn: LAG_VAULT,
      lifecycle: { deleteAfterDays: 365 },
    });

  const selection = (() => {
    const notResources = scratch ? [scratch.arn] : [];
    switch (spec.selectBy) {
      case 'arn':
        return {
          selectionName: `${name}-by-arn`,
          resources: [...resources.map(r => r.arn), ...notResources],
          notResources,
        };
      case 'tags':
        return {
          selectionName: `${name}-by-tag`,
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS' as const,
              conditionKey: 'service',
              conditionValue: name,
            },
          ],
          notResources,
        };
      default:
        return {
          selectionName: `${name}-by-condition`,
          resources: ['*'],
          notResources,
          conditions: {
            stringEquals: [
              { conditionKey: 'aws:ResourceTag/service', conditionValue: name },
            ],
            stringNotEquals: [],
            stringLike: [],
            stringNotLike: [],
          },
        };
    }
  })();
  b.plan(
    WORKLOAD,
    TOKYO,
    `${name}-daily`,
    [
      {
        ruleName: 'daily',
        targetBackupVaultName: target,
        scheduleExpression: 'cron(0 5 ? * * *)',
        lifecycle: {
          moveToColdStorageAfterDays: spec.coldDays,
          deleteAfterDays: spec.deleteDays,
        },
        copyActions,
      },
    ],
    [selection],
  );
  if (spec.offsite === 'central-then-lag')
    b.startCopyJobs({
      sourceBackupVaultArn: CENTRAL_VAULT,
      destinationBackupVaultArn: LAG_VAULT,
      resourceArns: resources.map(r => r.arn),
      lifecycle: { deleteAfterDays: 365 },
    });

  const objects = new Set<object>(
    [
      ...b.estate.keys,
      ...b.estate.resources,
      ...b.estate.vaults,
      ...b.estate.plans,
      ...(b.estate.startedCopyJobs ?? []),
    ].filter(o => !before.has(o)),
  );
  return {
    objects,
    resourceArns: [...resources, ...(scratch ? [scratch] : [])].map(r => r.arn),
  };
}

/** A generated estate: the services under test, and neighbours that may be added or taken out. */
export interface GeneratedEstate {
  /** The services under test, then the neighbours. */
  specs: ServiceSpec[];
  /** How many of `specs` are the services under test (indices 0…mine-1). */
  mine: number;
  /** The whole estate, in AWS's listing order. */
  crowded: Estate;
  /** The same estate with only the services under test (same ids, same order). */
  alone: Estate;
  /** Catalog components of every service (a neighbour's maps nothing in `alone`). */
  entities: Entity[];
  resourceArns: string[][];
}

/** Builds the estate: shared infrastructure, then the services under test, then neighbours. */
export function buildEstate(
  { infra, mine, neighbours }: EstateSpec,
  now: string,
): GeneratedEstate {
  const b = new EstateBuilder({
    name: 'generated',
    seed: 1300,
    now,
    organizationId: ORG_ID,
    managementAccountId: MANAGEMENT,
    managementAccountEmail: 'aws+management@example.com',
    regions: REGIONS,
  });
  b.account(MANAGEMENT, 'management');
  b.account(WORKLOAD, 'shared-prod', { ou: 'Workloads' });
  b.account(CENTRAL, 'central-backup', { ou: 'Security' });
  b.account(RECOVERY, 'recovery', { ou: 'Security' });
  const centralKey = b.cmk(CENTRAL, TOKYO, {
    alias: 'alias/central-backup',
    allowAccounts: [WORKLOAD, RECOVERY],
  });
  b.vault(CENTRAL, TOKYO, 'central-vault', {
    key: centralKey.arn,
    lock: { mode: 'compliance', minRetentionDays: 1, maxRetentionDays: 400 },
    accessPolicy: allowOrgCopyPolicy(CENTRAL_VAULT, ORG_ID),
  });
  b.vault(RECOVERY, TOKYO, 'lag-vault', {
    type: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    key:
      infra.lagKey === 'cmk'
        ? b.cmk(RECOVERY, TOKYO, {
            alias: 'alias/lag-vault',
            allowAccounts: [CENTRAL, WORKLOAD],
          }).arn
        : 'aws-owned',
    accessPolicy: allowOrgCopyPolicy(LAG_VAULT, ORG_ID),
  });
  b.vault(WORKLOAD, OSAKA, 'dr-osaka', {
    key: b.cmk(WORKLOAD, OSAKA, { alias: 'alias/dr-osaka' }).arn,
    lock: { mode: 'compliance', minRetentionDays: 1, maxRetentionDays: 400 },
  });

  const specs = [...mine, ...neighbours];
  const added = specs.map((spec, i) => addService(b, i, spec));
  const neighbourObjects = new Set<object>(
    added.slice(mine.length).flatMap(a => [...a.objects]),
  );
  const crowded: Estate = {
    ...b.estate,
    keys: shuffled(b.estate.keys, infra.listingOrder),
    resources: shuffled(b.estate.resources, infra.listingOrder + 1),
    vaults: shuffled(b.estate.vaults, infra.listingOrder + 2),
    plans: shuffled(b.estate.plans, infra.listingOrder + 3),
    startedCopyJobs: shuffled(
      b.estate.startedCopyJobs ?? [],
      infra.listingOrder + 4,
    ),
  };
  const mineOnly = <T extends object>(items: T[]) =>
    items.filter(o => !neighbourObjects.has(o));
  const alone: Estate = {
    ...crowded,
    keys: mineOnly(crowded.keys),
    resources: mineOnly(crowded.resources),
    vaults: mineOnly(crowded.vaults),
    plans: mineOnly(crowded.plans),
    startedCopyJobs: mineOnly(crowded.startedCopyJobs ?? []),
  };
  const resourceArns = added.map(a => a.resourceArns);
  const entities = specs.map((spec, i) =>
    componentEntity(
      serviceName(i),
      spec.mapBy === 'arn'
        ? { [ANNOTATION_AWS_RESOURCE_ARNS]: resourceArns[i].join(',') }
        : { [ANNOTATION_AWS_RESOURCE_TAGS]: `service=${serviceName(i)}` },
      { owner: `team-${i}` },
    ),
  );
  return { specs, mine: mine.length, crowded, alone, entities, resourceArns };
}

/** What an estate is built from: shared infrastructure, the services under test, neighbours. */
export interface EstateSpec {
  infra: InfraSpec;
  mine: ServiceSpec[];
  neighbours: ServiceSpec[];
}

/** The services under test (1–3) and their neighbours (1–4), with the shared infrastructure. */
export const estateSpec: fc.Arbitrary<EstateSpec> = fc.record({
  infra: infraSpec,
  mine: fc.array(serviceSpec, { minLength: 1, maxLength: 3 }),
  neighbours: fc.array(serviceSpec, { minLength: 1, maxLength: 4 }),
});
