import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { InventoryProvider } from './InventoryProvider';

/**
 * Adds inventory providers (clouds) to the backup-posture backend.
 *
 * Not yet supported: AWS and Azure are still built into the backend, which rejects providers
 * from modules at startup until its scan loop runs over providers (issue 16, item 3).
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
