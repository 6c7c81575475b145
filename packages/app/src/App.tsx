import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import backupPosturePlugin from '@backup-posture/plugin-backup-posture/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// The dev app, a new-frontend-system app as `@backstage/create-app` scaffolds one: the catalog,
// the org plugin's group and user cards, and the backup-posture plugin (report page in the
// sidebar, entity card and tab, group scorecard). The legacy-system app is packages/app-legacy.
export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    backupPosturePlugin,
    navModule,
    signInModule,
  ],
});
