/** What the simulators share when answering a call: the log entry and the injected latency. */

/** One logged call. `status` is the HTTP status sent, 0 when the connection was dropped. */
export interface CallRecord {
  service: string;
  operation: string;
  account: string;
  region: string;
  at: number;
  status: number;
  /** The error code sent, if any. */
  errorCode?: string;
}

/**
 * Appends a call to the log and returns the function that completes its entry with the answer
 * (status 0 for a network error, such as an unknown host or a dropped connection).
 */
export function logCall(
  calls: CallRecord[],
  record: CallRecord,
): (response: Response, errorCode?: string) => Response {
  calls.push(record);
  return (response, errorCode) => {
    record.status = response.type === 'error' ? 0 : response.status;
    record.errorCode = errorCode;
    return response;
  };
}

/** Waits `ms`, or less when the caller gives up (so an aborted request frees its slot). */
export function abortable(
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
