/**
 * The backup-posture backend plugin.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { backupPostureModuleBuiltInChecks } from './modules/builtInChecks';
import { backupPosturePlugin } from './plugin';

/**
 * The plugin with its built-in checks: what `backend.add(import('@backup-posture/plugin-backup-posture-backend'))`
 * installs. Check modules (`backupPostureChecksExtensionPoint` of
 * `@backup-posture/plugin-backup-posture-node`) are added beside it.
 *
 * @public
 */
const backupPostureBackend = createBackendFeatureLoader({
  *loader() {
    yield backupPosturePlugin;
    yield backupPostureModuleBuiltInChecks;
  },
});

export default backupPostureBackend;
export { backupPosturePlugin } from './plugin';
export { backupPostureModuleBuiltInChecks } from './modules/builtInChecks';
export type { BackupPostureConfig } from './config';
