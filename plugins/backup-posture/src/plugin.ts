import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { BackupPostureClient, backupPostureApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The backup-posture frontend plugin (legacy frontend system).
 *
 * @public
 */
export const backupPosturePlugin = createPlugin({
  id: 'backup-posture',
  apis: [
    createApiFactory({
      api: backupPostureApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BackupPostureClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * Entity overview card: grade, key mix, coverage, worst checks, freshness.
 *
 * @public
 */
export const EntityBackupPostureCard = backupPosturePlugin.provide(
  createComponentExtension({
    name: 'EntityBackupPostureCard',
    component: {
      lazy: () =>
        import('./components/EntityPostureCard').then(m => m.EntityPostureCard),
    },
  }),
);

/**
 * Entity tab: key lineage, checks, vaults, recovery points.
 *
 * @public
 */
export const EntityBackupPostureContent = backupPosturePlugin.provide(
  createRoutableExtension({
    name: 'EntityBackupPostureContent',
    component: () =>
      import('./components/EntityPostureContent').then(
        m => m.EntityPostureContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * Group page card: the team scorecard of owned entities.
 *
 * @public
 */
export const EntityGroupBackupPostureCard = backupPosturePlugin.provide(
  createComponentExtension({
    name: 'EntityGroupBackupPostureCard',
    component: {
      lazy: () =>
        import('./components/GroupScorecardCard').then(
          m => m.GroupScorecardCard,
        ),
    },
  }),
);

/**
 * Platform report page (mount it at `/backup-posture`).
 *
 * @public
 */
export const BackupPostureReportPage = backupPosturePlugin.provide(
  createRoutableExtension({
    name: 'BackupPostureReportPage',
    component: () => import('./components/ReportPage').then(m => m.ReportPage),
    mountPoint: rootRouteRef,
  }),
);
