import { NotImplementedError } from '@backstage/errors';
import {
  BackupPostureInventoryProvidersExtensionPoint,
  InventoryProvider,
} from '@backup-posture/plugin-backup-posture-node';

/**
 * The inventory providers extension point until the scan loop runs over providers: AWS and
 * Azure are still built in, so a module's provider would be ignored. It is refused at startup
 * instead, naming the clouds.
 */
export const unsupportedProviders: BackupPostureInventoryProvidersExtensionPoint =
  {
    addProviders(...providers: InventoryProvider[]) {
      throw new NotImplementedError(
        `backup-posture does not take inventory providers from modules yet (AWS and Azure are built in); refused: ${providers.map(p => p.cloud).join(', ')}`,
      );
    },
  };
