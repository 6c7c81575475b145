import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { BackupPostureClient, backupPostureApiRef } from './api';
import { isBackupPostureAvailable } from './isBackupPostureAvailable';
import { entityContentRouteRef, rootRouteRef } from './routes';

/** @alpha */
export const backupPostureApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: backupPostureApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new BackupPostureClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The platform report page at /backup-posture, listed in the app's sidebar (an NFS app lists only
 * pages with an icon). The report renders its own header, so the framework's is hidden.
 *
 * @alpha
 */
export const backupPostureReportPage = PageBlueprint.make({
  params: {
    path: '/backup-posture',
    title: 'Backup posture',
    icon: <VerifiedUserIcon />,
    noHeader: true,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ReportPage').then(m =>
        compatWrapper(<m.ReportPage />),
      ),
  },
});

/** Overview card on annotated components, resources, systems and domains. @alpha */
export const backupPostureEntityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: entity =>
      isBackupPostureAvailable(entity) &&
      entity.kind.toLocaleLowerCase('en-US') !== 'group',
    loader: () =>
      import('./components/EntityPostureCard').then(m =>
        compatWrapper(<m.EntityPostureCard />),
      ),
  },
});

/** The team scorecard on group pages. @alpha */
export const backupPostureGroupCard = EntityCardBlueprint.make({
  name: 'group-scorecard',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupScorecardCard').then(m =>
        compatWrapper(<m.GroupScorecardCard />),
      ),
  },
});

/** The "Backup posture" entity tab. @alpha */
export const backupPostureEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/backup-posture',
    title: 'Backup posture',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: entity =>
      isBackupPostureAvailable(entity) &&
      entity.kind.toLocaleLowerCase('en-US') !== 'group',
    loader: () =>
      import('./components/EntityPostureContent').then(m =>
        compatWrapper(<m.EntityPostureContent />),
      ),
  },
});

/**
 * The backup-posture plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'backup-posture',
  title: 'Backup posture',
  icon: <VerifiedUserIcon />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    entityContent: convertLegacyRouteRef(entityContentRouteRef),
  },
  extensions: [
    backupPostureApi,
    backupPostureReportPage,
    backupPostureEntityCard,
    backupPostureGroupCard,
    backupPostureEntityContent,
  ],
});
