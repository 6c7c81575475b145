import {
  AwsBackupPlanFact,
  AwsRegionSettingsFact,
  AwsBackupVaultFact,
  AwsCopyJobFact,
  AwsRecoveryPointFact,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';

/** One account × region, the unit of scanning, throttling and failure isolation. */
export interface Scope {
  accountId: string;
  region: string;
}

/** A resource seen through the Tagging API or ListProtectedResources. */
export interface ScopeResource {
  arn: string;
  resourceType?: string;
  tags?: Record<string, string>;
  lastBackupTime?: string;
  lastBackupVaultArn?: string;
  /**
   * The resource's own KMS key, read from its service (only for resources mapped to catalog
   * entities, in the scope that owns them). Absent with a source set: the read found no KMS key
   * (unencrypted, SSE-S3, or DynamoDB's AWS-owned key).
   */
  encryptionKeyArn?: string;
  /** The call the key was read with, e.g. `rds:DescribeDBClusters`. */
  encryptionKeySource?: string;
  /** Why the key could not be read (the AWS error of the describe call). */
  encryptionKeyError?: FactError;
}

/** Everything discovered in one account × region (stored as JSON, one row per scope). */
export interface ScopeSnapshot {
  accountId: string;
  region: string;
  collectedAt: string;
  vaults: AwsBackupVaultFact[];
  plans: AwsBackupPlanFact[];
  recoveryPoints: AwsRecoveryPointFact[];
  copyJobs: AwsCopyJobFact[];
  /** Resources from GetResources (tag selectors) and ListProtectedResources, merged by ARN. */
  resources: ScopeResource[];
  /**
   * The tag selectors of the catalog this scope was searched with (`tagSelectorKey`): a selector
   * annotated after the scan was not looked for. Absent in snapshots of older versions.
   */
  searchedTagSelectors?: string[];
  /**
   * AWS Backup's region settings here (DescribeRegionSettings, rule A6); absent in snapshots stored
   * before they were read.
   */
  regionSettings?: AwsRegionSettingsFact;
  /** Parts of the scope that could not be read, without failing the whole scope. */
  partialErrors: Array<{
    operation: string;
    subject?: string;
    error: FactError;
  }>;
}

/** A tag selector as one string, whatever the order of its keys. */
export const tagSelectorKey = (selector: TagSelector) =>
  JSON.stringify(
    Object.keys(selector)
      .sort()
      .map(k => [k, selector[k]]),
  );

/** A scope's snapshot before anything was read. */
export function emptyScopeSnapshot(
  scope: Scope,
  collectedAt: string,
): ScopeSnapshot {
  return {
    accountId: scope.accountId,
    region: scope.region,
    collectedAt,
    vaults: [],
    plans: [],
    recoveryPoints: [],
    copyJobs: [],
    resources: [],
    partialErrors: [],
  };
}

/** A tag selector: every pair must match (an empty value matches any value of the key). */
export type TagSelector = Record<string, string>;

export const scopeKey = (s: Scope) => `${s.accountId}/${s.region}`;

export function toFactError(e: unknown): FactError {
  const err = e as { name?: string; message?: string; Code?: string };
  return {
    name: err?.name ?? err?.Code ?? 'Error',
    message: err?.message ?? String(e),
  };
}
