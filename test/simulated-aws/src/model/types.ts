import { SimAzureEstate } from '../azure/types';

/**
 * The simulated AWS estate: what an organization has configured. Everything AWS would *produce*
 * from it (recovery points, copy jobs, protected resources) is derived in `../derive`.
 * Timestamps are ISO 8601 strings; handlers turn them into epoch seconds on the wire.
 */

export type ResourceType =
  | 'S3'
  | 'EFS'
  | 'DynamoDB'
  | 'EBS'
  | 'EC2'
  | 'RDS'
  | 'Aurora'
  | 'DocumentDB'
  | 'Neptune'
  | 'Redshift';

export interface SimOrganization {
  id: string;
  arn: string;
  managementAccountId: string;
  managementAccountEmail: string;
  rootId: string;
  organizationalUnits: Array<{
    id: string;
    name: string;
    accountIds: string[];
  }>;
}

export interface SimAccount {
  id: string;
  name: string;
  email: string;
  /** False for accounts outside the organization (e.g. a vendor's account). */
  inOrganization: boolean;
  status: 'ACTIVE' | 'SUSPENDED';
  joinedAt: string;
  /** IAM roles that the simulated STS lets callers assume in this account. */
  assumableRoles: string[];
}

export interface SimKmsKey {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  keyManager: 'AWS' | 'CUSTOMER';
  description: string;
  /** Alias names, e.g. `alias/aws/backup` or `alias/payments`. */
  aliases: string[];
  keyState:
    | 'Enabled'
    | 'Disabled'
    | 'PendingDeletion'
    | 'PendingImport'
    | 'Unavailable';
  deletionDate?: string;
  rotationEnabled: boolean;
  rotationPeriodInDays?: number;
  /** The `default` key policy document. */
  policy: PolicyDocument;
  multiRegion?: {
    type: 'PRIMARY' | 'REPLICA';
    primaryArn: string;
    replicaArns: string[];
  };
  creationDate: string;
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Id?: string;
  Statement: PolicyStatement[];
}

export interface SimResource {
  arn: string;
  type: ResourceType;
  accountId: string;
  region: string;
  name: string;
  tags: Record<string, string>;
  /** The resource's own KMS key; absent = not encrypted. */
  kmsKeyArn?: string;
  /** Points created before this instant were unencrypted (rule A2: the source was encrypted later). */
  unencryptedBefore?: string;
}

export interface SimVaultLock {
  mode: 'governance' | 'compliance';
  minRetentionDays?: number;
  maxRetentionDays?: number;
  /** Compliance mode: when the grace period ends and the lock becomes immutable. */
  lockDate?: string;
}

export interface SimVault {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  type:
    | 'BACKUP_VAULT'
    | 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
    | 'RESTORE_ACCESS_BACKUP_VAULT';
  state: 'AVAILABLE' | 'CREATING' | 'FAILED';
  /** KMS key ARN; for AWS-owned keys an ARN in an AWS service account. */
  encryptionKeyArn: string;
  encryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY' | 'AWS_OWNED_KMS_KEY';
  creationDate: string;
  creatorRequestId?: string;
  lock?: SimVaultLock;
  accessPolicy?: PolicyDocument;
  mpaApprovalTeamArn?: string;
  mpaSessionArn?: string;
  latestMpaApprovalTeamUpdate?: {
    status: 'PENDING' | 'APPROVED' | 'FAILED';
    statusMessage?: string;
    initiationDate: string;
    expiryDate?: string;
    mpaSessionArn?: string;
  };
  /** Restore-access vaults: the LAG vault they were created from. */
  sourceBackupVaultArn?: string;
  approvalDate?: string;
  /** LAG vaults shared through AWS RAM (rule C2). */
  sharedWithAccountIds?: string[];
}

export interface SimLifecycle {
  moveToColdStorageAfterDays?: number;
  deleteAfterDays?: number;
}

export interface SimCopyAction {
  destinationBackupVaultArn: string;
  lifecycle?: SimLifecycle;
}

