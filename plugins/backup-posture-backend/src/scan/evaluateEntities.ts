import { Entity } from '@backstage/catalog-model';
import {
  PostureScore,
  rollUpScores,
} from '@backup-posture/plugin-backup-posture-common';
import { isRollUpKind } from '../mapping/rollUp';
import { RegressionNotifier } from '../notifications/RegressionNotifier';
import { EntityRegression } from '../notifications/regressions';
import { PostureService } from '../posture/PostureService';
import { PostureStore } from '../store/PostureStore';
import { EntityRow, ScanFence } from '../store/types';
import { catalogFingerprint } from './catalogEntities';

/** Entity rows evaluated and written together (each is tens of KB of JSON). */
const ENTITY_WRITE_BATCH = 200;

/** The fact naming the catalog the stored postures were evaluated against, and the scan. */
export const FACT_EVALUATED_CATALOG = 'backup-posture.evaluatedCatalog';

/** What {@link FACT_EVALUATED_CATALOG} holds. */
export interface EvaluatedCatalog {
  scanId: string;
  fingerprint: string;
}

export interface EvaluationResult {
  entityCount: number;
  /** The platform score over the evaluated leaf entities. */
  total: ReturnType<typeof rollUpScores>;
  leafCount: number;
  /** Mapped entities the stored snapshots cannot answer for yet (`covers`): the next scan does. */
  pendingCount: number;
  regressions: EntityRegression[];
}

/**
 * Evaluates every entity from the stored snapshots and writes the rows in batches (all rows at
 * once held every entity's inventory slice in memory together: gigabytes at 10,000 entities,
 * docs/benchmarks.md), as the scan `scan`'s: rows of a newer scan stay, rows of entities gone
 * from the catalog are deleted. Records which catalog this was, so the catalog follower knows
 * when the catalog changed since.
 */
export async function evaluateEntities(deps: {
  posture: PostureService;
  store: PostureStore;
  entities: Entity[];
  scan: Exclude<ScanFence, string>;
  /** When the evaluated snapshots were finished: each posture's `lastScanAt`. */
  lastScanAt: string;
  now: string;
  notifier?: RegressionNotifier;
  /** Called with a database error; throws. */
  failScan?: (e: unknown) => never;
}): Promise<EvaluationResult> {
  const { posture, store, entities, scan, notifier } = deps;
  const fail =
    deps.failScan ??
    ((e: unknown): never => {
      throw e;
    });
  const index = await posture.loadIndex().catch(fail);
  const leafScores: PostureScore[] = [];
  const regressions: EntityRegression[] = [];
  const write = async (rows: EntityRow[]) => {
    const previous = await store.entities
      .upsertEntities(rows, scan, deps.now)
      .catch(fail);
    if (notifier) regressions.push(...notifier.regressionsIn(rows, previous));
  };
  let batch: EntityRow[] = [];
  let entityCount = 0;
  let pendingCount = 0;
  for (const row of posture.evaluateEach(
    entities,
    index,
    deps.now,
    deps.lastScanAt,
  )) {
    entityCount++;
    if (row.summary.state === 'pending') pendingCount++;
    if (row.summary.state === 'ok' && !isRollUpKind(row.summary.kind)) {
      leafScores.push(row.summary.score);
    }
    batch.push(row);
    if (batch.length >= ENTITY_WRITE_BATCH) {
      await write(batch);
      batch = [];
    }
  }
  await write(batch);
  await store.entities
    .deleteEntitiesNotInScan(scan, { writtenAt: deps.now })
    .catch(fail);
  const evaluated: EvaluatedCatalog = {
    scanId: scan.id,
    fingerprint: catalogFingerprint(entities),
  };
  await store.snapshots
    .setFact(FACT_EVALUATED_CATALOG, evaluated, deps.now)
    .catch(fail);
  return {
    entityCount,
    total: rollUpScores(leafScores),
    leafCount: leafScores.length,
    pendingCount,
    regressions,
  };
}
