import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  backupPostureChecksExtensionPoint,
  backupPostureInventoryProvidersExtensionPoint,
} from '@backup-posture/plugin-backup-posture-node';
import { OnPremInventoryProvider } from './OnPremInventoryProvider';
import { onPremJobEncryptedCheck } from './onPremJobEncryptedCheck';
import { OnPremApplianceClient } from './types';

/**
 * An example provider module: adds a third cloud, `onprem` (backup appliances of the company's
 * own sites), with its provider and its check, through the plugin's extension points only. A
 * real module would build its client from its own configuration keys; this one is given it.
 */
export function createBackupPostureModuleOnPrem(client: OnPremApplianceClient) {
  return createBackendModule({
    pluginId: 'backup-posture',
    moduleId: 'onprem-provider',
    register(env) {
      env.registerInit({
        deps: {
          providers: backupPostureInventoryProvidersExtensionPoint,
          checks: backupPostureChecksExtensionPoint,
        },
        async init({ providers, checks }) {
          providers.addProviders(new OnPremInventoryProvider(client));
          checks.addChecks(onPremJobEncryptedCheck);
        },
      });
    },
  });
}
