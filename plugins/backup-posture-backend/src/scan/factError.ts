import { FactError } from '@backup-posture/plugin-backup-posture-common';

/** An error as a fact a user reads: its name and message. */
export function errorFact(e: unknown): FactError {
  const err = e as { name?: string; message?: string };
  return { name: err?.name ?? 'Error', message: err?.message ?? String(e) };
}
