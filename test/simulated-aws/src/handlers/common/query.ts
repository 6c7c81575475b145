import { escapeXml } from './errors';
import { ParsedOperation } from './context';

/** Reads an awsQuery or EC2 query request (form POST, or a GET query string) into flat params. */
export function parseQuery(url: URL, body: string): ParsedOperation {
  const params = new URLSearchParams(body || url.search);
  const input: Record<string, string> = {};
  params.forEach((value, key) => {
    input[key] = value;
  });
  return { operation: input.Action ?? '', input };
}

/** The members of a flattened query list (`prefix.1`, `prefix.2`, …), in order. */
export function queryList(
  input: Record<string, any>,
  prefix: string,
): string[] {
  const out: Array<[number, string]> = [];
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`);
  for (const [key, value] of Object.entries(input)) {
    const m = pattern.exec(key);
    if (m) out.push([Number(m[1]), String(value)]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/**
 * The filters of a query request: RDS spells them `Filters.Filter.N.Name` with
 * `Filters.Filter.N.Values.Value.M`, EC2 `Filter.N.Name` with `Filter.N.Value.M`.
 */
export function queryFilters(
  input: Record<string, any>,
  style: 'rds' | 'ec2',
): Array<{ name: string; values: string[] }> {
  const base = style === 'rds' ? 'Filters.Filter' : 'Filter';
  const valuesOf = (n: string) =>
    queryList(
      input,
      style === 'rds' ? `${base}.${n}.Values.Value` : `${base}.${n}.Value`,
    );
  const filters: Array<{ name: string; values: string[] }> = [];
  const namePattern = new RegExp(
    `^${base.replace(/\./g, '\\.')}\\.(\\d+)\\.Name$`,
  );
  for (const [key, value] of Object.entries(input)) {
    const m = namePattern.exec(key);
    if (m) filters.push({ name: String(value), values: valuesOf(m[1]) });
  }
  return filters;
}

/** `<Name>value</Name>` for each defined field, in order (XML-escaped). */
export function xmlFields(
  fields: Record<string, string | number | boolean | undefined>,
  indent = '',
): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${indent}<${k}>${escapeXml(String(v))}</${k}>\n`)
    .join('');
}
