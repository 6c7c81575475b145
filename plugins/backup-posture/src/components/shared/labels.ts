import {
  CheckStatus,
  KeyManagerKind,
  Severity,
} from '@backup-posture/plugin-backup-posture-common';

/** Status words shown next to every status icon (never colour alone). */
export const STATUS_LABELS: Record<CheckStatus, string> = {
  fail: 'Failing',
  unknown: 'Unknown',
  warn: 'Warning',
  accepted: 'Accepted',
  pass: 'Passing',
  'not-applicable': 'Not applicable',
};

/** Worst first: the order of the checks table and of the engine's worst-status rule. */
export const STATUS_ORDER: CheckStatus[] = [
  'fail',
  'unknown',
  'warn',
  'accepted',
  'pass',
  'not-applicable',
];

export const SEVERITY_ORDER: Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const KEY_MANAGER_LABELS: Record<KeyManagerKind, string> = {
  customer: 'Customer-managed',
  'aws-managed': 'AWS-managed',
  'aws-owned': 'AWS-owned',
  'platform-managed': 'Azure platform-managed',
  unknown: 'Unknown key',
};

export function statusRank(status: CheckStatus): number {
  const index = STATUS_ORDER.indexOf(status);
  return index < 0 ? STATUS_ORDER.length : index;
}

export function severityRank(severity: Severity): number {
  const index = SEVERITY_ORDER.indexOf(severity);
  return index < 0 ? SEVERITY_ORDER.length : index;
}

/** Failures first, then by severity, then by title. */
export function compareChecks(
  a: { status: CheckStatus; severity: Severity; title: string },
  b: { status: CheckStatus; severity: Severity; title: string },
): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    a.title.localeCompare(b.title)
  );
}
