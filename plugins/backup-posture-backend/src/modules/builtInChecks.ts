import { createBackendModule } from '@backstage/backend-plugin-api';
import { builtInChecks } from '@backup-posture/plugin-backup-posture-common';
import { backupPostureChecksExtensionPoint } from '@backup-posture/plugin-backup-posture-node';

/**
 * The built-in posture checks (docs/checks.md), added through the same extension point as any
 * other check module. The package's default export installs it with the plugin.
 *
 * @public
 */
export const backupPostureModuleBuiltInChecks = createBackendModule({
  pluginId: 'backup-posture',
  moduleId: 'built-in-checks',
  register(env) {
    env.registerInit({
      deps: { checks: backupPostureChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(...builtInChecks);
      },
    });
  },
});
