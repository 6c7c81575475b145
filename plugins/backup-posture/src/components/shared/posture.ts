import {
  CheckResult,
  EntityPostureResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { compareChecks } from './labels';

/** Checks that need attention (failing, unknown, warning), worst first. */
export function worstChecks(checks: CheckResult[], limit = 3): CheckResult[] {
  return checks
    .filter(
      c => c.status === 'fail' || c.status === 'unknown' || c.status === 'warn',
    )
    .sort(compareChecks)
    .slice(0, limit);
}

/** True when discovery found neither vaults nor recovery points for the entity. */
export function hasNoBackups(posture: EntityPostureResponse): boolean {
  const aws = posture.inventory?.aws;
  const azure = posture.inventory?.azure;
  const awsCount =
    (aws?.vaults.length ?? 0) + (aws?.recoveryPoints.length ?? 0);
  const azureCount = azure?.vaults.length ?? 0;
  return awsCount + azureCount === 0;
}
