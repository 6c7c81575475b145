/**
 * What discovery found in AWS for one entity, in plain serialisable shapes. Field names follow the
 * AWS API (camelCased); timestamps are ISO 8601 strings. Optional fields are absent when AWS did
 * not return them; `undefined` never means "false".
 */

/** @public */
export type AwsVaultType =
  | 'BACKUP_VAULT'
  | 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
  | 'RESTORE_ACCESS_BACKUP_VAULT';

/** @public */
export type AwsEncryptionKeyType =
  'CUSTOMER_MANAGED_KMS_KEY' | 'AWS_OWNED_KMS_KEY';

/** A resource that the entity owns and that AWS Backup may protect. @public */
export interface AwsResourceFact {
  arn: string;
  /** AWS Backup resource type: S3, EFS, DynamoDB, EBS, EC2, RDS, Aurora, DocumentDB, Neptune, Redshift, ... */
  resourceType: string;
  accountId: string;
  region: string;
  tags: Record<string, string>;
  /** The resource's own KMS key, when known (source-dependent types keep it in the primary point, rule A1). */
  encryptionKeyArn?: string;
  /**
   * Where the resource's own key was read from (e.g. `rds:DescribeDBClusters`), when discovery
   * observed it rather than the engine inferring it.
   */
  encryptionKeySource?: string;
  /** Why the resource's own key could not be read (e.g. the describe call was denied). */
  encryptionKeyError?: FactError;
  /** How the entity was linked to it: an explicit ARN annotation or a tag selector. */
  matchedBy: 'arn' | 'tags';
  /** From ListProtectedResources, when protected. */
  lastBackupTime?: string;
  lastBackupVaultArn?: string;
}

/** @public */
export interface AwsKmsKeyFact {
  arn: string;
  keyId: string;
  accountId: string;
  region: string;
  /** Alias names pointing at the key, e.g. `alias/aws/backup`. */
  aliases: string[];
  /** KMS KeyManager: `CUSTOMER` or `AWS` (AWS-managed, e.g. aws/backup, aws/rds). */
  keyManager?: 'CUSTOMER' | 'AWS';
  keyState?: string;
  enabled?: boolean;
  keySpec?: string;
  origin?: string;
  multiRegion?: boolean;
  multiRegionKeyType?: 'PRIMARY' | 'REPLICA';
  primaryKeyArn?: string;
  replicaKeyArns?: string[];
  rotationEnabled?: boolean;
  /** The `default` key policy JSON, when read. */
  policy?: string;
  /** Set when the key could not be described (e.g. access denied, key in an unreachable account). */
  error?: FactError;
  /** When this description was read (the last good read). */
  readAt?: string;
  /**
   * The read of this key failed in the latest scan: the description is the last good one (from
   * `readAt`), and this is why it could not be read again. A check relying on it relies on old data.
   */
  staleError?: FactError;
  /** When the key was last tried (the failed read, when `staleError` is set). */
  lastAttemptAt?: string;
}

/** @public */
export interface AwsLifecycleFact {
  moveToColdStorageAfterDays?: number;
  deleteAfterDays?: number;
  optInToArchiveForSupportedResources?: boolean;
}

/** @public */
export interface AwsCopyActionFact {
  destinationBackupVaultArn: string;
  lifecycle?: AwsLifecycleFact;
}

/** @public */
export interface AwsBackupRuleFact {
  ruleId?: string;
  ruleName: string;
  targetBackupVaultName: string;
  targetLogicallyAirGappedBackupVaultArn?: string;
  scheduleExpression?: string;
  scheduleExpressionTimezone?: string;
  enableContinuousBackup?: boolean;
  lifecycle?: AwsLifecycleFact;
  copyActions: AwsCopyActionFact[];
}

/** @public */
export interface AwsTagConditionFact {
  conditionKey: string;
  conditionValue: string;
}

/** @public */
export interface AwsBackupSelectionFact {
  selectionId: string;
  selectionName: string;
  iamRoleArn?: string;
  resources: string[];
  notResources: string[];
  /** Legacy ListOfTags (STRINGEQUALS conditions, ORed). */
  listOfTags: Array<{ conditionType: string } & AwsTagConditionFact>;
  /** Conditions (ANDed). */
  conditions: {
    stringEquals: AwsTagConditionFact[];
    stringNotEquals: AwsTagConditionFact[];
    stringLike: AwsTagConditionFact[];
    stringNotLike: AwsTagConditionFact[];
  };
}

/** @public */
export interface AwsBackupPlanFact {
  planId: string;
  planArn: string;
  planName: string;
  versionId?: string;
  accountId: string;
  region: string;
  rules: AwsBackupRuleFact[];
  selections: AwsBackupSelectionFact[];
}

/** @public */
export interface AwsMpaApprovalTeamUpdateFact {
  status?: string;
  statusMessage?: string;
  initiationDate?: string;
  expiryDate?: string;
  mpaSessionArn?: string;
}

