import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { backupPostureApiRef } from '../api';
import { FakeBackupPostureApi } from './FakeBackupPostureApi';

/** Renders an element inside a test app with the fake API and, optionally, an entity. */
export function renderWithApi(
  element: ReactElement,
  api: FakeBackupPostureApi,
  options: { entity?: Entity; routeEntries?: string[] } = {},
) {
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider apis={[[backupPostureApiRef, api]]}>
      {content}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
