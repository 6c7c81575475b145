/**
 * The order of the report's rows, defined once: the backend sorts the whole report with it and
 * the frontend's table sorts the page it shows with it, so the two never disagree.
 */
import { EntityPostureSummary, ReportQuery } from './api';
import { Grade } from './posture';

/**
 * What the order of a report row depends on: a whole summary, or the light row the backend reads
 * for each entity of the report (its failing checks listed, not every check's status).
 *
 * @public
 */
export type ReportSortRow = Pick<
  EntityPostureSummary,
  | 'entityRef'
  | 'title'
  | 'owner'
  | 'system'
  | 'lifecycle'
  | 'state'
  | 'score'
  | 'lastScanAt'
> &
  (
    | Pick<EntityPostureSummary, 'checkStatuses'>
    | { failingCheckIds: readonly string[] }
  );

/** The ids of the checks failing for a row, whichever form the row has. @public */
export function failingCheckIdsOf(row: ReportSortRow): readonly string[] {
  if ('failingCheckIds' in row) return row.failingCheckIds;
  return Object.keys(row.checkStatuses).filter(
    id => row.checkStatuses[id] === 'fail',
  );
}

/** The columns the report can be sorted by. @public */
export const REPORT_SORT_KEYS = [
  'entityRef',
  'owner',
  'system',
  'lifecycle',
  'grade',
  'score',
  'failing',
  'scanned',
] as const;

/** @public */
export type ReportSortKey = (typeof REPORT_SORT_KEYS)[number];

const GRADE_RANK: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3, F: 4 };
// One collator for every comparison: String#localeCompare builds one per call. Not numeric
// ("service-10" before "service-9"): numeric collation made sorting 10,000 rows 2.7 times slower.
const collator = new Intl.Collator('en');

/**
 * The grade of an entity whose posture is known; `null` when it is not (not scanned yet, an
 * invalid annotation, nothing evaluated), which the report shows as "unknown", never a grade.
 *
 * @public
 */
export function knownGrade(summary: ReportSortRow): Grade | null {
  return summary.state === 'ok' ? summary.score.grade : null;
}

/** The score of an entity whose posture is known, else `null`. @public */
export function knownScore(summary: ReportSortRow): number | null {
  return summary.state === 'ok' ? summary.score.score : null;
}

/** How many checks fail for an entity whose posture is known, else `null`. @public */
export function failingChecks(summary: ReportSortRow): number | null {
  if (summary.state !== 'ok') return null;
  return failingCheckIdsOf(summary).length;
}

function nameOf(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}

/** What the report shows for an entity: its title, else its name. */
function displayName(summary: ReportSortRow): string {
  return summary.title ?? nameOf(summary.entityRef);
}

function sortValue(
  summary: ReportSortRow,
  sort: ReportSortKey,
): string | number | undefined {
  switch (sort) {
    case 'owner':
      return summary.owner && nameOf(summary.owner);
    case 'system':
      return summary.system && nameOf(summary.system);
    case 'lifecycle':
      return summary.lifecycle;
    case 'grade': {
      const grade = knownGrade(summary);
      return grade === null ? undefined : GRADE_RANK[grade];
    }
    case 'score':
      return knownScore(summary) ?? undefined;
    case 'failing':
      return failingChecks(summary) ?? undefined;
    case 'scanned':
      return summary.lastScanAt ? Date.parse(summary.lastScanAt) : undefined;
    default:
      return displayName(summary);
  }
}

interface SortKey {
  value: string | number | undefined;
  name: string;
  ref: string;
}

function keyOf(summary: ReportSortRow, sort: ReportSortKey): SortKey {
  return {
    value: sortValue(summary, sort),
    name: displayName(summary),
    ref: summary.entityRef,
  };
}

function compareKeys(
  a: SortKey,
  b: SortKey,
  sort: ReportSortKey,
  direction: number,
): number {
  const va = a.value;
  const vb = b.value;
  if (va === undefined || vb === undefined) {
    if (va !== vb) return va === undefined ? 1 : -1;
  } else {
    const c =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : collator.compare(String(va), String(vb));
    if (c !== 0) return direction * c;
  }
  if (sort === 'entityRef') return direction * collator.compare(a.ref, b.ref);
  return collator.compare(a.name, b.name) || collator.compare(a.ref, b.ref);
}

/**
 * Compares two report rows for `sort` in `order`. Rows without a value (unknown grade or score,
 * no owner, never scanned) come last in both orders; ties are broken by the entity's name and
 * then its ref, so the order is total and the same on every page.
 *
 * Grades sort A before F in ascending order; scores lowest (worst) first.
 *
 * @public
 */
export function compareReportRows(
  sort: ReportSortKey = 'entityRef',
  order: NonNullable<ReportQuery['order']> = 'asc',
): (a: ReportSortRow, b: ReportSortRow) => number {
  const direction = order === 'desc' ? -1 : 1;
  return (a, b) => compareKeys(keyOf(a, sort), keyOf(b, sort), sort, direction);
}

/**
 * The rows in the order of `compareReportRows`, each row's sort key worked out once (the backend
 * sorts every entity of the estate on each report request).
 *
 * @public
 */
export function sortReportRows<T extends ReportSortRow>(
  rows: readonly T[],
  sort: ReportSortKey = 'entityRef',
  order: NonNullable<ReportQuery['order']> = 'asc',
): T[] {
  const direction = order === 'desc' ? -1 : 1;
  return rows
    .map(row => ({ row, key: keyOf(row, sort) }))
    .sort((a, b) => compareKeys(a.key, b.key, sort, direction))
    .map(({ row }) => row);
}
