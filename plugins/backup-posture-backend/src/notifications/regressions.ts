import { parseEntityRef } from '@backstage/catalog-model';
import {
  CheckStatus,
  Severity,
} from '@backup-posture/plugin-backup-posture-common';
import { isRollUpKind } from '../mapping/rollUp';
import { EntityRow } from '../store/types';

/** A check that fails now and did not at the previous scan. */
export interface CheckRegression {
  checkId: string;
  title: string;
  severity: Severity;
  /** Its status at the previous scan (`accepted`: the exception has expired since). */
  previous: CheckStatus;
  /** The first failing finding's message. */
  why: string;
}

/** The regressions of one entity in one scan. */
export interface EntityRegression {
  entityRef: string;
  title?: string;
  checks: CheckRegression[];
}

const RANK: Record<Severity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

/**
 * The checks failing in `row` that did not fail at the previous scan, of `minSeverity` or worse.
 * Without previous results (a new entity, or one first evaluated now) nothing is a regression:
 * only changes are notified. Systems, groups and domains are left out: their members are notified.
 */
export function regressionOf(
  row: EntityRow,
  previous: Record<string, CheckStatus> | undefined,
  minSeverity: Severity,
): EntityRegression | undefined {
  // A system's or group's posture is its members' rolled up: their owners hear of each member.
  if (!previous || row.summary.state !== 'ok' || isRollUpKind(row.summary.kind))
    return undefined;
  const checks: CheckRegression[] = [];
  for (const c of row.posture.evaluation?.checks ?? []) {
    const before = previous[c.checkId];
    if (c.status !== 'fail' || before === undefined || before === 'fail')
      continue;
    if (RANK[c.severity] > RANK[minSeverity]) continue;
    const failing = c.findings.find(f => f.status === 'fail');
    checks.push({
      checkId: c.checkId,
      title: c.title,
      severity: c.severity,
      previous: before,
      why: failing?.message ?? c.summary,
    });
  }
  if (!checks.length) return undefined;
  return {
    entityRef: row.summary.entityRef,
    ...(row.summary.title ? { title: row.summary.title } : {}),
    checks: checks.sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        a.checkId.localeCompare(b.checkId),
    ),
  };
}

/** The entity page's backup posture tab. */
export function postureTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}/backup-posture`;
}
