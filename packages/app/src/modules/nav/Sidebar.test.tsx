import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import backupPosturePlugin from '@backup-posture/plugin-backup-posture/alpha';
import { navModule } from '.';

describe('the dev app sidebar', () => {
  it('lists the backup-posture report, which has a title and an icon', async () => {
    renderTestApp({
      features: [backupPosturePlugin, navModule],
      initialRouteEntries: ['/'],
    });
    const link = await screen.findByRole('link', { name: 'Backup posture' });
    expect(link).toHaveAttribute('href', '/backup-posture');
  });
});
