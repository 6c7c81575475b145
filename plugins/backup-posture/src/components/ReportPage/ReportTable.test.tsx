import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityPresentationApi,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityPostureSummary } from '@backup-posture/plugin-backup-posture-common';
import { backupPostureApiRef } from '../../api';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { summary } from '../../__testUtils__/posture';
import { ReportPage } from './ReportPage';

/** Catalog titles of owners and systems, as the catalog's presentation API gives them. */
const CATALOG_TITLES: Record<string, string> = {
  'group:default/team-1': 'Payments Team',
  'system:default/system-1': 'Payments Platform',
};

const presentationApi: EntityPresentationApi = {
  forEntity(entityOrRef) {
    const entityRef =
      typeof entityOrRef === 'string'
        ? entityOrRef
        : stringifyEntityRef(entityOrRef);
    const snapshot = {
      entityRef,
      primaryTitle: CATALOG_TITLES[entityRef] ?? entityRef,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

const unscored = {
  score: null,
  grade: null,
  counts: {
    pass: 0,
    fail: 0,
    warn: 0,
    unknown: 0,
    accepted: 0,
    'not-applicable': 0,
  },
};

// Grades cycle A–F by index (service 1 is B, service 4 is F); titles put them out of grade order.
const rows: EntityPostureSummary[] = [
  summary(4, { title: 'Audit' }),
  {
    ...summary(5, { title: 'Billing' }),
    state: 'pending',
    score: unscored,
    checkStatuses: {},
  },
  summary(1, { title: 'Catalog' }),
  summary(3, { title: 'Delivery' }),
  summary(0, { title: 'Events' }),
  // An invalid annotation is not a known posture, whatever score it carries.
  summary(6, { title: 'Feeds', state: 'invalid-annotation' }),
  summary(2, { title: 'Gateway' }),
];

function renderReport(routeEntries: string[] = ['/']) {
  const api = new FakeBackupPostureApi({ rows });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [backupPostureApiRef, api],
        [entityPresentationApiRef, presentationApi],
      ]}
    >
      <ReportPage />
    </TestApiProvider>,
    {
      routeEntries,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

async function rowsShown() {
  const table = await screen.findByTestId('backup-posture-report-table');
  return within(table).getAllByTestId('backup-posture-report-row');
}

async function gradeColumn() {
  return (await rowsShown()).map(
    row => within(row).getByRole('img', { name: /^Grade / }).textContent,
  );
}

describe('Report table', () => {
  it('links entity, owner and system to their catalog pages by title', async () => {
    await renderReport();
    const [row] = (await rowsShown()).filter(r =>
      within(r).queryByRole('link', { name: 'Catalog' }),
    );
    expect(within(row).getByRole('link', { name: 'Catalog' })).toHaveAttribute(
      'href',
      '/catalog/default/component/service-00001',
    );
    expect(
      within(row).getByRole('link', { name: 'Payments Team' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-1');
    expect(
      within(row).getByRole('link', { name: 'Payments Platform' }),
    ).toHaveAttribute('href', '/catalog/default/system/system-1');
    expect(row).not.toHaveTextContent('group:default/team-1');
  });

  it('shows the grade as a badge labelled with the grade, and unknown posture as "unknown"', async () => {
    await renderReport();
    const row = (await rowsShown()).find(r =>
      within(r).queryByRole('link', { name: 'Catalog' }),
    )!;
    expect(within(row).getByRole('img', { name: 'Grade B' })).toHaveTextContent(
      'B',
    );
    for (const name of ['Billing', 'Feeds']) {
      const unknown = (await rowsShown()).find(r =>
        within(r).queryByRole('link', { name }),
      )!;
      expect(
        within(unknown).getByRole('img', { name: /^Grade unknown/ }),
      ).toHaveTextContent(/^unknown$/);
      expect(
        within(unknown).queryByRole('img', { name: /^Grade [A-F]/ }),
      ).toBeNull();
    }
  });

  it('sorts by grade A before F with unknown last, both ways, when the header is clicked', async () => {
    await renderReport();
    // By title at first.
    expect(await gradeColumn()).toEqual([
      'F',
      'unknown',
      'B',
      'D',
      'A',
      'unknown',
      'C',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Grade' }));
    await waitFor(async () =>
      expect(await gradeColumn()).toEqual([
        'A',
        'B',
        'C',
        'D',
        'F',
        'unknown',
        'unknown',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Grade' }));
    await waitFor(async () =>
      expect(await gradeColumn()).toEqual([
        'F',
        'D',
        'C',
        'B',
        'A',
        'unknown',
        'unknown',
      ]),
    );
  });

  it('sorts scores as numbers and marks the active column', async () => {
    await renderReport(['/?sort=score&order=desc']);
    await rowsShown();
    const header = screen.getByRole('columnheader', { name: /Score/ });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    const scores = (await rowsShown()).map(
      row => within(row).getAllByRole('cell')[5].textContent,
    );
    expect(scores).toEqual(['100', '85', '70', '55', '40', '–', '–']);
  });

  it('makes every single-valued column sortable and keeps headers on one line', async () => {
    await renderReport();
    await rowsShown();
    const sortable = screen
      .getAllByRole('columnheader')
      .filter(h => within(h).queryByRole('button'))
      .map(h => h.textContent);
    expect(sortable).toEqual([
      'Entity',
      'Owner',
      'System',
      'Lifecycle',
      'Grade',
      'Score',
      'Failing',
      'Scanned',
    ]);
    for (const header of screen.getAllByRole('columnheader')) {
      expect(header).toHaveStyle({ whiteSpace: 'nowrap' });
    }
  });
});
