import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ExportButtons } from './ExportButtons';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';

describe('ExportButtons: findings', () => {
  it('asks the backend for the findings of the current filters (no paging or sort) and saves them', async () => {
    const api = new FakeBackupPostureApi({});
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:findings';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderWithApi(
      <ExportButtons
        query={{
          owner: 'group:default/team-3',
          status: 'fail',
          offset: 25,
          limit: 25,
          sort: 'score',
          order: 'desc',
        }}
      />,
      api,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Findings CSV' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Exported the findings as CSV.',
      ),
    );
    expect(api.findingsQueries).toEqual([
      { owner: 'group:default/team-3', status: 'fail', format: 'csv' },
    ]);
    expect(saved[0].type).toBe('text/csv');
    expect(await saved[0].text()).toBe('entityRef\r\n');

    fireEvent.click(screen.getByRole('button', { name: 'Findings JSON' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Exported the findings as JSON.',
      ),
    );
    expect(api.findingsQueries[1].format).toBe('json');
    expect(saved[1].type).toBe('application/json');
  });

  it('says why when the export fails', async () => {
    const api = new FakeBackupPostureApi({});
    api.getFindingsExport = async () => {
      throw new Error('backend unavailable');
    };
    await renderWithApi(<ExportButtons query={{}} />, api);
    fireEvent.click(screen.getByRole('button', { name: 'Findings CSV' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Export failed: backend unavailable',
      ),
    );
  });
});
