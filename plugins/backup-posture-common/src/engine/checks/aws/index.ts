/** The AWS Backup checks, one file each; this order is the order of results and of docs/checks.md. */
import { AwsCheck } from '../types';
import { airGappedCopyPresent } from './air-gapped-copy-present';
import { airGappedVaultRecoveryReady } from './air-gapped-vault-recovery-ready';
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
import { vaultKeyCustomerManaged } from './vault-key-customer-managed';
import { vaultLock } from './vault-lock';
import { vaultPolicyProtectsDeletion } from './vault-policy-protects-deletion';
import { vaultPolicyTrustedPrincipals } from './vault-policy-trusted-principals';

export const awsBackupChecks: readonly AwsCheck[] = [
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
