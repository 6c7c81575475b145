import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BackupPostureCheck,
  EntityPostureResponse,
  PostureEvaluation,
  PostureException,
  ProviderLineageBuilder,
} from '@backup-posture/plugin-backup-posture-common';
import { InventoryProvider } from '@backup-posture/plugin-backup-posture-node';
import { buildRollUps, isRollUpKind } from '../mapping/rollUp';
import {
  EntityMappings,
  readEntityMappings,
} from '../providers/entityMappings';
import { loadPostureIndex, PostureIndex } from '../providers/PostureIndex';
import { PostureStore } from '../store/PostureStore';
import { EntityRow, StoredReuseKey } from '../store/types';
import {
  computeEntityPosture,
  entityRefOf,
  exceptionsOf,
  PostureInput,
  prepareEntityPosture,
} from './entityPosture';
import {
  checksFingerprint,
  leafHeaderHash,
  leafInputHash,
  rollUpInputHash,
} from './inputHash';

/** One entity of a scan's evaluation: a row evaluated now, or a stored row kept as it is. */
export type EvaluatedEntity =
  | { row: EntityRow; reused?: undefined }
  | {
      row?: undefined;
      reused: { entityRef: string; inputHash: string; stored: StoredReuseKey };
    };

/** What the entity route sends: stored compressed JSON as is, or a posture computed now. */
export type PostureAnswer =
  { gzipped: Buffer } | { posture: EntityPostureResponse };

/**
 * Evaluates entities from stored snapshots (during a scan, for all of them at once) and answers the
 * entity posture route from the stored result.
 */
export class PostureService {
  constructor(
    private readonly deps: {
      store: PostureStore;
      catalog: CatalogService;
      logger: LoggerService;
      exceptions: PostureException[];
      /** The checks registered through the extension point (built-in and from modules). */
      checks: readonly BackupPostureCheck[];
      /** The inventory providers (clouds), built-in and from modules. */
      providers: readonly InventoryProvider[];
    },
  ) {
    for (const provider of deps.providers) {
      if (provider.lineage) this.lineage[provider.cloud] = provider.lineage;
    }
  }

  /** The lineage builders of module clouds, by cloud (AWS and Azure lineage is the engine's). */
  private readonly lineage: Record<string, ProviderLineageBuilder> = {};

  get providers(): readonly InventoryProvider[] {
    return this.deps.providers;
  }

  /** What the entity's annotations say, for every provider; `undefined` when none maps it. */
  mappingOf(entity: Entity): EntityMappings | undefined {
    return readEntityMappings(entity, this.deps.providers);
  }

  /** Every provider's stored inventory, indexed for slicing. */
  loadIndex(): Promise<PostureIndex> {
    return loadPostureIndex(this.deps.store.snapshots, this.deps.providers);
  }

