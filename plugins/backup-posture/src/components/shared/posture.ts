import {
  CheckResult,
  EntityPostureResponse,
  emptyKeyMix,
  KeyMix,
} from '@backup-posture/plugin-backup-posture-common';
import { resolveAwsKey } from './format';
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

/** Recovery points by who manages their key (Azure vaults: CMK vs platform-managed). */
export function keyMixOf(posture: EntityPostureResponse): KeyMix {
  const mix: KeyMix = emptyKeyMix();
  const aws = posture.inventory?.aws;
  for (const point of aws?.recoveryPoints ?? []) {
    const key = resolveAwsKey(
      aws,
      point.encryptionKeyArn,
      point.encryptionKeyType,
    );
    if (key.manager === 'customer') mix.customer++;
    else if (key.manager === 'aws-managed') mix.awsManaged++;
    else if (key.manager === 'aws-owned') mix.awsOwned++;
    else mix.unknown++;
  }
  for (const vault of posture.inventory?.azure?.vaults ?? []) {
    if (vault.keyUri) mix.customer++;
    else mix.platformManaged++;
  }
  return mix;
}

/** Accounts and regions that hold the entity's resources or backups. */
export function coverageOf(posture: EntityPostureResponse): {
  accounts: string[];
  /** Azure subscriptions holding the entity's Recovery Services vaults. */
  subscriptions: string[];
  regions: string[];
} {
  const accounts = new Set<string>();
  const regions = new Set<string>();
  const aws = posture.inventory?.aws;
  for (const item of [
    ...(aws?.resources ?? []),
    ...(aws?.vaults ?? []),
    ...(aws?.recoveryPoints ?? []),
  ]) {
    accounts.add(item.accountId);
    regions.add(item.region);
  }
  const subscriptions = new Set<string>();
  for (const vault of posture.inventory?.azure?.vaults ?? []) {
    subscriptions.add(vault.subscriptionId);
    regions.add(vault.location);
  }
  return {
    accounts: [...accounts].sort(),
    subscriptions: [...subscriptions].sort(),
    regions: [...regions].sort(),
  };
}
