import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every cloud call made on behalf of a scan must honour: the signal of the work it belongs to
 * (the scan's, aborted by the scheduler or on shutdown, or one scope's, aborted when the scope runs
 * out of time). Carried implicitly, so the SDK clients (cached across scans and shared by scopes)
 * pick up the signal of whoever calls them.
 */
const storage = new AsyncLocalStorage<{ signal: AbortSignal }>();

/** Runs `fn` with every cloud call inside it bound to `signal`. */
export function runWithSignal<T>(
  signal: AbortSignal,
  fn: () => Promise<T>,
): Promise<T> {
  return storage.run({ signal }, fn);
}

/** The signal of the work running now, if any. */
export function currentSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}

/** A call that got no answer in time (`backupPosture.timeouts.request`). */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeout';
}

/** A scope that did not finish in time (`backupPosture.timeouts.scope`). */
export class ScopeTimeoutError extends Error {
  override readonly name = 'ScopeTimeout';
}

/** The scan was stopped: shutdown, the scheduler's timeout, or a newer scan took over. */
export class ScanInterruptedError extends Error {
  override readonly name = 'ScanInterrupted';
}

const seconds = (ms: number) =>
  ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;

/**
 * Runs one cloud call with a signal that aborts when the current work is aborted, when the caller's
 * own signal is, or after `timeoutMs`; a call cut by the timeout fails with `RequestTimeout`.
 */
export async function callWithTimeout<T>(
  what: string,
  timeoutMs: number,
  own: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const context = currentSignal();
  const signal = AbortSignal.any(
    [timeout, context, own].filter((s): s is AbortSignal => !!s),
  );
  try {
    return await call(signal);
  } catch (e) {
    if (timeout.aborted && !context?.aborted && !own?.aborted) {
      throw new RequestTimeoutError(
        `${what} got no answer within ${seconds(timeoutMs)} (backupPosture.timeouts.request)`,
      );
    }
    throw e;
  }
}

export const formatDuration = seconds;
