import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  entityPresentationApiRef,
  EntityProvider,
  entityRouteRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  catalogPlugin,
  DefaultEntityPresentationApi,
} from '@backstage/plugin-catalog';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { backupPostureApiRef } from '@backup-posture/plugin-backup-posture';
import { routes } from './App';
import { entityPage } from './components/catalog/EntityPage';
import { StubBackupPostureApi } from './__testUtils__/StubBackupPostureApi';

// The legacy-system dev app wires the plugin's legacy exports (EntityBackupPostureCard,
// EntityBackupPostureContent, EntityGroupBackupPostureCard, BackupPostureReportPage): each
// renders where the app puts it and asks the plugin's API for its data.

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'backup-posture.io/aws-resource-tags': 'service=payments-api',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function renderEntityPage(
  entity: Entity,
  api: StubBackupPostureApi,
  path = '/',
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [backupPostureApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [entity] })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, mockApis.permission()],
        [entityPresentationApiRef, DefaultEntityPresentationApi.createLocal()],
        [
          scmIntegrationsApiRef,
          ScmIntegrationsApi.fromConfig(mockApis.config()),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{entityPage}</EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('legacy dev app', () => {
  it('shows the posture card on an annotated component page', async () => {
    const api = new StubBackupPostureApi();
    await renderEntityPage(component, api);
    expect(await screen.findByTestId('backup-posture-card')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Backup posture' })).toBeVisible();
    expect(api.entityRequests).toContainEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
  });

  it('shows the posture tab at /backup-posture of the entity page', async () => {
    const api = new StubBackupPostureApi();
    await renderEntityPage(component, api, '/backup-posture');
    expect(await screen.findByTestId('backup-posture-content')).toBeVisible();
  });

  it('shows the team scorecard on a group page', async () => {
    const api = new StubBackupPostureApi();
    await renderEntityPage(group, api);
    expect(
      await screen.findByTestId('backup-posture-group-card'),
    ).toBeVisible();
    expect(screen.queryByTestId('backup-posture-card')).toBeNull();
  });

  it('serves the report page at /backup-posture', async () => {
    const api = new StubBackupPostureApi();
    await renderInTestApp(
      <TestApiProvider apis={[[backupPostureApiRef, api]]}>
        {routes}
      </TestApiProvider>,
      {
        routeEntries: ['/backup-posture'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByTestId('backup-posture-report-table'),
    ).toBeVisible();
    expect(api.reportQueries).not.toHaveLength(0);
  });
});
