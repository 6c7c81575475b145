import { screen, within } from '@testing-library/react';
import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import plugin, { backupPostureApi } from './alpha';
import { backupPostureApiRef } from './api';
import { FakeBackupPostureApi } from './__testUtils__/FakeBackupPostureApi';
import { summary } from './__testUtils__/posture';

// The new-frontend-system plugin, run by the frontend framework itself (the dev app and the
// browser tests use the legacy system).
describe('backup-posture plugin for the new frontend system', () => {
  it('builds its API client on the core discovery and fetch APIs', () => {
    const factory = createExtensionTester(backupPostureApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(backupPostureApiRef.id);
    expect(factory.deps).toEqual({
      discoveryApi: coreApis.discovery,
      fetchApi: coreApis.fetch,
    });
  });

  it('serves the report page at /backup-posture', async () => {
    const api = new FakeBackupPostureApi({
      rows: Array.from({ length: 3 }, (_, i) => summary(i)),
    });
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/backup-posture'],
      apis: [[backupPostureApiRef, api]],
      // The rows link to the catalog's entity pages.
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
    });
    const table = await screen.findByTestId('backup-posture-report-table');
    expect(
      within(table).getAllByTestId('backup-posture-report-row'),
    ).toHaveLength(3);
    expect(api.reportQueries[0]).toEqual({ offset: 0, limit: 25 });
  });
});
