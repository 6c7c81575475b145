import {
  EntityPostureSummary,
  knownGrade,
  knownScore,
  ReportQuery,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureApi } from '../../api';

/** Export page size: large pages keep the number of requests low for 10,000 entities. */
const EXPORT_PAGE_SIZE = 500;

/** The CSV columns, in order. Account, region and owner are kept so the file can be re-sliced. */
export const CSV_COLUMNS: Array<{
  header: string;
  value: (row: EntityPostureSummary) => string | number | undefined | null;
}> = [
  { header: 'entityRef', value: r => r.entityRef },
  { header: 'kind', value: r => r.kind },
  { header: 'title', value: r => r.title },
  { header: 'owner', value: r => r.owner },
  { header: 'system', value: r => r.system },
  { header: 'lifecycle', value: r => r.lifecycle },
  { header: 'state', value: r => r.state },
  // Empty where the posture is unknown (see `state`), as the table shows "unknown".
  { header: 'grade', value: r => knownGrade(r) },
  { header: 'score', value: r => knownScore(r) },
  { header: 'clouds', value: r => r.clouds.join(';') },
  { header: 'accounts', value: r => r.accounts.join(';') },
  { header: 'regions', value: r => r.regions.join(';') },
  { header: 'keysCustomerManaged', value: r => r.keyMix.customer },
  { header: 'keysAwsManaged', value: r => r.keyMix.awsManaged },
  { header: 'keysAwsOwned', value: r => r.keyMix.awsOwned },
  { header: 'keysUnknown', value: r => r.keyMix.unknown },
  { header: 'failingChecks', value: r => checksWith(r, 'fail') },
  { header: 'unknownChecks', value: r => checksWith(r, 'unknown') },
  { header: 'lastScanAt', value: r => r.lastScanAt },
  { header: 'stale', value: r => String(r.stale) },
];

function checksWith(row: EntityPostureSummary, status: string): string {
  return Object.entries(row.checkStatuses)
    .filter(([, s]) => s === status)
    .map(([id]) => id)
    .sort()
    .join(';');
}

/** RFC 4180 quoting; also defuses spreadsheet formulas (cells starting with = + - @). */
function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: EntityPostureSummary[]): string {
  const lines = [CSV_COLUMNS.map(c => c.header).join(',')];
  for (const row of rows) {
    lines.push(CSV_COLUMNS.map(c => csvCell(c.value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: EntityPostureSummary[]): string {
  return JSON.stringify(rows, null, 2);
}

/** Fetches every page of the report for the current filters and sort. */
export async function fetchAllReportRows(
  api: BackupPostureApi,
  query: ReportQuery,
): Promise<EntityPostureSummary[]> {
  const rows: EntityPostureSummary[] = [];
  let offset = 0;
  for (;;) {
    const page = await api.getReport({
      ...query,
      offset,
      limit: EXPORT_PAGE_SIZE,
    });
    rows.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.totalCount) return rows;
  }
}
