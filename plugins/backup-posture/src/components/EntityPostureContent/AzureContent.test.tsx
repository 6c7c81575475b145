import { screen, within } from '@testing-library/react';
import { EntityPostureContent } from './EntityPostureContent';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';
import { azureComponent, azurePosture } from '../../__testUtils__/azurePosture';
import { mockSvgLayout } from '../../__testUtils__/svgLayout';

mockSvgLayout();

const SUB = '2b1f0c1e-0000-4000-8000-00000000a001';

describe('EntityPostureContent for an Azure-backed entity', () => {
  it('shows Recovery Services vaults with key, key vault protections and identity, not AWS tables', async () => {
    const api = new FakeBackupPostureApi({ posture: azurePosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: azureComponent,
    });
    const table = await screen.findByTestId('backup-posture-azure-vaults');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('rsv-crm');
    expect(rows[1]).toHaveTextContent('rsv-key pinned 01234567…');
    expect(rows[1]).toHaveTextContent('NO purge protection');
    expect(rows[1]).toHaveTextContent('System-assigned');
    expect(rows[2]).toHaveTextContent('Azure platform-managed');
    expect(
      screen.queryByTestId('backup-posture-vaults'),
    ).not.toBeInTheDocument();
  });

  it('draws vault → key vault → key lineage with the Z rules it breaks, and runs the Azure checks', async () => {
    const api = new FakeBackupPostureApi({ posture: azurePosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: azureComponent,
    });
    const chain = await screen.findByRole('region', {
      name: /Lineage of .*vaults\/rsv-crm$/,
    });
    expect(chain).toHaveTextContent('Recovery Services vault');
    expect(chain).toHaveTextContent('kv-crm/rsv-key (Customer-managed');
    expect(chain).toHaveTextContent('pinned to version 01234567…');
    expect(chain).toHaveTextContent('(rule Z5)');
    // the graph: vault → key vault → key version
    const graph = within(chain).getByTestId('backup-posture-lineage-graph');
    const nodes = await within(graph).findAllByTestId(
      'backup-posture-lineage-node',
    );
    expect(nodes.map(n => n.firstElementChild?.textContent)).toEqual([
      expect.stringMatching(/^N1 Recovery Services vault: rsv-crm\n/),
      `N2 Key vault: kv-crm\n${SUB} / japaneast\nWarning: key vault kv-crm lacks purge protection: deleting it loses every backup (rule Z4)`,
      `N3 Key: rsv-key\n${SUB} / japaneast\nWarning: key URI pinned to version 0123456789abcdef0123456789abcdef: rotation does not reach this vault (rule Z5)`,
    ]);
    expect(nodes[1]).toHaveTextContent('in japaneast');
    expect(nodes[2]).toHaveTextContent('version 01234567… (pinned)');
    expect(nodes[1]).toHaveAttribute('data-warning', 'true');
    const edges = within(graph)
      .getAllByTestId('backup-posture-lineage-edge')
      .map(e => e.querySelector('title')?.textContent);
    expect(edges).toEqual(['key held in', 'key version']);
    expect(
      within(chain).getAllByTestId('backup-posture-lineage-item'),
    ).toHaveLength(3);
    expect(chain).toHaveTextContent(
      'lacks purge protection: deleting it loses every backup (rule Z4)',
    );
    const legacy = screen.getByRole('region', {
      name: /Lineage of .*rsv-crm-legacy$/,
    });
    expect(legacy).toHaveTextContent('Azure platform-managed');
    const checks = screen.getByTestId('backup-posture-checks');
    const ids = within(checks)
      .getAllByTestId('backup-posture-check-row')
      .map(r => r.getAttribute('data-check-id'));
    expect(ids).toContain('rsv-customer-managed-key');
    expect(ids).toContain('rsv-key-rotation');
    expect(ids.every(id => id?.startsWith('rsv-'))).toBe(true);
  });

  it('names a denied subscription as such, and says nothing of it was ever shown', async () => {
    const denied = {
      cloud: 'azure' as const,
      account: '8a1c2e3f-4b5d-4e6f-9a0b-1c2d3e4f5a63',
      region: 'global',
      state: 'error' as const,
      error: { name: 'AuthorizationFailed', message: 'no Reader role.' },
    };
    const api = new FakeBackupPostureApi({
      posture: {
        ...azurePosture,
        freshness: {
          ...azurePosture.freshness,
          stale: true,
          scopes: [...azurePosture.freshness.scopes, denied],
        },
      },
    });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: azureComponent,
    });
    const errors = await screen.findByTestId('backup-posture-scope-errors');
    expect(errors).toHaveTextContent(
      'Azure subscription 8a1c2e3f-4b5d-4e6f-9a0b-1c2d3e4f5a63: error — AuthorizationFailed: no Reader role. It was never scanned successfully, so nothing from it is shown.',
    );
  });
});
