/**
 * Response and query types of the backup-posture REST API, shared by backend and frontend. They
 * are the types the OpenAPI spec generates (plugins/backup-posture-backend/src/schema/openapi.yaml,
 * `npm run schema:generate` → `./schema/openapi/generated`), named here; the only refinements are
 * the entity posture's `inventory` and `evaluation`, which the spec leaves to the engine's types.
 */
import type { components, operations, paths } from './schema/openapi/generated';
import type { EntityInventory } from './inventory';
import type {
  CheckStatus,
  CloudProvider,
  Grade,
  PostureEvaluation,
  PostureScore,
  Severity,
} from './posture';
import type { ReportSortKey } from './reportSort';
import type { PostureCoverage } from './engine/coverage';

type Schemas = components['schemas'];

/**
 * The routes of the REST API as the OpenAPI spec describes them (generated): each path's
 * operations with their parameters and responses, for a client typed by the spec.
 *
 * @public
 */
export type BackupPostureApiPaths = paths;

/**
 * The REST client the spec generates (`npm run schema:generate`): one method per operation, named
 * by its `operationId`, taking `{ path, query }` and answering a `Response` whose `json()` is typed
 * by the spec. The frontend's `BackupPostureClient` wraps it; a backend or script can use it too.
 *
 * @public
 */
export { DefaultApiClient as BackupPostureGeneratedClient } from './schema/openapi/generated';
export type {
  RequestOptions as BackupPostureRequestOptions,
  TypedResponse as BackupPostureTypedResponse,
} from './schema/openapi/generated';

/**
 * - `ok`: scanned and evaluated
 * - `not-annotated`: the entity has no backup-posture annotation (and owns no annotated entities)
 * - `invalid-annotation`: an annotation could not be parsed; see `problems`
 * - `pending`: annotated, but no scan has covered it yet
 *
 * @public
 */
export type EntityPostureState = Schemas['EntityPostureState'];

/** @public */
export type Freshness = Schemas['Freshness'];

/** A key read that failed in the last scan. @public */
export type KeyReadStatus = Schemas['KeyReadStatus'];

/** GET /entities/:kind/:namespace/:name/posture @public */
export type EntityPostureResponse = Omit<
  Schemas['EntityPostureResponse'],
  'inventory' | 'evaluation'
> & {
  inventory?: EntityInventory;
  evaluation?: PostureEvaluation;
};

/** Values derived from an entity's inventory by the engine; the frontend only renders them. @public */
export type PostureDerived = Schemas['PostureDerived'];

/** How many keys (or recovery points) each kind of key manager holds. @public */
export type KeyMix = Schemas['KeyMix'];

/** A key mix with every count at zero. @public */
export const emptyKeyMix = (): KeyMix => ({
  customer: 0,
  awsManaged: 0,
  awsOwned: 0,
  platformManaged: 0,
  unknown: 0,
});

/** One row of the group scorecard and the platform report. @public */
export type EntityPostureSummary = Schemas['EntityPostureSummary'];

/** @public */
export type FailingCheckCount = Schemas['FailingCheckCount'];

/** GET /groups/:namespace/:name/scorecard @public */
export type GroupScorecardResponse = Schemas['GroupScorecardResponse'];

/** GET /report (paged, filterable) @public */
export type ReportResponse = Schemas['ReportResponse'];

/** Query filters of GET /report. Missing values sort last in both orders (`compareReportRows`). @public */
export type ReportQuery = NonNullable<
  operations['getReport']['parameters']['query']
>;

/** One row of GET /report/findings (the findings export). @public */
export type FindingRow = Schemas['FindingRow'];

/** Query of GET /report/findings: the report's filters and the format. @public */
export type FindingsQuery = NonNullable<
  operations['getReportFindings']['parameters']['query']
>;

/** The columns of the findings export's CSV, in order. @public */
export const FINDING_COLUMNS = [
  'entityRef',
  'owner',
  'system',
  'lifecycle',
  'cloud',
  'account',
  'region',
  'subject',
  'checkId',
  'title',
  'severity',
  'status',
  'reason',
  'firstSeen',
  'exceptionApprover',
  'exceptionExpiresAt',
  'exceptionJustification',
] as const satisfies ReadonlyArray<keyof FindingRow>;

/** GET /report/trend @public */
export type ReportTrendResponse = Schemas['ReportTrendResponse'];

/** A scan's progress; the errors only for callers with `backup-posture.scan.read`. @public */
export type ScanProgress = Schemas['ScanProgress'];

/** GET /scan/status @public */
export type ScanStatusResponse = Schemas['ScanStatusResponse'];

/** POST /scan/refresh @public */
export type ScanRefreshResponse = Schemas['ScanRefreshResponse'];

/*
 * The engine's own types and the spec must say the same: each line fails to compile when they
 * drift apart (a value, a field or an optional field that only one of them has).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T | undefined => undefined;
agree<Same<CheckStatus, Schemas['CheckStatus']>>();
agree<Same<CloudProvider, Schemas['CloudProvider']>>();
agree<Same<Severity, Schemas['Severity']>>();
agree<Same<Grade, Schemas['Grade']>>();
agree<Same<ReportSortKey, NonNullable<ReportQuery['sort']>>>();
agree<Same<PostureScore, Schemas['PostureScore']>>();
agree<Same<PostureCoverage, Schemas['PostureCoverage']>>();
agree<Same<EntityInventory['scopes'][number], Schemas['ScopeStatus']>>();
agree<
  Same<
    EntityInventory['problems'][number],
    Schemas['EntityConfigurationProblem']
  >
>();
