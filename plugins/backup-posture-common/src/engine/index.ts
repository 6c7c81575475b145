/**
 * The pure posture engine: key lineage, checks, scores and exceptions. No I/O; deterministic
 * when `options.now` is given.
 */
export { evaluatePosture } from './evaluate';
export { POSTURE_ENGINE_VERSION } from './version';
export { EvaluationClock } from './clock';
export type { EvaluateOptions, PostureLimits } from './options';
export { DEFAULT_POSTURE_LIMITS } from './options';
export {
  rollUpScores,
  scoreChecks,
  gradeOf,
  SEVERITY_WEIGHTS,
  STATUS_CREDIT,
  GRADE_BANDS,
} from './score';
export { worstStatus } from './status';
export { parsePostureExceptions } from './exceptions';
export { builtInChecks, listCheckDefinitions, listCheckIds } from './checks';
export {
  isAwsCheck,
  isAzureCheck,
  isProviderCheck,
} from './checks/backupPostureCheck';
export type { BackupPostureCheck } from './checks/backupPostureCheck';
export { alsoUnreadVaults, finding, unreadVaultFindings } from './checks/types';
export type {
  AwsCheck,
  AwsEvaluationInput,
  PostureCheck,
} from './checks/types';
export type { AzureCheck, AzureEvaluationInput } from './checks/azureTypes';
export type {
  ProviderCheck,
  ProviderEvaluationInput,
  ProviderLineageBuilder,
} from './checks/providerTypes';
export type { AwsContext, ProtectingRule, UnreadVault } from './aws/context';
export type { AzureContext } from './azure/context';
export type { SelectionMatch } from './aws/selection';
export { renderChecksMarkdown } from './checksMarkdown';
export {
  encryptionModelOf,
  fallbackAliasOf,
  keyManagerOf,
  supportsColdStorage,
  INDEPENDENT_RESOURCE_TYPES,
  MANAGEMENT_DEPENDENT_RESOURCE_TYPES,
  SOURCE_DEPENDENT_FALLBACK_ALIAS,
  COLD_STORAGE_RESOURCE_TYPES,
} from './aws/classify';
export type { EncryptionModel, ManagementPreference } from './aws/classify';
export type { RegionSettingsRead, OptInState } from './aws/regionSettings';
export { explainAwsMessage, KNOWN_AWS_MESSAGES } from './aws/explanations';
export type { KnownMessage } from './aws/explanations';
export {
  encryptionPrincipalOf,
  parseKeyUri,
  REQUIRED_KEY_PERMISSIONS,
} from './azure/keys';
export { AZURE_VAULT_RESOURCE_TYPE } from './azure/lineage';
export {
  reachableFrom,
  lookupOf,
  planCovers,
  ruleTargetVaultArnOf,
} from './aws/reachability';
export type { AwsFactLookup, ReachableAws } from './aws/reachability';
export { rollUpEvaluations } from './rollUp';
export { keysByManager, recoveryPointsByKeyManager } from './keyMix';
export { coverageOf } from './coverage';
export { derivedOf } from './derived';
export type { PostureCoverage } from './coverage';
