import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReportPage } from './ReportPage';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';
import { summary } from '../../__testUtils__/posture';

const rows = Array.from({ length: 10000 }, (_, i) => summary(i));

describe('ReportPage', () => {
  it('asks the server for one page only and renders it', async () => {
    const api = new FakeBackupPostureApi({ rows });
    await renderWithApi(<ReportPage />, api);
    const table = await screen.findByTestId('backup-posture-report-table');
    expect(
      within(table).getAllByTestId('backup-posture-report-row'),
    ).toHaveLength(25);
    expect(api.reportQueries[0]).toEqual({ offset: 0, limit: 25 });
    expect(
      screen.getByText('10000 entities match the filters.'),
    ).toBeInTheDocument();
  });

  it('reads filters, sort and paging from the URL and sends them to the server', async () => {
    const api = new FakeBackupPostureApi({ rows });
    await renderWithApi(<ReportPage />, api, {
      routeEntries: [
        '/?owner=group%3Adefault%2Fteam-3&status=fail&check=copy-destination-key&sort=score&order=desc&offset=25',
      ],
    });
    await screen.findByTestId('backup-posture-report-table');
    expect(api.reportQueries[0]).toEqual({
      owner: 'group:default/team-3',
      status: 'fail',
      check: 'copy-destination-key',
      sort: 'score',
      order: 'desc',
      offset: 25,
      limit: 25,
    });
    expect(screen.getByLabelText('Owner')).toHaveValue('group:default/team-3');
  });

  it('applies a text filter on submit and resets to the first page', async () => {
    const api = new FakeBackupPostureApi({ rows });
    await renderWithApi(<ReportPage />, api, { routeEntries: ['/?offset=50'] });
    await screen.findByTestId('backup-posture-report-table');
    fireEvent.change(screen.getByLabelText('Lifecycle'), {
      target: { value: 'experimental' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(api.reportQueries[api.reportQueries.length - 1]).toEqual({
        lifecycle: 'experimental',
        offset: 0,
        limit: 25,
      }),
    );
    const table = screen.getByTestId('backup-posture-report-table');
    await waitFor(() =>
      within(table)
        .getAllByTestId('backup-posture-report-row')
        .forEach(row => expect(row).toHaveTextContent('experimental')),
    );
  });

  it("offers a module's cloud in the cloud filter once its rows appear, and filters by it", async () => {
    const onprem = { ...summary(1), clouds: ['onprem'] };
    const api = new FakeBackupPostureApi({
      rows: [onprem, ...rows.slice(0, 30)],
    });
    await renderWithApi(<ReportPage />, api);
    await screen.findByTestId('backup-posture-report-table');
    // MUI opens a select's menu on mouse down.
    fireEvent.mouseDown(screen.getByRole('button', { name: 'Cloud' }));
    const options = within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map(o => o.textContent);
    expect(options).toEqual(['Any', 'AWS', 'Azure', 'onprem']);
    fireEvent.click(screen.getByRole('option', { name: 'onprem' }));
    await waitFor(() =>
      expect(api.reportQueries[api.reportQueries.length - 1]).toEqual({
        cloud: 'onprem',
        offset: 0,
        limit: 25,
      }),
    );
  });

  it('sorts on the server when a column header is clicked', async () => {
    const api = new FakeBackupPostureApi({ rows });
    await renderWithApi(<ReportPage />, api);
    await screen.findByTestId('backup-posture-report-table');
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(api.reportQueries[api.reportQueries.length - 1]).toMatchObject({
        sort: 'score',
        order: 'asc',
        offset: 0,
      }),
    );
  });

  it('shows the trend over scans in words', async () => {
    const api = new FakeBackupPostureApi({
      rows,
      trend: {
        points: [
          {
            scanId: 's1',
            finishedAt: '2026-11-22T18:00:00Z',
            score: 60,
            grade: 'D',
            entities: 10,
            counts: {
              pass: 1,
              fail: 5,
              warn: 0,
              unknown: 0,
              accepted: 0,
              'not-applicable': 0,
            },
          },
          {
            scanId: 's2',
            finishedAt: '2026-11-23T18:00:00Z',
            score: 72,
            grade: 'C',
            entities: 10,
            counts: {
              pass: 3,
              fail: 3,
              warn: 0,
              unknown: 0,
              accepted: 0,
              'not-applicable': 0,
            },
          },
        ],
      },
    });
    await renderWithApi(<ReportPage />, api);
    const trend = await screen.findByTestId('backup-posture-trend');
    expect(trend).toHaveTextContent(
      'Score 72 (grade C) at 2026-11-23 18:00 UTC; up 12 points over 2 scans.',
    );
  });

  it("rounds the trend's change to the scores' one decimal", async () => {
    const point = (scanId: string, score: number) => ({
      scanId,
      finishedAt: '2026-11-29T11:48:00Z',
      score,
      grade: 'C' as const,
      entities: 23,
      counts: {
        pass: 1,
        fail: 1,
        warn: 0,
        unknown: 0,
        accepted: 0,
        'not-applicable': 0,
      },
    });
    const api = new FakeBackupPostureApi({
      rows,
      trend: { points: [point('s1', 59.8), point('s2', 70.4)] },
    });
    await renderWithApi(<ReportPage />, api);
    expect(await screen.findByTestId('backup-posture-trend')).toHaveTextContent(
      'up 10.6 points over 2 scans.',
    );
  });
});
