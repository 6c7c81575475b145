import { DerivedProtectedResource, DerivedRecoveryPoint } from './types';

/** ListProtectedResources: every resource with a recovery point in the account and region. */
export function protectedResources(
  points: DerivedRecoveryPoint[],
): DerivedProtectedResource[] {
  const latest = new Map<string, DerivedRecoveryPoint>();
  for (const p of points) {
    const k = `${p.accountId}|${p.region}|${p.resourceArn}`;
    const current = latest.get(k);
    if (!current || current.creationDate < p.creationDate) latest.set(k, p);
  }
  return [...latest.values()].map(p => ({
    accountId: p.accountId,
    region: p.region,
    resourceArn: p.resourceArn,
    resourceType: p.resourceType,
    resourceName: p.resourceName,
    lastBackupTime: p.creationDate,
    lastBackupVaultArn: p.backupVaultArn,
    lastRecoveryPointArn: p.recoveryPointArn,
  }));
}
