import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { InventoryProvider } from './InventoryProvider';

/**
 * Adds inventory providers (clouds) to the backup-posture backend, whose scan loop runs over them.
 * AWS and Azure are registered through it by the backend itself; one provider per cloud.
 *
 * @alpha
 */
export interface BackupPostureInventoryProvidersExtensionPoint {
  addProviders(...providers: InventoryProvider[]): void;
}

/** @alpha */
export const backupPostureInventoryProvidersExtensionPoint =
  createExtensionPoint<BackupPostureInventoryProvidersExtensionPoint>({
    id: 'backup-posture.inventory-providers',
  });