/** @public */
export interface AwsBackupVaultFact {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  vaultType: AwsVaultType;
  vaultState?: string;
  encryptionKeyArn?: string;
  encryptionKeyType?: AwsEncryptionKeyType;
  creationDate?: string;
  numberOfRecoveryPoints?: number;
  locked?: boolean;
  minRetentionDays?: number;
  maxRetentionDays?: number;
  /** When a governance-mode lock becomes compliance mode (immutable); absent for governance locks. */
  lockDate?: string;
  /** Access policy JSON; `null` when the vault has none, absent when it was not read. */
  accessPolicy?: string | null;
  /** For restore-access vaults: the LAG vault they come from. */
  sourceBackupVaultArn?: string;
  mpaApprovalTeamArn?: string;
  mpaSessionArn?: string;
  latestMpaApprovalTeamUpdate?: AwsMpaApprovalTeamUpdateFact;
  /** For LAG vaults: restore-access vaults created from them. */
  restoreAccessVaults?: Array<{
    restoreAccessBackupVaultArn: string;
    vaultState?: string;
    creationDate?: string;
    approvalDate?: string;
  }>;
}

/** @public */
export interface AwsRecoveryPointFact {
  recoveryPointArn: string;
  backupVaultArn: string;
  backupVaultName: string;
  accountId: string;
  region: string;
  resourceArn: string;
  resourceType: string;
  /** For a copy: the vault it was copied from. */
  sourceBackupVaultArn?: string;
  /** For a copy (or composite child): the point it derives from. */
  parentRecoveryPointArn?: string;
  createdBy?: {
    backupPlanId?: string;
    backupRuleId?: string;
    backupPlanArn?: string;
  };
  creationDate: string;
  completionDate?: string;
  status: string;
  statusMessage?: string;
  isEncrypted: boolean;
  encryptionKeyArn?: string;
  encryptionKeyType?: AwsEncryptionKeyType;
  vaultType?: AwsVaultType;
  storageClass?: string;
  lifecycle?: AwsLifecycleFact;
  calculatedLifecycle?: { moveToColdStorageAt?: string; deleteAt?: string };
}

/** @public */
export interface AwsCopyJobFact {
  copyJobId: string;
  accountId: string;
  region: string;
  state: string;
  statusMessage?: string;
  resourceArn: string;
  resourceType: string;
  sourceBackupVaultArn: string;
  sourceRecoveryPointArn?: string;
  destinationBackupVaultArn: string;
  destinationRecoveryPointArn?: string;
  destinationEncryptionKeyArn?: string;
  destinationVaultType?: string;
  creationDate: string;
  completionDate?: string;
  createdBy?: { backupPlanId?: string; backupRuleId?: string };
}

/** AWS Backup global settings, read from the management account. @public */
export interface AwsGlobalSettingsFact {
  accountId: string;
  isCrossAccountBackupEnabled?: boolean;
  isMpaEnabled?: boolean;
  error?: FactError;
}

/**
 * AWS Backup region settings of one account × region (`DescribeRegionSettings`, rule A6). Maps are
 * as AWS returns them, keyed by AWS Backup resource type (`DynamoDB`, `Aurora`, `S3`, ...).
 *
 * @public
 */
export interface AwsRegionSettingsFact {
  accountId: string;
  region: string;
  /**
   * `ResourceTypeOptInPreference`: whether AWS Backup protects each resource type in this Region.
   * A type set to `false` gets no backups, even when a plan selects it.
   */
  resourceTypeOptInPreference?: Record<string, boolean>;
  /**
   * `ResourceTypeManagementPreference`: whether AWS Backup fully manages each type's backups
   * (AWS lists DynamoDB and EFS, newer Regions more). `DynamoDB: false` means advanced DynamoDB
   * backup is off: its backups keep the table's key (source-dependent) and cannot be copied.
   */
  resourceTypeManagementPreference?: Record<string, boolean>;
  /** When the settings were read. */
  readAt?: string;
  /** Why the settings could not be read (e.g. the call was denied): checks relying on them are unknown. */
  error?: FactError;
}

/** @public */
export interface AwsOrganizationFact {
  organizationId?: string;
  managementAccountId?: string;
  /** Active member accounts (management account included). */
  memberAccountIds: string[];
  error?: FactError;
}

/** @public */
export interface FactError {
  /** The AWS/Azure error name, e.g. AccessDeniedException, ThrottlingException. */
  name: string;
  message: string;
}

/** Everything discovery knows about one entity in AWS. @public */
export interface AwsInventory {
  resources: AwsResourceFact[];
  vaults: AwsBackupVaultFact[];
  plans: AwsBackupPlanFact[];
  recoveryPoints: AwsRecoveryPointFact[];
  copyJobs: AwsCopyJobFact[];
  keys: AwsKmsKeyFact[];
  globalSettings?: AwsGlobalSettingsFact;
  organization?: AwsOrganizationFact;
  /**
   * Region settings of the account × regions the entity's resources live in (rule A6). Absent when
   * discovery does not collect them (an inventory from an older backend or another provider): the
   * engine then keeps each type's documented default. Present, a resource's scope without an entry
   * means its settings were not read, and what depends on them is unknown.
   */
  regionSettings?: AwsRegionSettingsFact[];
}
