import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import {
  BackupPostureCheck,
  EntityInventory,
  POSTURE_ENGINE_VERSION,
  PostureException,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';

/**
 * The reuse key of an entity's evaluation: a content hash of everything its stored row was made
 * from. Equal keys (and a stored evaluation still valid, `validUntil`) mean evaluating again gives
 * the same row, so a scan keeps the stored one.
 */

/** JSON with object keys sorted, so equal values always serialise alike. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object')
    return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => Number(a > b) - Number(a < b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/**
 * What identifies the checks: each one's id, definition and code. Computed once per set of
 * registered checks (a module's new check or a changed definition changes every key).
 */
export function checksFingerprint(
  checks: readonly BackupPostureCheck[],
): string {
  return sha256(
    stableJson(
      checks.map(c => ({
        definition: c.definition,
        code: String(c.evaluate),
      })),
    ),
  );
}

/**
 * The scan's own bookkeeping times (when a scope, a key or a Region's settings were last read),
 * which change every scan and which the engine does not read: left out of the key. What the engine
 * reads of a scope is its state and error, of a key its description, error and, for a key whose
 * read failed, the time of its last good read. A new time-of-read field in the inventory must be
 * left out here too (the incremental evaluation test fails otherwise: nothing is reused).
 */
function withoutScanTimes(inventory: EntityInventory): unknown {
  const scope = ({ lastAttemptAt, lastSuccessAt, ...s }: ScopeStatus) =>
    s.state === 'ok' ? s : { ...s, lastSuccessAt };
  const key = <K extends { readAt?: string; lastAttemptAt?: string }>(
    k: K & { staleError?: unknown },
  ) => {
    const { readAt, lastAttemptAt, ...rest } = k;
    return k.staleError ? { ...rest, readAt } : rest;
  };
  const { collectedAt, ...rest } = inventory;
  return {
    ...rest,
    scopes: inventory.scopes.map(scope),
    ...(inventory.aws
      ? {
          aws: {
            ...inventory.aws,
            keys: inventory.aws.keys.map(key),
            ...(inventory.aws.regionSettings
              ? {
                  regionSettings: inventory.aws.regionSettings.map(
                    ({ readAt, ...settings }) => settings,
                  ),
                }
              : {}),
          },
        }
      : {}),
    ...(inventory.azure
      ? {
          azure: { ...inventory.azure, keys: inventory.azure.keys.map(key) },
        }
      : {}),
  };
}

/** The catalog fields the row shows or the mapping reads. */
function entityFields(entity: Entity) {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    annotations: entity.metadata.annotations,
    owner: spec.owner,
    system: spec.system,
    lifecycle: spec.lifecycle,
  };
}

/** What identifies a leaf entity's own inputs besides its slice: catalog fields, exceptions, engine. */
export function leafHeaderHash(input: {
  entity: Entity;
  exceptions: PostureException[];
  checks: string;
  limits?: unknown;
}): string {
  // Plain JSON: the fields are listed in a fixed order here, and a catalog that lists the same
  // annotations in another order only costs the entity a slicing, never a wrong reuse.
  return sha256(
    `${POSTURE_ENGINE_VERSION}\u0000${input.checks}\u0000${JSON.stringify([
      input.limits ?? null,
      input.exceptions,
      entityFields(input.entity),
    ])}`,
  );
}

/**
 * The reuse key of a leaf entity (a component, a resource…): its header and its slice. The
 * inventory, the bulk, is serialised with plain `JSON.stringify` (the slice is built by the same
 * code from the same stored JSON every time, so equal content comes out alike; were an order ever
 * to differ, the entity would only be evaluated again, never wrongly kept).
 */
export function leafInputHash(
  header: string,
  state: string,
  inventory: EntityInventory,
): string {
  return createHash('sha256')
    .update(`${header}\u0000${state}\u0000`)
    .update(JSON.stringify(withoutScanTimes(inventory)))
    .digest('hex');
}

/** The scan's own read times, as `JSON.stringify` replacer: out of {@link indexFingerprint}. */
function scanTimesOut(this: unknown, key: string, value: unknown) {
  const holder = this as Record<string, unknown>;
  if (key === 'lastAttemptAt' || key === 'collectedAt') return undefined;
  if (key === 'readAt' && !holder.staleError) return undefined;
  if (key === 'lastSuccessAt' && holder.state === 'ok') return undefined;
  return value;
}

/**
 * A fingerprint of everything a provider's index is built from (scopes, keys, facts), less the
 * scan's own read times: equal from one evaluation to the next, every entity's slice is equal too,
 * so an entity whose header did not change keeps its row without being sliced. A read time this
 * does not know of only makes it differ every scan (each entity is then sliced and compared).
 */
export function indexFingerprint(parts: unknown): string {
  return sha256(JSON.stringify(parts, scanTimesOut));
}

/** The reuse key of a system, group or domain: its own fields and its members' keys. */
export function rollUpInputHash(input: {
  entity: Entity;
  members: Array<[ref: string, hash: string | undefined]>;
  checks: string;
}): string {
  const members = input.members
    .map(([ref, hash]) => `${ref}=${hash ?? ''}`)
    .sort();
  return createHash('sha256')
    .update(
      stableJson({
        engine: POSTURE_ENGINE_VERSION,
        checks: input.checks,
        entity: entityFields(input.entity),
      }),
    )
    .update(`\u0000${members.join('\n')}`)
    .digest('hex');
}