  /**
   * Rows for every mapped entity and every system/group/domain with mapped members, one at a
   * time, so a scan can write them in batches: each row carries its inventory slice and evaluation
   * (tens of KB), and 10,000 of them at once took gigabytes of heap (docs/benchmarks.md).
   *
   * With `reuse`, an entity whose reuse key (posture/inputHash.ts) equals its stored row's, and
   * whose stored evaluation is still valid at `now`, is not evaluated again: it comes back as
   * `reused`. A roll-up is evaluated again when any member's key changed or its validity ended
   * (its reused members' evaluations are then read back with `reuse.loadEvaluations`).
   */
  async *evaluateEach(
    entities: Entity[],
    index: PostureIndex,
    now: string,
    lastScanAt: string,
    reuse?: {
      stored: Map<string, StoredReuseKey>;
      loadEvaluations(refs: string[]): Promise<Map<string, PostureEvaluation>>;
    },
  ): AsyncGenerator<EvaluatedEntity> {
    const mappings = new Map<string, EntityMappings>();
    for (const e of entities) {
      if (isRollUpKind(e.kind)) continue;
      const m = this.mappingOf(e);
      if (m) mappings.set(entityRefOf(e), m);
    }
    const rollUps = buildRollUps(entities);
    const checks = this.checksKey();
    // Members first: a system's or group's posture is rolled up from its members' evaluations,
    // kept here (without their inventories) until the roll-ups are done.
    const evaluations = new Map<string, PostureEvaluation>();
    const hashes = new Map<string, string>();
    const validity = new Map<string, string | undefined>();
    const stillValid = (s: StoredReuseKey) =>
      !(s.validUntil && now >= s.validUntil);
    const keep = (ref: string, hash: string) => {
      const s = reuse?.stored.get(ref);
      return s && s.inputHash === hash && stillValid(s) ? s : undefined;
    };
    const leavesFirst = [
      ...entities.filter(e => !isRollUpKind(e.kind)),
      ...entities.filter(e => isRollUpKind(e.kind)),
    ];
    for (const entity of leavesFirst) {
      const ref = entityRefOf(entity);
      let row: EntityRow | undefined;
      try {
        if (isRollUpKind(entity.kind)) {
          const memberRefs = [...(rollUps.get(ref) ?? [])].filter(r =>
            mappings.has(r),
          );
          const members = memberRefs.map(r => mappings.get(r)!);
          if (members.length === 0) continue;
          const inputHash = rollUpInputHash({
            entity,
            members: memberRefs.map(r => [r, hashes.get(r)]),
            checks,
          });
          const validUntil = memberRefs
            .map(r => validity.get(r))
            .filter((v): v is string => Boolean(v))
            .sort()[0];
          const kept = keep(ref, inputHash);
          if (kept) {
            yield { reused: { entityRef: ref, inputHash, stored: kept } };
            continue;
          }
          const missing = memberRefs.filter(
            r => !evaluations.has(r) && reuse?.stored.has(r),
          );
          const loaded = missing.length
            ? await reuse!.loadEvaluations(missing)
            : new Map<string, PostureEvaluation>();
          row = computeEntityPosture({
            entity,
            mappings: members.filter(m => m.problems.length === 0),
            problems: members.flatMap(m => m.problems),
            rollUp: true,
            memberEvaluations: memberRefs
              .map(r => evaluations.get(r) ?? loaded.get(r))
              .filter((e): e is PostureEvaluation => Boolean(e)),
            index,
            exceptions: this.deps.exceptions,
            checks: this.deps.checks,
            lineage: this.lineage,
            now,
            lastScanAt,
          });
          row.inputHash = inputHash;
          if (index.fingerprint) row.indexFingerprint = index.fingerprint;
          if (validUntil) row.validUntil = validUntil;
        } else {
          const m = mappings.get(ref);
          if (!m) continue;
          const input: PostureInput = {
            entity,
            mappings: m.problems.length ? [] : [m],
            problems: m.problems,
            rollUp: false,
            index,
            exceptions: this.deps.exceptions,
            checks: this.deps.checks,
            lineage: this.lineage,
            now,
            lastScanAt,
          };
          const headerHash = leafHeaderHash({
            entity,
            exceptions: exceptionsOf(this.deps.exceptions, ref),
            checks,
          });
          // The index is what the stored row was sliced from, and the entity the same: its
          // slice is too, so it is kept without slicing it again.
          const same = reuse?.stored.get(ref);
          if (
            same &&
            index.fingerprint &&
            same.indexFingerprint === index.fingerprint &&
            same.headerHash === headerHash &&
            stillValid(same)
          ) {
            hashes.set(ref, same.inputHash);
            validity.set(ref, same.validUntil);
            yield {
              reused: {
                entityRef: ref,
                inputHash: same.inputHash,
                stored: same,
              },
            };
            continue;
          }
          const prepared = prepareEntityPosture(input);
          const inputHash = leafInputHash(
            headerHash,
            prepared.state,
            prepared.inventory,
          );
          hashes.set(ref, inputHash);
          const kept = keep(ref, inputHash);
          if (kept) {
            validity.set(ref, kept.validUntil);
            yield { reused: { entityRef: ref, inputHash, stored: kept } };
            continue;
          }
          row = computeEntityPosture(input, prepared);
          row.headerHash = headerHash;
          if (index.fingerprint) row.indexFingerprint = index.fingerprint;
          row.inputHash = inputHash;
          const validUntil = row.posture.evaluation?.validUntil;
          if (validUntil) row.validUntil = validUntil;
          validity.set(ref, validUntil);
          if (row.posture.evaluation)
            evaluations.set(ref, row.posture.evaluation);
        }
      } catch (e) {
        // One entity's evaluation bug must not cost every other entity its result.
        this.deps.logger.error(
          `Failed to evaluate backup posture of ${ref}: ${e}`,
        );
      }
      if (row) yield { row };
    }
  }

  private checksKeyMemo?: string;

  /** The reuse keys' part for the registered checks, computed once. */
  private checksKey(): string {
    this.checksKeyMemo ??= checksFingerprint(this.deps.checks);
    return this.checksKeyMemo;
  }

  /**
   * The entity's posture; the entity must be readable with the caller's credentials. A stored
   * posture comes back as its compressed JSON, to be sent without parsing it again.
   */
  async answerEntityPosture(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<PostureAnswer> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    const ref = entityRefOf(entity);
    const stored = await this.deps.store.entities.getEntityPostureGzip(ref);
    const rollUp = isRollUpKind(entity.kind);
    const mapping = rollUp ? undefined : this.mappingOf(entity);
    if (stored && (rollUp || mapping)) return { gzipped: stored };
    const empty = { stale: false, scopes: [] };
    if (!mapping) {
      return {
        posture: {
          entityRef: ref,
          state: 'not-annotated',
          problems: [],
          freshness: empty,
        },
      };
    }
    if (mapping.problems.length) {
      return {
        posture: {
          entityRef: ref,
          state: 'invalid-annotation',
          problems: mapping.problems,
          freshness: empty,
        },
      };
    }
    // Annotated after the last scan: evaluate now from the stored snapshots.
    const last = await this.deps.store.scans.lastFinishedScan();
    const index = await this.loadIndex();
    return {
      posture: computeEntityPosture({
        entity,
        mappings: [mapping],
        problems: [],
        rollUp: false,
        index,
        exceptions: this.deps.exceptions,
        checks: this.deps.checks,
        lineage: this.lineage,
        now: new Date().toISOString(),
        lastScanAt: last?.finishedAt,
      }).posture,
    };
  }
}
