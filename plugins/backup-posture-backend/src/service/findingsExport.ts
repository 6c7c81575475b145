import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityPostureResponse,
  FINDING_COLUMNS,
  FindingRow,
  FindingsQuery,
} from '@backup-posture/plugin-backup-posture-common';
import { gunzipSync } from 'node:zlib';
import { EntityPostureStore, PostureSource } from '../store/types';
import { readableFilter } from './readable';
import { reportFilterOf } from './reportFilter';

const EXPORTED = new Set(['fail', 'unknown', 'accepted']);

/** The account and region an ARN or an Azure resource id names. */
export function scopeOfSubject(subject: string): {
  account?: string;
  region?: string;
} {
  const arn = /^arn:[^:]+:[^:]*:([^:]*):(\d{12})?:/.exec(subject);
  if (arn) {
    return {
      ...(arn[2] ? { account: arn[2] } : {}),
      ...(arn[1] ? { region: arn[1] } : {}),
    };
  }
  const azure = /^\/subscriptions\/([^/]+)/i.exec(subject);
  return azure ? { account: azure[1] } : {};
}

/** The export rows of one stored posture: its failing, unknown and accepted findings. */
export function findingRowsOf(
  source: PostureSource,
  query: Pick<FindingsQuery, 'check' | 'status'>,
): FindingRow[] {
  const posture: EntityPostureResponse = JSON.parse(
    gunzipSync(source.postureGzip).toString('utf8'),
  );
  return (posture.evaluation?.checks ?? [])
    .filter(c => !query.check || c.checkId === query.check)
    .flatMap(c =>
      c.findings
        .filter(
          f =>
            EXPORTED.has(f.status) &&
            (!query.status || f.status === query.status),
        )
        .map(f => {
          const firstSeen = source.since(c.checkId);
          const exception = f.exception;
          return {
            entityRef: source.entityRef,
            ...(source.owner ? { owner: source.owner } : {}),
            ...(source.system ? { system: source.system } : {}),
            ...(source.lifecycle ? { lifecycle: source.lifecycle } : {}),
            cloud: c.cloud,
            ...scopeOfSubject(f.subject),
            subject: f.subject,
            checkId: c.checkId,
            title: c.title,
            severity: c.severity,
            status: f.status,
            reason: f.message,
            ...(firstSeen ? { firstSeen } : {}),
            ...(exception
              ? {
                  exceptionApprover: exception.approver,
                  exceptionExpiresAt: exception.expiresAt,
                  exceptionJustification: exception.justification,
                }
              : {}),
          };
        }),
    );
}

/**
 * The findings export, a page of entities at a time: the report's filters, only entities the
 * caller may read, systems, groups and domains left out (their members are listed).
 */
export async function* exportFindings(
  deps: {
    entities: EntityPostureStore;
    permissions: PermissionsService;
    catalog: CatalogService;
  },
  query: FindingsQuery,
  credentials: BackstageCredentials,
): AsyncGenerator<FindingRow[]> {
  const readable = await readableFilter(deps, credentials);
  for await (const page of deps.entities.streamPostures(
    reportFilterOf(query),
  )) {
    const rows = (await readable(page)).flatMap(s => findingRowsOf(s, query));
    if (rows.length) yield rows;
  }
}

/** A CSV cell (RFC 4180), never read as a formula by a spreadsheet. */
export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of a row, in FINDING_COLUMNS order. */
export function csvLine(row: FindingRow): string {
  return `${FINDING_COLUMNS.map(c => csvCell(row[c] as string | undefined)).join(',')}\r\n`;
}

/** The CSV header line. */
export const CSV_HEADER = `${FINDING_COLUMNS.join(',')}\r\n`;
