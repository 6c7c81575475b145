import { CheckStatus } from '../posture';

/** Worst first: a check's status is its worst finding's status. */
export const STATUS_ORDER: readonly CheckStatus[] = [
  'fail',
  'unknown',
  'warn',
  'accepted',
  'pass',
  'not-applicable',
];

/** @public */
export function worstStatus(statuses: CheckStatus[]): CheckStatus {
  return STATUS_ORDER.find(s => statuses.includes(s)) ?? 'not-applicable';
}

/** @public */
export const emptyStatusCounts = (): Record<CheckStatus, number> => ({
  pass: 0,
  fail: 0,
  warn: 0,
  'not-applicable': 0,
  unknown: 0,
  accepted: 0,
});
