import { screen, within } from '@testing-library/react';
import {
  ApiBlueprint,
  coreApis,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import plugin, {
  backupPostureApi,
  backupPostureEntityCard,
  backupPostureEntityContent,
  backupPostureGroupCard,
  backupPostureReportPage,
} from './alpha';
import { backupPostureApiRef } from './api';
import { FakeBackupPostureApi } from './__testUtils__/FakeBackupPostureApi';
import {
  annotatedComponent,
  groupEntity,
  plainComponent,
  summary,
} from './__testUtils__/posture';

// The new-frontend-system plugin, run by the frontend framework itself (the dev app, packages/app,
// and the browser tests use it too; packages/app-legacy tests the legacy exports).
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
    // The page draws its own header (noHeader): one "Backup posture" heading, not the
    // framework's as well.
    expect(
      screen.getAllByRole('heading', { name: 'Backup posture' }),
    ).toHaveLength(1);
  });

  it('gives the report page the title and icon an app lists in its sidebar', () => {
    const page = createExtensionTester(backupPostureReportPage);
    expect(page.get(coreExtensionData.title)).toBe('Backup posture');
    expect(page.get(coreExtensionData.icon)).toBeTruthy();
    expect(page.get(coreExtensionData.routePath)).toBe('/backup-posture');
  });

  const system: Entity = {
    ...plainComponent,
    kind: 'System',
    metadata: { name: 'payments' },
  };
  // Which of these entities the extension's filter admits (all undefined without a filter).
  const shows = (filter?: (entity: Entity) => boolean) =>
    [annotatedComponent, plainComponent, system, groupEntity].map(e =>
      filter?.(e),
    );

  it('puts the posture card and tab on annotated entities and systems, not on groups', () => {
    const card = createExtensionTester(backupPostureEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    const content = createExtensionTester(backupPostureEntityContent);
    expect(shows(card)).toEqual([true, false, true, false]);
    expect(
      shows(content.get(EntityContentBlueprint.dataRefs.filterFunction)),
    ).toEqual([true, false, true, false]);
    expect(content.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Backup posture',
    );
  });

  it('puts the team scorecard on group pages only', () => {
    const tester = createExtensionTester(backupPostureGroupCard);
    expect(
      shows(tester.get(EntityCardBlueprint.dataRefs.filterFunction)),
    ).toEqual([false, false, false, true]);
  });
});
