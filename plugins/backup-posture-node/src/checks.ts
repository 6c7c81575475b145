/**
 * What a check module writes against, from the engine in `-common` (the engine is pure and runs
 * in any process; this package only adds the backend's extension points).
 */
export {
  alsoUnreadVaults,
  finding,
  isAwsCheck,
  isAzureCheck,
  isProviderCheck,
  unreadVaultFindings,
} from '@backup-posture/plugin-backup-posture-common';
export type {
  AwsCheck,
  AwsContext,
  AwsEvaluationInput,
  AzureCheck,
  AzureContext,
  AzureEvaluationInput,
  BackupPostureCheck,
  CheckDefinition,
  CheckStatus,
  EvidenceValue,
  Finding,
  PostureCheck,
  ProviderCheck,
  ProviderEvaluationInput,
  ProviderLineageBuilder,
  Remediation,
  Severity,
} from '@backup-posture/plugin-backup-posture-common';
