import { createBackendModule } from '@backstage/backend-plugin-api';
import { backupPostureChecksExtensionPoint } from '@backup-posture/plugin-backup-posture-node';
import { costCenterTagCheck } from './costCenterTagCheck';

/**
 * An example check module of the dev backend: adds the organisation's `cost-center-tag` check
 * to backup-posture through its extension point, beside the built-in checks.
 */
export const backupPostureModuleCostCenterTag = createBackendModule({
  pluginId: 'backup-posture',
  moduleId: 'cost-center-tag',
  register(env) {
    env.registerInit({
      deps: { checks: backupPostureChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(costCenterTagCheck);
      },
    });
  },
});
