import { createRoot } from 'react-dom/client';
import { Link, Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { attachComponentData } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the benchmark drives both sides
import {
  BackupPostureReportPage,
  backupPosturePlugin,
} from '@backup-posture/plugin-backup-posture';

/**
 * The smallest Backstage app around the real report page: the plugin's own API factory
 * (BackupPostureClient over discovery + fetch), same-origin backend, guest identity. Entity
 * links need the catalog's entity route mounted; a stub page stands in for the catalog.
 */
const EntityStub = () => null;
attachComponentData(EntityStub, 'core.mountPoint', entityRouteRef);

/** Where the app boots for the in-app navigation timing: a link, as the sidebar would have. */
const Home = () => (
  <Link to="/backup-posture" data-testid="to-report">
    Backup posture report
  </Link>
);

const origin = window.location.origin;
const app = createApp({
  plugins: [backupPosturePlugin],
  configLoader: async () => [
    {
      context: 'benchmark',
      data: {
        app: { baseUrl: origin, title: 'backup-posture benchmark' },
        backend: { baseUrl: origin },
      },
    },
  ],
});

const Root = app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/" element={<Home />} />
      <Route path="/backup-posture" element={<BackupPostureReportPage />} />
      <Route path="/catalog/:namespace/:kind/:name" element={<EntityStub />} />
    </FlatRoutes>
  </AppRouter>,
);

createRoot(document.getElementById('root')!).render(<Root />);
