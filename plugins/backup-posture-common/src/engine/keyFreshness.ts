/**
 * Key facts carry their own freshness (issue 15 item 3): a KMS key or Key Vault key whose read
 * failed in this scan keeps its last good description, marked `staleError` (with `readAt`, the
 * last good read); one never read successfully carries only its `error`. Every check and lineage
 * node that relies on a key fact goes through this file, so they all say it the same way:
 *
 * - stale: the verdict from the last good read stands, the message ends with
 *   ` (key last read <time>; this scan's read failed: <error>)` and the evidence gets `keyReadAt`
 *   and `keyReadError`;
 * - failed with no good read: the check is `unknown` (never pass, never fail) with a reason naming
 *   the failed read (`key could not be read and no earlier read succeeded: <error>`), and the
 *   evidence gets `keyReadError`.
 */
import { FactError } from '../inventory';
import { EvidenceValue, Finding, LineageKey } from '../posture';

/** The freshness fields every key fact carries (`AwsKmsKeyFact`, `AzureKeyFact`). */
export interface KeyFactFreshness {
  /** The read failed and there is no good read (never passes for a description). */
  error?: FactError;
  /** When the description was read (the last good read). */
  readAt?: string;
  /** This scan's read failed; the description is the last good one (from `readAt`). */
  staleError?: FactError;
  lastAttemptAt?: string;
}

/** A key fact a finding relies on, with a label to name it when a finding relies on several. */
export interface ReliedKey {
  fact: KeyFactFreshness | undefined;
  /** Alias, ARN or key URI. */
  label?: string;
}

/** `Name: message`, as every engine reason writes an AWS or Azure error. */
export function errorWords(error: FactError): string {
  return `${error.name}: ${error.message}`;
}

/** True when this scan's read of the key failed and the description shown is an older good one. */
export function isStaleKey(
  fact: KeyFactFreshness | undefined,
): fact is KeyFactFreshness & { staleError: FactError } {
  return Boolean(fact?.staleError);
}

/** The error of a key that has no good read at all (only an error); undefined otherwise. */
export function failedKeyRead(
  fact: KeyFactFreshness | undefined,
): FactError | undefined {
  return fact?.error;
}

/** `2026-11-23 06:00 UTC` from an ISO time; the text as it is when it does not parse. */
export function readTimeWords(iso: string | undefined): string {
  if (!iso) return 'in an earlier scan';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `key last read <time>; this scan's read failed: <error>` (the label first when given). */
function staleWords(
  fact: KeyFactFreshness & { staleError: FactError },
  label?: string,
): string {
  return `key${label ? ` ${label}` : ''} last read ${readTimeWords(fact.readAt)}; this scan's read failed: ${errorWords(fact.staleError)}`;
}

/**
 * The reason of an `unknown` finding whose key has no good read:
 * `key could not be read and no earlier read succeeded: <error>`.
 */
export function failedKeyReadReason(error: FactError, label?: string): string {
  return `key${label ? ` ${label}` : ''} could not be read and no earlier read succeeded: ${errorWords(error)}`;
}

function distinct(keys: ReliedKey[]): ReliedKey[] {
  const seen = new Set<KeyFactFreshness>();
  return keys.filter(k => {
    if (!k.fact || seen.has(k.fact)) return false;
    seen.add(k.fact);
    return true;
  });
}

/**
 * The evidence a finding gets from the key facts it relies on: `keyReadAt` (the last good read)
 * and `keyReadError` for a stale key, `keyReadError` alone for a key never read. With several
 * failed keys, `keyReadAt` is the oldest good read and `keyReadError` names each key.
 */
export function keyReadEvidence(
  keys: ReliedKey[],
): Record<string, EvidenceValue | undefined> {
  const failed = distinct(keys).filter(
    k => isStaleKey(k.fact) || failedKeyRead(k.fact),
  );
  if (failed.length === 0) return {};
  const errorOf = (k: ReliedKey) =>
    errorWords((k.fact!.staleError ?? k.fact!.error)!);
  const readAts = failed
    .map(k => (isStaleKey(k.fact) ? k.fact.readAt : undefined))
    .filter((t): t is string => Boolean(t))
    .sort();
  return {
    keyReadAt: readAts[0],
    keyReadError:
      failed.length === 1
        ? errorOf(failed[0])
        : failed.map(k => `${k.label}: ${errorOf(k)}`).join('; '),
  };
}

/**
 * ` (key last read <time>; this scan's read failed: <error>)` for the stale keys among `keys`
 * (each named by its label when the finding relies on more than one key); `''` when none is stale.
 * With `failedToo`, keys never read are named as well (for a verdict that did not need them, e.g.
 * a key in another account is customer-managed whatever its description).
 */
export function staleKeySuffix(keys: ReliedKey[], failedToo = false): string {
  const relied = distinct(keys);
  const label = (k: ReliedKey) => (relied.length > 1 ? k.label : undefined);
  const words = relied.flatMap(k => {
    if (isStaleKey(k.fact)) return [staleWords(k.fact, label(k))];
    const error = failedKeyRead(k.fact);
    return failedToo && error ? [failedKeyReadReason(error, label(k))] : [];
  });
  return words.length ? ` (${words.join('; ')})` : '';
}

/**
 * A finding whose verdict relies on `keys`: its status stays (the verdict of the last good read),
 * the message says which key reads failed in this scan and when the key was last read, and the
 * evidence carries `keyReadAt` / `keyReadError`. Checks decide `unknown` for a key never read
 * themselves, with {@link failedKeyReadReason} in their message; this then only adds the evidence.
 */
export function withKeyReads(f: Finding, keys: ReliedKey[]): Finding {
  const evidence = keyReadEvidence(keys);
  if (Object.keys(evidence).length === 0) return f;
  const clean: Record<string, EvidenceValue> = { ...f.evidence };
  for (const [k, v] of Object.entries(evidence))
    if (v !== undefined) clean[k] = v;
  return {
    ...f,
    message: `${f.message}${staleKeySuffix(keys, f.status !== 'unknown')}`,
    evidence: clean,
  };
}

/**
 * What a lineage key shows about its read: `readError` (this scan's read failed) and, when an
 * older good read is shown, `lastReadAt`. Nothing for a key read in this scan.
 */
export function lineageKeyRead(
  fact: KeyFactFreshness | undefined,
): Pick<LineageKey, 'readError' | 'lastReadAt'> {
  if (isStaleKey(fact))
    return {
      readError: errorWords(fact.staleError),
      ...(fact.readAt ? { lastReadAt: fact.readAt } : {}),
    };
  const error = failedKeyRead(fact);
  return error ? { readError: errorWords(error) } : {};
}
