import { ResourceType, SimLifecycle, SimVault } from '../model/types';

export interface DerivedRecoveryPoint {
  recoveryPointArn: string;
  backupVaultName: string;
  backupVaultArn: string;
  accountId: string;
  region: string;
  vaultType: SimVault['type'];
  /** For copies: the vault the point was copied from. */
  sourceBackupVaultArn?: string;
  resourceArn: string;
  resourceType: ResourceType;
  resourceName: string;
  createdBy?: {
    backupPlanId: string;
    backupPlanArn: string;
    backupPlanName: string;
    backupPlanVersion: string;
    backupRuleId: string;
    backupRuleName: string;
    backupRuleCron: string;
    backupRuleTimezone?: string;
  };
  iamRoleArn: string;
  status: 'COMPLETED';
  creationDate: string;
  completionDate: string;
  backupSizeInBytes: number;
  lifecycle?: SimLifecycle;
  calculatedLifecycle?: { moveToColdStorageAt?: string; deleteAt?: string };
  isEncrypted: boolean;
  encryptionKeyArn?: string;
  encryptionKeyType?: 'CUSTOMER_MANAGED_KMS_KEY' | 'AWS_OWNED_KMS_KEY';
  /** Which rule decided the key (A1, A2, A4, B5), for tests and explanations. */
  keyRule: string;
}

export interface DerivedCopyJob {
  copyJobId: string;
  /** The account the job runs in (the source account). */
  accountId: string;
  region: string;
  state: 'COMPLETED' | 'FAILED';
  statusMessage?: string;
  /** Which rule made AWS reject the copy (B1..B6), for tests. */
  failedBy?: string;
  resourceArn: string;
  resourceType: ResourceType;
  resourceName: string;
  sourceBackupVaultArn: string;
  sourceRecoveryPointArn: string;
  destinationBackupVaultArn: string;
  destinationVaultType?: SimVault['type'];
  destinationRecoveryPointArn?: string;
  destinationEncryptionKeyArn?: string;
  destinationRecoveryPointLifecycle?: SimLifecycle;
  creationDate: string;
  completionDate?: string;
  backupSizeInBytes: number;
  iamRoleArn: string;
  createdBy?: DerivedRecoveryPoint['createdBy'];
}

export interface DerivedProtectedResource {
  accountId: string;
  region: string;
  resourceArn: string;
  resourceType: ResourceType;
  resourceName: string;
  lastBackupTime: string;
  lastBackupVaultArn: string;
  lastRecoveryPointArn: string;
}

export interface DerivedBackups {
  recoveryPoints: DerivedRecoveryPoint[];
  copyJobs: DerivedCopyJob[];
  protectedResources: DerivedProtectedResource[];
}
