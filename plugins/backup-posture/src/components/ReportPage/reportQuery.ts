import {
  CheckStatus,
  CloudProvider,
  REPORT_SORT_KEYS,
  ReportQuery,
} from '@backup-posture/plugin-backup-posture-common';

export const FILTER_KEYS = [
  'owner',
  'system',
  'lifecycle',
  'cloud',
  'check',
  'status',
  'q',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 25;

/** Reads the report query from the page's URL, so filtered views can be shared as links. */
export function queryFromSearchParams(params: URLSearchParams): ReportQuery {
  const query: ReportQuery = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) {
      if (key === 'cloud') query.cloud = value as CloudProvider;
      else if (key === 'status') query.status = value as CheckStatus;
      else query[key] = value;
    }
  }
  const sort = params.get('sort');
  if (sort && (REPORT_SORT_KEYS as readonly string[]).includes(sort)) {
    query.sort = sort as ReportQuery['sort'];
  }
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  const offset = Number(params.get('offset'));
  query.offset = Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0;
  const limit = Number(params.get('limit'));
  query.limit =
    Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : DEFAULT_PAGE_SIZE;
  return query;
}

/** Writes a report query back into URL search params, leaving out empty values. */
export function searchParamsFromQuery(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (
      value !== undefined &&
      value !== '' &&
      !(key === 'offset' && value === 0)
    ) {
      params.set(key, String(value));
    }
  }
  return params;
}
