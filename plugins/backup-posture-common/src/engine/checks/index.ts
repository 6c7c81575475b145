/** The check registry: the order here is the order of results and of docs/checks.md. */
import { CheckDefinition } from '../../posture';
import { airGappedCopyPresent } from './air-gapped-copy-present';
import { airGappedVaultRecoveryReady } from './air-gapped-vault-recovery-ready';
import { azureVaultChecks } from './azure';
import { AzureCheck } from './azureTypes';
import { BackupPostureCheck } from './backupPostureCheck';
import { backupKeyHealthy } from './backup-key-healthy';
import { copyDestinationKey } from './copy-destination-key';
import { copyJobsSucceeding } from './copy-jobs-succeeding';
import { crossAccountCopyConfigured } from './cross-account-copy-configured';
import { crossAccountCopyReady } from './cross-account-copy-ready';
import { crossRegionCopyConfigured } from './cross-region-copy-configured';
import { keyLineageConsistent } from './key-lineage-consistent';
import { lastRecoveryPointAge } from './last-recovery-point-age';
import { lifecycleColdStorageValid } from './lifecycle-cold-storage-valid';
import { lockVsPlanRetention } from './lock-vs-plan-retention';
import { planFrequencyRetention } from './plan-frequency-retention';
import { recoveryPointEncrypted } from './recovery-point-encrypted';
import { resourceProtectedByPlan } from './resource-protected-by-plan';
import { restoreAccessVaultHygiene } from './restore-access-vault-hygiene';
import { AwsCheck } from './types';
import { vaultKeyCustomerManaged } from './vault-key-customer-managed';
import { vaultLock } from './vault-lock';
import { vaultPolicyProtectsDeletion } from './vault-policy-protects-deletion';
import { vaultPolicyTrustedPrincipals } from './vault-policy-trusted-principals';

export const awsChecks: readonly AwsCheck[] = [
  vaultKeyCustomerManaged,
  recoveryPointEncrypted,
  keyLineageConsistent,
  copyDestinationKey,
  crossAccountCopyReady,
  copyJobsSucceeding,
  lifecycleColdStorageValid,
  vaultLock,
  lockVsPlanRetention,
  vaultPolicyProtectsDeletion,
  vaultPolicyTrustedPrincipals,
  airGappedCopyPresent,
  airGappedVaultRecoveryReady,
  restoreAccessVaultHygiene,
  backupKeyHealthy,
  resourceProtectedByPlan,
  crossRegionCopyConfigured,
  crossAccountCopyConfigured,
  lastRecoveryPointAge,
  planFrequencyRetention,
];

export const azureChecks: readonly AzureCheck[] = azureVaultChecks;

/**
 * The checks this package ships, AWS first: the engine's default, and what the backend's
 * built-in checks module registers.
 *
 * @public
 */
export const builtInChecks: readonly BackupPostureCheck[] = [
  ...awsChecks,
  ...azureChecks,
];

/**
 * Every built-in check definition, AWS first (one source of truth for docs/checks.md). A backend
 * with check modules installed serves more: ask it, not this list.
 *
 * @public
 */
export function listCheckDefinitions(): CheckDefinition[] {
  return builtInChecks.map(c => c.definition);
}

/** The ids of the built-in checks. @public */
export function listCheckIds(): string[] {
  return listCheckDefinitions().map(d => d.id);
}
