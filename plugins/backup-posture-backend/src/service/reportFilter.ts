import { ReportQuery } from '@backup-posture/plugin-backup-posture-common';
import { ROLL_UP_KINDS } from '../mapping/rollUp';
import { normalizeRef } from '../posture/entityPosture';
import { ReportFilter } from '../store/types';

/**
 * The store's filter for the report's query string (the report and the findings export): refs
 * normalised, systems, groups and domains left out (their members are the rows).
 */
export function reportFilterOf(
  query: Pick<
    ReportQuery,
    'owner' | 'system' | 'lifecycle' | 'cloud' | 'q' | 'check' | 'status'
  >,
): ReportFilter {
  return {
    owner: query.owner && normalizeRef(query.owner),
    system: query.system && normalizeRef(query.system),
    lifecycle: query.lifecycle,
    cloud: query.cloud,
    q: query.q,
    check: query.check,
    status: query.status,
    excludeKinds: ROLL_UP_KINDS,
  };
}
