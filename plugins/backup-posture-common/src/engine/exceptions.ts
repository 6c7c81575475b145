/**
 * Exceptions as code: a failing or warning finding can be accepted for one entity (optionally one
 * subject) with a justification, an approver and an expiry. Accepted findings stay visible with
 * status `accepted`; after the expiry the finding resurfaces with its own status.
 */
import { Finding, PostureException } from '../posture';
import { EvaluationClock } from './clock';

const normaliseRef = (ref: string) => ref.trim().toLocaleLowerCase('en-US');

/** Whether `exception` covers this finding of `checkId` for `entityRef` (expiry not considered). */
export function exceptionMatches(
  exception: PostureException,
  entityRef: string,
  checkId: string,
  finding: Finding,
): boolean {
  return (
    exception.checkId === checkId &&
    normaliseRef(exception.entityRef) === normaliseRef(entityRef) &&
    (exception.subject === undefined || exception.subject === finding.subject)
  );
}

/** Applies exceptions to a check's findings (pure: returns new findings). */
export function applyExceptions(
  entityRef: string,
  checkId: string,
  findings: Finding[],
  exceptions: PostureException[],
  now: Date | EvaluationClock,
): Finding[] {
  const clock = now instanceof EvaluationClock ? now : new EvaluationClock(now);
  return findings.map(f => {
    if (f.status !== 'fail' && f.status !== 'warn') return f;
    const matching = exceptions.filter(e =>
      exceptionMatches(e, entityRef, checkId, f),
    );
    if (matching.length === 0) return f;
    // An unparseable expiry never holds (as before: NaN is never after now).
    const valid = matching.find(e => clock.hasPassed(e.expiresAt) === false);
    const toAccepted = (e: PostureException) => ({
      justification: e.justification,
      approver: e.approver,
      expiresAt: e.expiresAt,
    });
    if (valid) {
      return {
        ...f,
        status: 'accepted',
        message: `${f.message} (accepted until ${valid.expiresAt}: ${valid.justification})`,
        exception: toAccepted(valid),
      };
    }
    return { ...f, expiredException: toAccepted(matching[0]) };
  });
}

const REQUIRED = [
  'checkId',
  'entityRef',
  'justification',
  'approver',
  'expiresAt',
] as const;

/**
 * Validates exceptions read from config (`backupPosture.exceptions`) or a YAML file. Accepts an
 * array or `{ exceptions: [...] }`. Throws an Error naming the bad entry and field.
 *
 * `knownCheckIds`, when given, rejects exceptions for check ids that do not exist (typos would
 * otherwise silently accept nothing).
 *
 * @public
 */
export function parsePostureExceptions(
  raw: unknown,
  knownCheckIds?: readonly string[],
): PostureException[] {
  if (raw === undefined || raw === null) return [];
  const list =
    !Array.isArray(raw) &&
    typeof raw === 'object' &&
    'exceptions' in (raw as object)
      ? (raw as { exceptions: unknown }).exceptions
      : raw;
  if (!Array.isArray(list)) {
    throw new Error(
      'Invalid backup-posture exceptions: expected a list of exceptions (or an object with an "exceptions" list)',
    );
  }
  return list.map((entry, index) => {
    const where = `Invalid backup-posture exception [${index}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new Error(`${where}: expected an object`);
    }
    const e = { ...(entry as Record<string, unknown>) };
    // YAML parsers turn unquoted dates into Date objects.
    if (e.expiresAt instanceof Date && !Number.isNaN(e.expiresAt.getTime())) {
      e.expiresAt = e.expiresAt.toISOString();
    }
    for (const field of REQUIRED) {
      if (typeof e[field] !== 'string' || !(e[field] as string).trim()) {
        throw new Error(`${where}: "${field}" must be a non-empty string`);
      }
    }
    if (
      e.subject !== undefined &&
      (typeof e.subject !== 'string' || !e.subject.trim())
    ) {
      throw new Error(
        `${where}: "subject" must be a non-empty string when given`,
      );
    }
    const expiresAt = e.expiresAt as string;
    if (
      !/^\d{4}-\d{2}-\d{2}/.test(expiresAt) ||
      Number.isNaN(Date.parse(expiresAt))
    ) {
      throw new Error(
        `${where}: "expiresAt" must be an ISO date, got "${expiresAt}"`,
      );
    }
    const checkId = e.checkId as string;
    if (knownCheckIds && !knownCheckIds.includes(checkId)) {
      throw new Error(`${where}: unknown checkId "${checkId}"`);
    }
    const unknownFields = Object.keys(e).filter(
      k => !(REQUIRED as readonly string[]).includes(k) && k !== 'subject',
    );
    if (unknownFields.length) {
      throw new Error(`${where}: unknown field(s) ${unknownFields.join(', ')}`);
    }
    const out: PostureException = {
      checkId,
      entityRef: e.entityRef as string,
      justification: e.justification as string,
      approver: e.approver as string,
      expiresAt,
    };
    if (e.subject !== undefined) out.subject = e.subject as string;
    return out;
  });
}
