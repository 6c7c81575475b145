/**
 * Tech Insights backend module for backup-posture: each entity's backup posture as facts.
 *
 * @packageDocumentation
 */
export { techInsightsModuleBackupPosture as default } from './module';
export { createBackupPostureFactRetriever } from './factRetriever';
export {
  BACKUP_POSTURE_FACT_RETRIEVER_ID,
  backupPostureFactSchema,
  factsOf,
} from './facts';
export { exampleBackupPostureChecks } from './exampleChecks';
