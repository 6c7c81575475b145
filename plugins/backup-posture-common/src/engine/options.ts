import { PostureException } from '../posture';
import type { BackupPostureCheck } from './checks/backupPostureCheck';
import type { ProviderLineageBuilder } from './checks/providerTypes';

/** Configurable limits of the checks, with documented defaults (see docs/checks.md). @public */
export interface PostureLimits {
  /** last-recovery-point-age: newest recovery point per resource must be younger (hours). */
  maxRecoveryPointAgeHours: number;
  /** air-gapped-copy-present: newest air-gapped copy must be younger (days). */
  maxAirGappedCopyAgeDays: number;
  /** plan-frequency-retention: minimum retention of a backup rule (days). */
  minRetentionDays: number;
  /** plan-frequency-retention: longest allowed interval between scheduled backups (hours). */
  maxScheduleIntervalHours: number;
  /** restore-access-vault-hygiene: a restore access vault older than this should be revoked (days). */
  maxRestoreAccessVaultAgeDays: number;
  /** copy-jobs-succeeding: only copy jobs created within this window are considered (days). */
  copyJobWindowDays: number;
}

/** @public */
export const DEFAULT_POSTURE_LIMITS: PostureLimits = {
  maxRecoveryPointAgeHours: 48,
  maxAirGappedCopyAgeDays: 7,
  minRetentionDays: 7,
  maxScheduleIntervalHours: 24,
  maxRestoreAccessVaultAgeDays: 30,
  copyJobWindowDays: 14,
};

/** @public */
export interface EvaluateOptions {
  /** Evaluation time (ISO); defaults to now. Pass it for deterministic results. */
  now?: string;
  /** Exceptions as code that apply to this entity. */
  exceptions?: PostureException[];
  /** Overrides of the check limits; missing values use {@link DEFAULT_POSTURE_LIMITS}. */
  limits?: Partial<PostureLimits>;
  /**
   * The checks to run; defaults to the built-in ones (`builtInChecks`). A backend passes the
   * checks registered through its extension point, built-in and added by modules.
   */
  checks?: readonly BackupPostureCheck[];
  /**
   * The lineage builders of clouds that backend modules add, by cloud (their inventory
   * providers' `lineage`); a module cloud without one has no lineage chains.
   */
  lineage?: Readonly<Record<string, ProviderLineageBuilder>>;
}
