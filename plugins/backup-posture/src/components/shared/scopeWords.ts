import { ScopeStatus } from '@backup-posture/plugin-backup-posture-common';

/**
 * "AWS account 2222…, region us-east-1", "Azure subscription 8a1c…", or for a module's cloud
 * "onprem site-1, region global".
 */
export function scopeName(scope: ScopeStatus): string {
  if (scope.cloud === 'azure') return `Azure subscription ${scope.account}`;
  if (scope.cloud === 'aws')
    return `AWS account ${scope.account}, region ${scope.region}`;
  return `${scope.cloud} ${scope.account}, region ${scope.region}`;
}

/** What the page shows for a failed scope: its last good data, or nothing yet. */
export function scopeFallback(scope: ScopeStatus, when: string): string {
  return scope.lastSuccessAt
    ? `Showing data from the last successful scan (${when}).`
    : 'It was never scanned successfully, so nothing from it is shown.';
}

/** "1 scope" / "3 scopes", where a scope is an AWS account × region or an Azure subscription. */
export function scopeCount(n: number): string {
  return `${n} scope${n === 1 ? '' : 's'} (AWS account × region or Azure subscription)`;
}

/** "1 key read" / "3 key reads" (KMS DescribeKey, Key Vault get key). */
export function keyReadCount(n: number): string {
  return `${n} key read${n === 1 ? '' : 's'}`;
}
