import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { BACKUP_POSTURE_FACT_RETRIEVER_ID } from './facts';
import { createBackupPostureFactRetriever } from './factRetriever';

/**
 * Adds the backup posture fact retriever to Tech Insights. It runs on the cadence set in
 * `techInsights.factRetrievers.backupPostureFactRetriever` (Tech Insights schedules only the
 * retrievers configured there).
 *
 * @public
 */
export const techInsightsModuleBackupPosture = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'backup-posture',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({
          [BACKUP_POSTURE_FACT_RETRIEVER_ID]:
            createBackupPostureFactRetriever(),
        });
      },
    });
  },
});
