import { screen } from '@testing-library/react';
import { ScanProgress } from '@backup-posture/plugin-backup-posture-common';
import { ScanStatusBar } from './ScanStatusBar';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';

const last: ScanProgress = {
  scanId: 'scan-1',
  trigger: 'schedule',
  state: 'succeeded',
  startedAt: '2026-11-23T17:55:00Z',
  finishedAt: '2026-11-23T18:00:00Z',
  scopesTotal: 4,
  scopesDone: 4,
  errors: [],
  errorCount: 0,
};

async function statusText(progress: ScanProgress) {
  const api = new FakeBackupPostureApi({ scanStatus: { last: progress } });
  await renderWithApi(<ScanStatusBar />, api);
  return (await screen.findByText(/^Last scan/)).textContent;
}

describe('ScanStatusBar: failed key reads (issue 15 item 3)', () => {
  it('counts the key reads that failed in the last scan', async () => {
    expect(await statusText({ ...last, keyErrorCount: 3 })).toBe(
      'Last scan succeeded at 2026-11-23 18:00 UTC (3 key reads failed).',
    );
  });

  it('counts failed scopes and failed key reads together', async () => {
    expect(
      await statusText({
        ...last,
        state: 'partial',
        errorCount: 1,
        keyErrorCount: 1,
      }),
    ).toBe(
      'Last scan finished with errors in some scopes (AWS account × region or Azure subscription) at 2026-11-23 18:00 UTC (1 scope errors, 1 key read failed).',
    );
  });

  it('says nothing about keys when every key was read (or the backend does not count them)', async () => {
    expect(await statusText({ ...last, keyErrorCount: 0 })).toBe(
      'Last scan succeeded at 2026-11-23 18:00 UTC.',
    );
  });
});
