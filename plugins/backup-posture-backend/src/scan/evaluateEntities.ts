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

/** Rows kept from the previous evaluation, marked as the scan's together (a cheap update). */
const REUSE_MARK_BATCH = 2000;

/** The longest the evaluation holds the event loop before letting other work run. */
const YIELD_EVERY_MS = 20;

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
  /** Entities whose stored row was kept: same inputs, evaluation still valid (not evaluated). */
  reusedCount: number;
  regressions: EntityRegression[];
}

/**
 * Evaluates every entity whose inputs changed (or whose stored evaluation's validity ended) from
 * the stored snapshots and writes the rows in batches (all rows at
 * once held every entity's inventory slice in memory together: gigabytes at 10,000 entities,
 * docs/benchmarks.md), as the scan `scan`'s; the other entities' stored rows are kept and marked
 * as the scan's. Rows of a newer scan stay, rows of entities gone
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
  const stored = await store.entities.getReuseKeys().catch(fail);
  const leafScores: PostureScore[] = [];
  const regressions: EntityRegression[] = [];
  const write = async (rows: EntityRow[]) => {
    if (!rows.length) return;
    const previous = await store.entities
      .upsertEntities(rows, scan, deps.now)
      .catch(fail);
    if (notifier) regressions.push(...notifier.regressionsIn(rows, previous));
  };
  const markReused = async (
    rows: Array<{ entityRef: string; inputHash: string }>,
  ) => {
    if (!rows.length) return;
    await store.entities
      .markReused(rows, scan, deps.now, deps.lastScanAt, index.fingerprint)
      .catch(fail);
  };
  let batch: EntityRow[] = [];
  let reusedBatch: Array<{ entityRef: string; inputHash: string }> = [];
  let entityCount = 0;
  let pendingCount = 0;
  let reusedCount = 0;
  let lastYield = Date.now();
  for await (const item of posture.evaluateEach(
    entities,
    index,
    deps.now,
    deps.lastScanAt,
    {
      stored,
      loadEvaluations: refs => store.entities.getEvaluations(refs),
    },
  )) {
    entityCount++;
    const summary = item.row
      ? item.row.summary
      : { ...item.reused.stored, kind: item.reused.stored.kind };
    if (summary.state === 'pending') pendingCount++;
    if (summary.state === 'ok' && !isRollUpKind(summary.kind)) {
      leafScores.push(summary.score);
    }
    if (item.row) batch.push(item.row);
    else {
      reusedCount++;
      reusedBatch.push(item.reused);
    }
    if (batch.length >= ENTITY_WRITE_BATCH) {
      await write(batch);
      batch = [];
    }
    if (reusedBatch.length >= REUSE_MARK_BATCH) {
      await markReused(reusedBatch);
      reusedBatch = [];
    }
    // Evaluating is synchronous: give the event loop a turn at least every few milliseconds.
    if (Date.now() - lastYield >= YIELD_EVERY_MS) {
      await new Promise(resolve => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
  await write(batch);
  await markReused(reusedBatch);
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
    reusedCount,
    regressions,
  };
}
