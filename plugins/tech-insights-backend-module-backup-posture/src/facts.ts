import {
  CheckDefinition,
  EntityPostureSummary,
  Severity,
} from '@backup-posture/plugin-backup-posture-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import { DateTime } from 'luxon';

/** The id of the fact retriever, which checks name in their `factIds`. @public */
export const BACKUP_POSTURE_FACT_RETRIEVER_ID = 'backupPostureFactRetriever';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The facts published per entity whose backup posture is known. @public */
export const backupPostureFactSchema: FactSchema = {
  backupPostureScore: {
    type: 'float',
    description: 'Backup posture score, 0–100 (higher is better)',
  },
  backupPostureGrade: {
    type: 'string',
    description: 'Backup posture grade, A (best) to F',
  },
  backupPostureStale: {
    type: 'boolean',
    description:
      'True when part of the evidence could not be read in the last scan (the last good read is used)',
  },
  backupPostureLastScanAt: {
    type: 'datetime',
    description: 'When the scan that evaluated this posture ran',
  },
  backupPostureFailingChecks: {
    type: 'set',
    description: 'Ids of the posture checks failing for the entity',
  },
  backupPosturePassCount: { type: 'integer', description: 'Checks passing' },
  backupPostureFailCount: { type: 'integer', description: 'Checks failing' },
  backupPostureWarnCount: { type: 'integer', description: 'Checks warning' },
  backupPostureUnknownCount: {
    type: 'integer',
    description:
      'Checks whose evidence could not be read (neither pass nor fail)',
  },
  backupPostureNotApplicableCount: {
    type: 'integer',
    description: 'Checks not applicable to the entity',
  },
  backupPostureAcceptedCount: {
    type: 'integer',
    description: 'Failing checks covered by an accepted exception',
  },
  ...Object.fromEntries(
    SEVERITIES.map(severity => [
      `backupPostureFailing${severity[0].toUpperCase()}${severity.slice(1)}`,
      {
        type: 'integer',
        description: `Failing checks of severity ${severity}`,
      },
    ]),
  ),
};

/**
 * The facts of one entity, or nothing when its posture is not known (not scanned yet, an invalid
 * annotation, nothing mapped): an unknown posture is never published as a score a check could
 * pass or fail on.
 *
 * Severity counts cover the checks `definitions` name; a check not among them (a module's own
 * check unknown to this module) is in the failing set and the fail count only.
 */
export function factsOf(
  summary: EntityPostureSummary,
  definitions: readonly CheckDefinition[],
): TechInsightFact | undefined {
  if (summary.state !== 'ok' || summary.score.score === null) return undefined;
  const severityOf = new Map(definitions.map(d => [d.id, d.severity]));
  const failing = Object.keys(summary.checkStatuses)
    .filter(id => summary.checkStatuses[id] === 'fail')
    .sort();
  const bySeverity = Object.fromEntries(
    SEVERITIES.map(severity => [
      `backupPostureFailing${severity[0].toUpperCase()}${severity.slice(1)}`,
      failing.filter(id => severityOf.get(id) === severity).length,
    ]),
  );
  const { counts } = summary.score;
  const ref = parseEntityRef(summary.entityRef);
  return {
    entity: { kind: ref.kind, namespace: ref.namespace, name: ref.name },
    facts: {
      backupPostureScore: summary.score.score,
      backupPostureGrade: summary.score.grade ?? '',
      backupPostureStale: summary.stale,
      ...(summary.lastScanAt
        ? { backupPostureLastScanAt: DateTime.fromISO(summary.lastScanAt) }
        : {}),
      backupPostureFailingChecks: failing,
      backupPosturePassCount: counts.pass,
      backupPostureFailCount: counts.fail,
      backupPostureWarnCount: counts.warn,
      backupPostureUnknownCount: counts.unknown,
      backupPostureNotApplicableCount: counts['not-applicable'],
      backupPostureAcceptedCount: counts.accepted,
      ...bySeverity,
    },
  };
}
