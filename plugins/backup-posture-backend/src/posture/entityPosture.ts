import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CheckStatus,
  CloudProvider,
  EntityConfigurationProblem,
  EntityInventory,
  EntityPostureResponse,
  EntityPostureState,
  EntityPostureSummary,
  emptyKeyMix,
  evaluatePosture,
  KeyMix,
  PostureEvaluation,
  PostureException,
  PostureScore,
  rollUpEvaluations,
  KeyReadStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { EntityMapping } from '../mapping/annotations';
import { EntityRow } from '../store/types';
import { InventoryIndex } from './InventoryIndex';

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

function keyMix(inventory: EntityInventory): KeyMix {
  const mix: KeyMix = emptyKeyMix();
  for (const v of inventory.azure?.vaults ?? []) {
    if (v.keyUri) mix.customer++;
    else mix.platformManaged++;
  }
  const aws = inventory.aws;
  if (!aws) return mix;
  // A vault's key type tells AWS-owned keys apart, whether or not a description was attempted.
  const awsOwned = new Set(
    aws.vaults
      .filter(v => v.encryptionKeyType === 'AWS_OWNED_KMS_KEY')
      .map(v => v.encryptionKeyArn ?? `owned:${v.arn}`),
  );
  mix.awsOwned += awsOwned.size;
  const counted = new Set(awsOwned);
  for (const k of aws.keys) {
    if (counted.has(k.arn)) continue;
    counted.add(k.arn);
    if (k.keyManager === 'CUSTOMER') mix.customer++;
    else if (k.keyManager === 'AWS') mix.awsManaged++;
    else mix.unknown++;
  }
  for (const v of aws.vaults) {
    if (v.encryptionKeyArn && !counted.has(v.encryptionKeyArn)) {
      counted.add(v.encryptionKeyArn);
      mix.unknown++;
    }
  }
  return mix;
}

export interface PostureInput {
  entity: Entity;
  /** The mappings that make up the entity (its own, or its members' for systems and groups). */
  mappings: EntityMapping[];
  problems: EntityConfigurationProblem[];
  /** True for systems/groups: the posture is the roll-up of members. */
  rollUp: boolean;
  /** For roll-ups: the members' own evaluations, rolled up instead of evaluating the union. */
  memberEvaluations?: PostureEvaluation[];
  index: InventoryIndex;
  exceptions: PostureException[];
  now: string;
  lastScanAt?: string;
}

/** Builds the entity's inventory from the stored snapshots and evaluates it with the engine. */
export function computeEntityPosture(input: PostureInput): EntityRow {
  const { entity, mappings, problems, index, now, lastScanAt } = input;
  const entityRef = entityRefOf(entity);
  const slice = index.slice(mappings);
  const inventory: EntityInventory = {
    entityRef,
    ...(slice.collectedAt ? { collectedAt: slice.collectedAt } : {}),
    ...(slice.aws ? { aws: slice.aws } : {}),
    ...(slice.azure ? { azure: slice.azure } : {}),
    scopes: slice.scopes,
    problems,
  };
  let state: EntityPostureState = 'ok';
  if (problems.length > 0 && !input.rollUp) state = 'invalid-annotation';
  else if (index.scopeCount === 0 || !lastScanAt) state = 'pending';

  let evaluation: PostureEvaluation | undefined;
  if (state === 'ok' && input.rollUp && input.memberEvaluations) {
    evaluation = rollUpEvaluations(entityRef, now, input.memberEvaluations);
  } else if (state === 'ok') {
    evaluation = evaluatePosture(inventory, {
      now,
      exceptions: input.exceptions.filter(
        e => normalizeRef(e.entityRef) === entityRef,
      ),
    });
  }
  const keys = keyReadStatuses(inventory);
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
    ...(state === 'invalid-annotation' ? {} : { inventory }),
    ...(evaluation ? { evaluation } : {}),
  };
  const checkStatuses: Record<string, CheckStatus> = {};
  for (const c of evaluation?.checks ?? []) checkStatuses[c.checkId] = c.status;
  const clouds: CloudProvider[] = [];
  if (slice.aws?.resources.length || slice.aws?.vaults.length)
    clouds.push('aws');
  if (slice.azure?.vaults.length || slice.azure?.unresolvedVaultIds?.length)
    clouds.push('azure');
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const r of [
    ...(slice.aws?.resources ?? []),
    ...(slice.aws?.vaults ?? []),
  ]) {
    if (r.accountId) accounts.add(r.accountId);
    if (r.region) regions.add(r.region);
  }
  for (const v of slice.azure?.vaults ?? []) {
    accounts.add(v.subscriptionId);
    regions.add(v.location);
  }
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
    accounts: [...accounts].sort(),
    regions: [...regions].sort(),
    score: evaluation?.score ?? emptyScore(),
    keyMix: keyMix(inventory),
    checkStatuses,
    ...(lastScanAt ? { lastScanAt } : {}),
    stale,
  };
  return { summary, posture };
}
