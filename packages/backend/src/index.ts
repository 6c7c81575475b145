/*
 * The dev backend: a real Backstage backend (new backend system) with the catalog, guest sign-in,
 * allow-all permissions, the backup-posture plugin with its built-in checks plus an example check
 * module of our own, its actions over MCP, and Tech Insights with the backup posture facts. Its
 * database is in-memory SQLite unless app-config says otherwise.
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
// Regression notifications (backupPosture.notifications) are stored and shown by this.
backend.add(import('@backstage/plugin-notifications-backend'));
// The backup-posture actions (and any other plugin's listed in backend.actions.pluginSources)
// for AI assistants, over MCP at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// Tech Insights with the JSON rules engine checks and the backup posture facts.
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import('@backup-posture/plugin-tech-insights-backend-module-backup-posture'),
);

backend.start();
