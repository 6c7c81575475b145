import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PostureService } from '../posture/PostureService';
import { PostureStore } from '../store/PostureStore';
import { catalogFingerprint, readCatalogEntities } from './catalogEntities';
import {
  EvaluatedCatalog,
  evaluateEntities,
  FACT_EVALUATED_CATALOG,
} from './evaluateEntities';

/**
 * Keeps the stored postures in step with the catalog between scans: when the catalog is not the
 * one the last scan's postures were evaluated against (entities added, removed, re-annotated,
 * moved), every entity is evaluated again from the stored snapshots, as the last scan's rows.
 * No cloud is called. A backend whose first scan ran before its catalog was loaded thus shows its
 * entities within a minute, not at the next scan.
 */
export class CatalogFollower {
  constructor(
    private readonly deps: {
      store: PostureStore;
      posture: PostureService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Evaluates again if the catalog changed. Returns what it did: whether it evaluated, and how
   * many entities are pending because the stored scan never looked for what they map (the
   * caller then asks for a scan, once per stored scan).
   */
  async followOnce(): Promise<{
    evaluated: boolean;
    pendingCount: number;
    scanId?: string;
  }> {
    const none = { evaluated: false, pendingCount: 0 };
    const { store, posture, catalog, auth, logger } = this.deps;
    // A running scan evaluates every entity when it finishes.
    if ((await store.scans.scanStatus()).current) return none;
    const last = await store.scans.lastFinishedScan();
    if (!last?.finishedAt) return none;
    const entities = await readCatalogEntities(catalog, auth);
    const evaluated = await store.snapshots.getFact<EvaluatedCatalog>(
      FACT_EVALUATED_CATALOG,
    );
    if (
      evaluated?.scanId === last.scanId &&
      evaluated.fingerprint === catalogFingerprint(entities)
    )
      return { ...none, scanId: last.scanId };
    const result = await evaluateEntities({
      posture,
      store,
      entities,
      // Written as the last scan's rows: a newer scan's rows are never overwritten.
      scan: { id: last.scanId, startedAt: last.startedAt },
      lastScanAt: last.finishedAt,
      now: new Date().toISOString(),
    });
    logger.info(
      `Backup posture: the catalog changed since scan ${last.scanId} was evaluated; ${result.entityCount} entities evaluated again from its snapshots (${result.reusedCount} kept as they were) (${result.pendingCount} pending until the next scan)`,
    );
    return {
      evaluated: true,
      pendingCount: result.pendingCount,
      scanId: last.scanId,
    };
  }
}
