import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Readers of `backupPosture.*` values that refuse bad ones with the key in the message. */

export function positive(
  value: number | undefined,
  fallback: number,
  key: string,
) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(`backupPosture.${key} must be a positive number`);
  }
  return value;
}

/** A share in (0, 1]: of AWS's quotas, for instance. */
export function share(
  value: number | undefined,
  fallback: number,
  key: string,
) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new InputError(
      `backupPosture.${key} must be a share greater than 0 and at most 1`,
    );
  }
  return value;
}

/** `{ [name]: value }` when the optional key is set (positive), `{}` when not. */
export function optionalPositive<K extends string>(
  name: K,
  value: number | undefined,
  key: string,
): { [P in K]?: number } {
  return value === undefined
    ? {}
    : ({ [name]: positive(value, value, key) } as { [P in K]?: number });
}

export function notNegative(
  value: number | undefined,
  fallback: number,
  key: string,
) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new InputError(`backupPosture.${key} must be 0 or more`);
  }
  return value;
}

const MS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** A positive duration (`{ seconds: 30 }` or ISO 8601 `PT30S`) in milliseconds. */
export function durationMs(
  config: Config | undefined,
  key: string,
  fallbackMs: number,
): number {
  if (!config?.has(key)) return fallbackMs;
  let duration: Record<string, number | undefined>;
  try {
    duration = readDurationFromConfig(config, { key }) as Record<
      string,
      number | undefined
    >;
  } catch (e) {
    throw new InputError(
      `backupPosture.${key} must be a duration such as { seconds: 30 }: ${(e as Error).message}`,
    );
  }
  let ms = 0;
  for (const [unit, value] of Object.entries(duration)) {
    if (value === undefined) continue;
    if (!(unit in MS)) {
      throw new InputError(
        `backupPosture.${key} must be given in milliseconds, seconds, minutes, hours, days or weeks`,
      );
    }
    ms += value * MS[unit];
  }
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InputError(`backupPosture.${key} must be a positive duration`);
  }
  return ms;
}
