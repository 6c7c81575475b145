import {
  CheckStatus,
  EntityPostureResponse,
  EntityPostureState,
  EntityPostureSummary,
  FactError,
  PostureEvaluation,
  PostureScore,
  ReportQuery,
  ReportTrendResponse,
  ScanProgress,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import {
  DescribedKey,
  InventoryScope,
} from '@backup-posture/plugin-backup-posture-node';
import { ScanFence } from './fence';

export type { ScanFence } from './fence';

export interface EntityRow {
  summary: EntityPostureSummary;
  posture: EntityPostureResponse;
  /** The reuse key: a hash of what the row was made from (posture/inputHash.ts). */
  inputHash?: string;
  /** Its parts: the entity's own inputs, and the fingerprint of the index it was sliced from. */
  headerHash?: string;
  indexFingerprint?: string;
  /** Until when the row's evaluation holds (the engine's `validUntil`); absent: as long as its inputs. */
  validUntil?: string;
}

/** What a scan needs of a stored row to keep it instead of evaluating the entity again. */
export interface StoredReuseKey {
  inputHash: string;
  headerHash?: string;
  indexFingerprint?: string;
  validUntil?: string;
  state: EntityPostureState;
  kind: string;
  score: PostureScore;
}

export interface ScanTotals {
  score: number | null;
  grade: string | null;
  entities: number;
  counts: Record<string, number>;
}

/** Scans and their trend: one row per scan, the lock-free bookkeeping of who runs and how far. */
export interface ScanStore {
  /** Opens a scan; a still-running older scan is closed as interrupted (superseded). */
  startScan(scan: {
    id: string;
    trigger: ScanProgress['trigger'];
    startedAt: string;
  }): Promise<void>;
  /** Marks a running scan alive; false when its row was closed meanwhile (it must stop). */
  heartbeat(scanId: string, at: string): Promise<boolean>;
  /** Closes the running scans not marked alive since `staleBefore`; returns those this call closed. */
  closeStaleScans(staleBefore: string, at: string): Promise<string[]>;
  updateProgress(
    scanId: string,
    progress: {
      scopesTotal: number;
      scopesDone: number;
      errors: ScanProgress['errors'];
    },
  ): Promise<boolean>;
  recordKeyErrors(
    scanId: string,
    keyErrors: NonNullable<ScanProgress['keyErrors']>,
  ): Promise<boolean>;
  finishScan(
    scanId: string,
    state: ScanProgress['state'],
    finishedAt: string,
    totals?: ScanTotals,
    error?: FactError,
  ): Promise<boolean>;
  scanStatus(): Promise<{ current?: ScanProgress; last?: ScanProgress }>;
  lastFinishedScan(): Promise<ScanProgress | undefined>;
  countScans(): Promise<number>;
  trend(limit: number): Promise<ReportTrendResponse>;
  pruneScans(olderThan: string): Promise<void>;
  /** Records a refresh asked for by `requestedBy` (on any replica) for the next scan to take. */
  requestScan(requestedBy: string, at: string): Promise<void>;
  /** Who asked for the pending refresh, if anyone; the request is taken (removed). */
  takeScanRequest(): Promise<string | undefined>;
}

/** A stored scope: its status and, unless it never succeeded, its last good snapshot. */
export interface StoredScopeRow<T> {
  status: ScopeStatus;
  snapshot?: T;
}

/**
 * What discovery read, for every cloud alike: scope snapshots (kept through failures) by (cloud,
 * account, region), key descriptions by (cloud, key id), facts by name.
 */
export interface SnapshotStore {
  saveScopeSnapshot(
    scope: InventoryScope,
    snapshot: unknown,
    scan: ScanFence,
    at: string,
  ): Promise<void>;
  saveScopeFailure(
    scope: InventoryScope,
    error: FactError,
    scan: ScanFence,
    at: string,
  ): Promise<void>;
  listScopes<T>(cloud: string): Promise<Array<StoredScopeRow<T>>>;
  saveKeys<K extends DescribedKey>(
    cloud: string,
    facts: K[],
    idOf: (fact: K) => string,
    scan: ScanFence,
    at: string,
  ): Promise<void>;
  listKeys<K>(cloud: string): Promise<K[]>;
  setFact(name: string, value: unknown, at: string): Promise<void>;
  getFact<T>(name: string): Promise<T | undefined>;
  /** The facts whose name starts with `prefix`, by the rest of their name. */
  listFacts(prefix: string): Promise<Record<string, unknown>>;
}

/** The report's filter (the query string's, with refs normalised) and the kinds it leaves out. */
export type ReportFilter = Pick<
  ReportQuery,
  'owner' | 'system' | 'lifecycle' | 'cloud' | 'q' | 'check' | 'status'
> & { excludeKinds?: readonly string[] };

/** One entity of the report, light: what sorting, paging, roll-up and failing counts need. */
export interface ReportRow {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  state: EntityPostureState;
  score: PostureScore;
  lastScanAt?: string;
  failingCheckIds: string[];
}

/** A stored posture, for the findings export. */
export interface PostureSource {
  entityRef: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  postureGzip: Buffer;
  /** When the check entered its current status for the entity, if recorded. */
  since(checkId: string): string | undefined;
}

/** Evaluated entity postures: summary and compressed posture per entity, and the report's query. */
export interface EntityPostureStore {
  replaceEntities(
    rows: EntityRow[],
    scan: ScanFence,
    at: string,
  ): Promise<void>;
  /** Returns the previous check results of the entities it wrote that had some. */
  upsertEntities(
    rows: EntityRow[],
    scan: ScanFence,
    at: string,
  ): Promise<Map<string, Record<string, CheckStatus>>>;
  /**
   * Deletes the rows of older scans (entities the scan did not write: gone from the catalog).
   * With `writtenAt`, for an evaluation of the same scan again, also the rows of that scan not
   * written since `writtenAt`.
   */
  /** The reuse keys of the stored rows that have one, by entity ref. */
  getReuseKeys(): Promise<Map<string, StoredReuseKey>>;
  /**
   * Marks stored rows as the scan's, unchanged otherwise (their evaluation is reused): a cheap
   * update of the scan columns, fenced like a write. Returns how many rows it marked (a row a
   * newer scan wrote is left as it is).
   */
  markReused(
    rows: Array<{ entityRef: string; inputHash: string }>,
    scan: ScanFence,
    at: string,
    lastScanAt: string,
    indexFingerprint?: string,
  ): Promise<number>;
  /** The stored evaluations of `entityRefs` (for roll-ups whose members were reused). */
  getEvaluations(entityRefs: string[]): Promise<Map<string, PostureEvaluation>>;
  deleteEntitiesNotInScan(
    scan: Exclude<ScanFence, string>,
    options?: { writtenAt?: string },
  ): Promise<void>;
  getEntityPostureGzip(entityRef: string): Promise<Buffer | undefined>;
  getSummaries(entityRefs: string[]): Promise<EntityPostureSummary[]>;
  queryReportRows(filter: ReportFilter): Promise<ReportRow[]>;
  streamPostures(
    filter: ReportFilter,
    pageSize?: number,
  ): AsyncGenerator<PostureSource[]>;
}

export type { ScanProgress, FactError };
