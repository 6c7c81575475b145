/*
 * The dev backend: a real Backstage backend (new backend system) with the catalog, guest sign-in,
 * allow-all permissions and the backup-posture plugin with its built-in checks, plus an example
 * check module of our own. Its database is in-memory SQLite unless app-config says otherwise.
 */
import { createBackend } from '@backstage/backend-defaults';
import { backupPostureModuleCostCenterTag } from './modules/costCenterTagModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@backup-posture/plugin-backup-posture-backend'));
// An organisation-specific check, added through backupPostureChecksExtensionPoint.
backend.add(backupPostureModuleCostCenterTag);

backend.start();