export interface SimBackupRule {
  ruleId: string;
  ruleName: string;
  targetBackupVaultName: string;
  targetLogicallyAirGappedBackupVaultArn?: string;
  scheduleExpression: string;
  scheduleExpressionTimezone?: string;
  startWindowMinutes?: number;
  completionWindowMinutes?: number;
  enableContinuousBackup?: boolean;
  lifecycle?: SimLifecycle;
  copyActions: SimCopyAction[];
  /** Ages (days before `estate.now`) of the recovery points this rule has produced and kept. */
  pointAgesDays: number[];
}

export interface SimCondition {
  conditionKey: string;
  conditionValue: string;
}

export interface SimBackupSelection {
  selectionId: string;
  selectionName: string;
  iamRoleArn: string;
  creationDate: string;
  resources: string[];
  notResources: string[];
  listOfTags: Array<{ conditionType: 'STRINGEQUALS' } & SimCondition>;
  conditions: {
    stringEquals: SimCondition[];
    stringNotEquals: SimCondition[];
    stringLike: SimCondition[];
    stringNotLike: SimCondition[];
  };
}

export interface SimBackupPlan {
  planId: string;
  arn: string;
  name: string;
  versionId: string;
  accountId: string;
  region: string;
  creationDate: string;
  lastExecutionDate?: string;
  rules: SimBackupRule[];
  selections: SimBackupSelection[];
}

export interface SimGlobalSettings {
  isCrossAccountBackupEnabled: boolean;
  isMpaEnabled: boolean;
  lastUpdateTime: string;
}

/**
 * AWS Backup region settings of one account × region that differ from the simulator's defaults
 * (`DEFAULT_OPT_IN`, `DEFAULT_MANAGEMENT` in `regionSettings.ts`; rule A6). Only the types given
 * change.
 */
export interface SimRegionSettings {
  accountId: string;
  region: string;
  /** `ResourceTypeOptInPreference` overrides: a type set to false gets no backups here. */
  optIn?: Record<string, boolean>;
  /** `ResourceTypeManagementPreference` overrides: `DynamoDB: false` = advanced DynamoDB backup off. */
  management?: Record<string, boolean>;
}

/** A recovery point not produced by a plan (e.g. an on-demand backup). */
export interface SimManualRecoveryPoint {
  resourceArn: string;
  vaultArn: string;
  creationDate: string;
  deleteAfterDays?: number;
}

/**
 * Copy jobs started outside any backup plan (`StartCopyJob`), e.g. automation in a central backup
 * account that forwards what arrives in its vault to an air-gapped vault: a plan only selects
 * resources of its own account, so a second hop is always such a job. It runs in the source
 * vault's account and region, once per recovery point there (of `resourceArns`, when given).
 */
export interface SimStartedCopyJobs {
  sourceBackupVaultArn: string;
  destinationBackupVaultArn: string;
  /** Only the points of these resources; absent = every point in the source vault. */
  resourceArns?: string[];
  /** `Lifecycle` of the StartCopyJob request: the copy's lifecycle. */
  lifecycle?: SimLifecycle;
  /** The role passed to StartCopyJob (`IamRoleArn`), in the source vault's account. */
  iamRoleArn: string;
  /** Hours between the source point's completion and the job's start (default 2). */
  delayHours?: number;
}

export interface Estate {
  name: string;
  seed: number;
  /** The instant the estate is observed at; every derived date is relative to it. */
  now: string;
  organization: SimOrganization;
  accounts: SimAccount[];
  regions: string[];
  keys: SimKmsKey[];
  resources: SimResource[];
  vaults: SimVault[];
  plans: SimBackupPlan[];
  /** Held by the management account; applies to the whole organization. */
  globalSettings: SimGlobalSettings;
  /** Region settings that differ from the defaults, per account × region (A6). */
  regionSettings?: SimRegionSettings[];
  manualRecoveryPoints: SimManualRecoveryPoint[];
  /** Copy jobs started outside plans (StartCopyJob), in order: a later entry sees earlier copies. */
  startedCopyJobs?: SimStartedCopyJobs[];
  /** The Azure side of the estate (Entra ID tenant, subscriptions, vaults, key vaults). */
  azure?: SimAzureEstate;
}
