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
  PostureException,
  ProviderLineageBuilder,
} from '@backup-posture/plugin-backup-posture-common';
import { InventoryProvider } from '@backup-posture/plugin-backup-posture-node';
import { isRollUpKind } from '../mapping/rollUp';
import {
  EntityMappings,
  readEntityMappings,
} from '../providers/entityMappings';
import { loadPostureIndex, PostureIndex } from '../providers/PostureIndex';
import { PostureStore } from '../store/PostureStore';
import { computeEntityPosture, entityRefOf } from './entityPosture';
import {
  EvaluatedEntity,
  evaluateIncrementally,
  EvaluationReuse,
} from './incrementalEvaluation';
import { checksFingerprint } from './inputHash';

export type { EvaluatedEntity } from './incrementalEvaluation';

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
    reuse?: EvaluationReuse,
  ): AsyncGenerator<EvaluatedEntity> {
    yield* evaluateIncrementally(
      {
        logger: this.deps.logger,
        exceptions: this.deps.exceptions,
        checks: this.deps.checks,
        lineage: this.lineage,
        checksKey: this.checksKey(),
        mappingOf: e => this.mappingOf(e),
      },
      entities,
      index,
      now,
      lastScanAt,
      reuse,
    );
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
