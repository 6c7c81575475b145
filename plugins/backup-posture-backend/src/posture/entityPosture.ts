import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  BackupPostureCheck,
  CheckStatus,
  CloudProvider,
  EntityConfigurationProblem,
  EntityInventory,
  EntityPostureResponse,
  EntityPostureState,
  EntityPostureSummary,
  derivedOf,
  evaluatePosture,
  PostureEvaluation,
  PostureException,
  PostureScore,
  ProviderLineageBuilder,
  rollUpEvaluations,
  KeyReadStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { EntityMappings } from '../providers/entityMappings';
import { PostureIndex } from '../providers/PostureIndex';
import { EntityRow } from '../store/types';

export const normalizeRef = (ref: string) => ref.toLocaleLowerCase('en-US');

export const entityRefOf = (e: Entity) => normalizeRef(stringifyEntityRef(e));

const emptyScore = (): PostureScore => ({
  score: null,
  grade: null,
  counts: {
    pass: 0,
    fail: 0,
    warn: 0,
    'not-applicable': 0,
    unknown: 0,
    accepted: 0,
  },
});

function specRef(
  entity: Entity,
  field: string,
  kind: string,
): string | undefined {
  const v = (entity.spec as Record<string, unknown> | undefined)?.[field];
  if (typeof v !== 'string' || !v) return undefined;
  try {
    return normalizeRef(
      stringifyEntityRef(
        parseEntityRef(v, {
          defaultKind: kind,
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/** The entity's keys whose read failed in the last scan: stale (older data shown) or never read. */
function keyReadStatuses(inventory: EntityInventory): KeyReadStatus[] {
  const statuses: KeyReadStatus[] = [];
  const add = (
    cloud: KeyReadStatus['cloud'],
    key: string,
    k: {
      error?: KeyReadStatus['error'];
      staleError?: KeyReadStatus['error'];
      readAt?: string;
      lastAttemptAt?: string;
    },
  ) => {
    const error = k.staleError ?? k.error;
    if (!error) return;
    statuses.push({
      cloud,
      key,
      state: k.staleError ? 'stale' : 'error',
      ...(k.readAt ? { lastSuccessAt: k.readAt } : {}),
      ...(k.lastAttemptAt ? { lastAttemptAt: k.lastAttemptAt } : {}),
      error,
    });
  };
  for (const k of inventory.aws?.keys ?? []) add('aws', k.arn, k);
  for (const k of inventory.azure?.keys ?? []) add('azure', k.keyUri, k);
  return statuses;
}

/** The exceptions that apply to the entity. */
export const exceptionsOf = (
  exceptions: PostureException[],
  entityRef: string,
) => exceptions.filter(e => normalizeRef(e.entityRef) === entityRef);

export interface PostureInput {
  entity: Entity;
  /** The mappings that make up the entity (its own, or its members' for systems and groups). */
  mappings: EntityMappings[];
  problems: EntityConfigurationProblem[];
  /** True for systems/groups: the posture is the roll-up of members. */
  rollUp: boolean;
  /** For roll-ups: the members' own evaluations, rolled up instead of evaluating the union. */
  memberEvaluations?: PostureEvaluation[];
  index: PostureIndex;
  exceptions: PostureException[];
  /** The checks to evaluate (the registered ones); the engine's built-ins when absent. */
  checks?: readonly BackupPostureCheck[];
  /** The lineage builders of module clouds, by cloud. */
  lineage?: Readonly<Record<string, ProviderLineageBuilder>>;
  now: string;
  lastScanAt?: string;
}

/** The entity's inventory cut from the stored snapshots, and its state: what it is evaluated from. */
export interface PreparedPosture {
  entityRef: string;
  slice: ReturnType<PostureIndex['slice']>;
  inventory: EntityInventory;
  state: EntityPostureState;
}

/** Cuts the entity's inventory from the stored snapshots and tells its state. */
export function prepareEntityPosture(input: PostureInput): PreparedPosture {
  const { entity, mappings, problems, index, lastScanAt } = input;
  const entityRef = entityRefOf(entity);
  const slice = index.slice(mappings);
  const inventory: EntityInventory = {
    entityRef,
    ...(slice.collectedAt ? { collectedAt: slice.collectedAt } : {}),
    ...slice.inventory,
    scopes: slice.scopes,
    problems,
  };
  let state: EntityPostureState = 'ok';
  if (problems.length > 0 && !input.rollUp) state = 'invalid-annotation';
  else if (index.scopeCount === 0 || !lastScanAt) state = 'pending';
  // Mapped after the stored scan, by what it did not look for: the next scan answers.
  else if (slice.notCovered && !input.rollUp) state = 'pending';
  return { entityRef, slice, inventory, state };
}

/** Builds the entity's inventory from the stored snapshots and evaluates it with the engine. */
export function computeEntityPosture(
  input: PostureInput,
  prepared: PreparedPosture = prepareEntityPosture(input),
): EntityRow {
  const { entity, problems, now, lastScanAt } = input;
  const { entityRef, slice, inventory, state } = prepared;

  let evaluation: PostureEvaluation | undefined;
  if (state === 'ok' && input.rollUp && input.memberEvaluations) {
    evaluation = rollUpEvaluations(entityRef, now, input.memberEvaluations);
  } else if (state === 'ok') {
    evaluation = evaluatePosture(inventory, {
      now,
      exceptions: exceptionsOf(input.exceptions, entityRef),
      ...(input.checks ? { checks: input.checks } : {}),
      ...(input.lineage ? { lineage: input.lineage } : {}),
    });
  }
  const keys = keyReadStatuses(inventory);
  const derived = derivedOf(inventory);
  const stale =
    slice.scopes.some(s => s.state !== 'ok') ||
    keys.some(k => k.state === 'stale');
  const posture: EntityPostureResponse = {
    entityRef,
    state,
    problems,
    freshness: {
      ...(lastScanAt ? { lastScanAt } : {}),
      stale,
      scopes: slice.scopes,
      ...(keys.length ? { keys } : {}),
    },
    ...(state === 'invalid-annotation' ? {} : { inventory, derived }),
    ...(evaluation ? { evaluation } : {}),
  };
  const checkStatuses: Record<string, CheckStatus> = {};
  for (const c of evaluation?.checks ?? []) checkStatuses[c.checkId] = c.status;
  const clouds: CloudProvider[] = [];
  const { aws, azure } = slice.inventory;
  if (aws?.resources.length || aws?.vaults.length) clouds.push('aws');
  if (azure?.vaults.length || azure?.unresolvedVaultIds?.length)
    clouds.push('azure');
  clouds.push(...Object.keys(slice.inventory.clouds ?? {}).sort());
  const summary: EntityPostureSummary = {
    entityRef,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(specRef(entity, 'owner', 'group')
      ? { owner: specRef(entity, 'owner', 'group') }
      : {}),
    ...(specRef(entity, 'system', 'system')
      ? { system: specRef(entity, 'system', 'system') }
      : {}),
    ...(typeof entity.spec?.lifecycle === 'string'
      ? { lifecycle: entity.spec.lifecycle }
      : {}),
    state,
    clouds,
    accounts: [...derived.coverage.accounts, ...derived.coverage.subscriptions],
    regions: derived.coverage.regions,
    score: evaluation?.score ?? emptyScore(),
    keyMix: derived.keysByManager,
    checkStatuses,
    ...(lastScanAt ? { lastScanAt } : {}),
    stale,
  };
  return { summary, posture };
}
