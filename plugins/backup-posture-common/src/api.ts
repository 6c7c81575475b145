/** Response types of the backup-posture REST API, shared by backend and frontend. */
import {
  EntityConfigurationProblem,
  EntityInventory,
  FactError,
  ScopeStatus,
} from './inventory';
import {
  CheckStatus,
  CloudProvider,
  Grade,
  PostureEvaluation,
  PostureScore,
  Severity,
} from './posture';
import type { ReportSortKey } from './reportSort';
import type { PostureCoverage } from './engine/coverage';

/**
 * - `ok`: scanned and evaluated
 * - `not-annotated`: the entity has no backup-posture annotation (and owns no annotated entities)
 * - `invalid-annotation`: an annotation could not be parsed; see `problems`
 * - `pending`: annotated, but no scan has covered it yet
 *
 * @public
 */
export type EntityPostureState =
  'ok' | 'not-annotated' | 'invalid-annotation' | 'pending';

/** @public */
export interface Freshness {
  /** When the scan that produced this data finished. */
  lastScanAt?: string;
  /**
   * True when some scope of this entity failed in the last scan, or a key it depends on could not
   * be read again, and older data is shown.
   */
  stale: boolean;
  scopes: ScopeStatus[];
  /**
   * The keys of this entity (KMS keys, Key Vault keys) whose read failed in the last scan: `stale`
   * (the last good description is shown, from `lastSuccessAt`) or `error` (never read).
   */
  keys?: KeyReadStatus[];
}

/** A key read that failed in the last scan. @public */
export interface KeyReadStatus {
  cloud: CloudProvider;
  /** KMS key ARN or Key Vault key URI. */
  key: string;
  state: 'stale' | 'error';
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  error: FactError;
}

/** GET /entities/:kind/:namespace/:name/posture @public */
export interface EntityPostureResponse {
  entityRef: string;
  state: EntityPostureState;
  problems: EntityConfigurationProblem[];
  freshness: Freshness;
  inventory?: EntityInventory;
  evaluation?: PostureEvaluation;
  /** What the engine derives from `inventory`, computed once (absent with it). */
  derived?: PostureDerived;
}

/** Values derived from an entity's inventory by the engine; the frontend only renders them. @public */
export interface PostureDerived {
  /** The entity's distinct keys by who manages them (as the report's `keyMix` counts them). */
  keysByManager: KeyMix;
  /** The entity's recovery points by who manages their key; Azure vaults once each. */
  recoveryPointsByKeyManager: KeyMix;
  coverage: PostureCoverage;
}

/** @public */
export interface KeyMix {
  /** Customer-managed (KMS customer keys, Azure vaults with a customer-managed key). */
  customer: number;
  awsManaged: number;
  awsOwned: number;
  /** Azure vaults on platform-managed keys. */
  platformManaged: number;
  unknown: number;
}

/** A key mix with every count at zero. @public */
export const emptyKeyMix = (): KeyMix => ({
  customer: 0,
  awsManaged: 0,
  awsOwned: 0,
  platformManaged: 0,
  unknown: 0,
});

/** One row of the group scorecard and the platform report. @public */
export interface EntityPostureSummary {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  state: EntityPostureState;
  clouds: CloudProvider[];
  accounts: string[];
  regions: string[];
  score: PostureScore;
  /** The entity's distinct keys by who manages them (`PostureDerived.keysByManager`). */
  keyMix: KeyMix;
  /** Check ids by status, for filtering and the "worst failing checks" lists. */
  checkStatuses: Record<string, CheckStatus>;
  lastScanAt?: string;
  stale: boolean;
}

/** @public */
export interface FailingCheckCount {
  checkId: string;
  title: string;
  severity: Severity;
  entities: number;
}

/** GET /groups/:namespace/:name/scorecard @public */
export interface GroupScorecardResponse {
  groupRef: string;
  score: PostureScore;
  gradeDistribution: Record<Grade | 'none', number>;
  topFailingChecks: FailingCheckCount[];
  entities: EntityPostureSummary[];
}

/** GET /report (paged, filterable) @public */
export interface ReportResponse {
  items: EntityPostureSummary[];
  totalCount: number;
  offset: number;
  limit: number;
  score: PostureScore;
  topFailingChecks: FailingCheckCount[];
}

/** Query filters of GET /report. @public */
export interface ReportQuery {
  offset?: number;
  limit?: number;
  owner?: string;
  system?: string;
  lifecycle?: string;
  cloud?: CloudProvider;
  check?: string;
  status?: CheckStatus;
  q?: string;
  /** Missing values (unknown grade, no owner…) come last in both orders: see `compareReportRows`. */
  sort?: ReportSortKey;
  order?: 'asc' | 'desc';
}

/** GET /report/trend @public */
export interface ReportTrendResponse {
  points: Array<{
    scanId: string;
    finishedAt: string;
    score: number | null;
    grade: Grade | null;
    entities: number;
    counts: Record<CheckStatus, number>;
  }>;
}

/** @public */
export interface ScanProgress {
  scanId: string;
  trigger: 'schedule' | 'manual' | 'startup';
  /**
   * `failed`: every scope failed, or the scan itself did (its database, see `error`);
   * `interrupted`: stopped before the end (shutdown, the scheduler's timeout, its backend gone,
   * or a newer scan took over), see `error`.
   */
  state: 'running' | 'succeeded' | 'partial' | 'failed' | 'interrupted';
  startedAt: string;
  finishedAt?: string;
  scopesTotal: number;
  scopesDone: number;
  /**
   * Errors of AWS account × region and Azure subscription scopes. Empty for a caller without
   * the `backup-posture.scan.read` permission: `errorCount` still says how many.
   */
  errors: Array<{ account: string; region: string; error: FactError }>;
  /** How many scopes failed (also for callers who may not read the errors). */
  errorCount: number;
  /** How many key reads (KMS DescribeKey, Key Vault get key) failed in this scan. */
  keyErrorCount?: number;
  /**
   * The key reads that failed in this scan; empty without the `backup-posture.scan.read`
   * permission.
   */
  keyErrors?: Array<{ cloud: CloudProvider; key: string; error: FactError }>;
  /**
   * The scan's own failure or interruption (never a scope's error); only with the
   * `backup-posture.scan.read` permission.
   */
  error?: FactError;
}

/** GET /scan/status @public */
export interface ScanStatusResponse {
  current?: ScanProgress;
  last?: ScanProgress;
}

/** POST /scan/refresh @public */
export interface ScanRefreshResponse {
  accepted: boolean;
  message: string;
}
