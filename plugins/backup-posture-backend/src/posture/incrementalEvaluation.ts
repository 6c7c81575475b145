import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BackupPostureCheck,
  PostureEvaluation,
  PostureException,
  ProviderLineageBuilder,
} from '@backup-posture/plugin-backup-posture-common';
import { buildRollUps, isRollUpKind } from '../mapping/rollUp';
import { EntityMappings } from '../providers/entityMappings';
import { PostureIndex } from '../providers/PostureIndex';
import { EntityRow, StoredReuseKey } from '../store/types';
import {
  computeEntityPosture,
  entityRefOf,
  exceptionsOf,
  PostureInput,
  prepareEntityPosture,
} from './entityPosture';
import { leafHeaderHash, leafInputHash, rollUpInputHash } from './inputHash';

/** One entity of a scan's evaluation: a row evaluated now, or a stored row kept as it is. */
export type EvaluatedEntity =
  | { row: EntityRow; reused?: undefined }
  | {
      row?: undefined;
      reused: { entityRef: string; inputHash: string; stored: StoredReuseKey };
    };

/** The stored reuse keys of a scan's entities, and a way to read back their evaluations. */
export type EvaluationReuse = {
  stored: Map<string, StoredReuseKey>;
  loadEvaluations(refs: string[]): Promise<Map<string, PostureEvaluation>>;
};

/** What an evaluation needs from the posture service. */
export type EvaluationContext = {
  logger: LoggerService;
  exceptions: PostureException[];
  checks: readonly BackupPostureCheck[];
  lineage: Record<string, ProviderLineageBuilder>;
  /** The reuse keys' part for the registered checks. */
  checksKey: string;
  mappingOf(entity: Entity): EntityMappings | undefined;
};

/**
 * Rows for every mapped entity and every system/group/domain with mapped members, one at a time,
 * leaves first; with `reuse`, the entities whose reuse key and validity let them be kept come back
 * as `reused` instead (see PostureService.evaluateEach).
 */
export async function* evaluateIncrementally(
  context: EvaluationContext,
  entities: Entity[],
  index: PostureIndex,
  now: string,
  lastScanAt: string,
  reuse?: EvaluationReuse,
): AsyncGenerator<EvaluatedEntity> {
  const mappings = new Map<string, EntityMappings>();
  for (const e of entities) {
    if (isRollUpKind(e.kind)) continue;
    const m = context.mappingOf(e);
    if (m) mappings.set(entityRefOf(e), m);
  }
  const rollUps = buildRollUps(entities);
  const checks = context.checksKey;
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
          exceptions: context.exceptions,
          checks: context.checks,
          lineage: context.lineage,
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
          exceptions: context.exceptions,
          checks: context.checks,
          lineage: context.lineage,
          now,
          lastScanAt,
        };
        const headerHash = leafHeaderHash({
          entity,
          exceptions: exceptionsOf(context.exceptions, ref),
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
      context.logger.error(`Failed to evaluate backup posture of ${ref}: ${e}`);
    }
    if (row) yield { row };
  }
}
