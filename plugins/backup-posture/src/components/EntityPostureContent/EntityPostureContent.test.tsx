import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EntityPostureContent } from './EntityPostureContent';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { renderWithApi } from '../../__testUtils__/render';
import {
  annotatedComponent,
  okPosture,
  plainComponent,
  stalePosture,
} from '../../__testUtils__/posture';
import { mockSvgLayout } from '../../__testUtils__/svgLayout';

mockSvgLayout();

describe('EntityPostureContent', () => {
  it('orders checks failures first, then by severity, with status in words', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    const table = await screen.findByTestId('backup-posture-checks');
    const rows = within(table).getAllByTestId('backup-posture-check-row');
    expect(rows.map(r => r.getAttribute('data-check-id'))).toEqual([
      'vault-key-customer-managed', // fail, critical
      'copy-destination-key', // fail, high
      'backup-key-healthy', // unknown
      'plan-frequency-retention', // warn
      'air-gapped-copy-present', // accepted
      'vault-lock', // pass
      'lifecycle-cold-storage-valid', // not applicable
    ]);
    expect(rows[0]).toHaveTextContent('Failing');
    expect(rows[0]).toHaveTextContent('Critical');
    expect(rows[4]).toHaveTextContent('Accepted');
    expect(rows[6]).toHaveTextContent('Not applicable');
  });

  it('expands a check into why, findings, console, CLI and Terraform fixes and the accepted exception', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    expect(
      screen.queryByText('Why Copy destination key matters'),
    ).not.toBeInTheDocument();
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Show why and how to fix: Copy destination key',
      }),
    );
    expect(
      screen.getByText('Why Copy destination key matters'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Open AWS Backup for copy-destination-key'),
    ).toBeInTheDocument();
    // CodeSnippet splits highlighted tokens into spans: assert on the table's text
    const table = screen.getByTestId('backup-posture-checks');
    // the syntax highlighter loads lazily
    await waitFor(() =>
      expect(table).toHaveTextContent(
        'aws backup describe-backup-vault --backup-vault-name orders-dr # copy-destination-key',
      ),
    );
    expect(table).toHaveTextContent(
      'resource "aws_backup_vault" "copy-destination-key" {}',
    );

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Show why and how to fix: Air-gapped copy present',
      }),
    );
    expect(
      screen.getByText(
        /Accepted exception: Migration to the new LAG vault in progress \(approved by security@example.com, expires 2026-12-31 00:00 UTC\)/,
      ),
    ).toBeInTheDocument();
  });

  it('draws the lineage graph with the true parents and spells out the substitution in text', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    const lineage = await screen.findByTestId('backup-posture-lineage');
    expect(lineage).toHaveTextContent(
      '5 places across 3 accounts and 2 regions',
    );
    const graph = within(lineage).getByTestId('backup-posture-lineage-graph');
    const nodes = await within(graph).findAllByTestId(
      'backup-posture-lineage-node',
    );
    expect(nodes).toHaveLength(5);
    const tokyo = nodes.find(n => n.textContent?.includes('orders-dr'))!;
    expect(tokyo).toHaveTextContent('observed key: AWS-managed alias/aws/rds');
    expect(tokyo).toHaveAttribute('data-warning', 'true');
    const lagEdge = within(graph)
      .getAllByTestId('backup-posture-lineage-edge')
      .find(e => e.getAttribute('data-to')?.endsWith('vault-lag'))!;
    expect(lagEdge.getAttribute('data-from')).toMatch(/:central$/);

    const chain = within(lineage).getByRole('region', {
      name: /Lineage of arn:aws:rds/,
    });
    expect(chain).toHaveTextContent(
      'Warning: Key substitution: expected alias/orders-db-replica (Customer-managed), got alias/aws/rds (AWS-managed)',
    );
    expect(chain).toHaveTextContent(
      'Warning: expected a customer-managed key, got aws/rds (rule A4)',
    );
    expect(chain).toHaveTextContent(
      'Copy [N4]: 444444444444 / us-east-1 / central — key alias/central-backup (Customer-managed) ← from N2 orders-primary',
    );
    expect(chain).toHaveTextContent(
      'Copy [N5]: 555555555555 / us-east-1 / vault-lag (logically air-gapped vault) — key AWS-owned ← from N4 central',
    );
  });

  it('lists vaults and recovery points with their keys', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    const vaults = await screen.findByTestId('backup-posture-vaults');
    expect(within(vaults).getAllByRole('row')).toHaveLength(3);
    expect(vaults).toHaveTextContent('orders-primary');
    expect(vaults).toHaveTextContent('alias/orders-db (Customer-managed)');

    const points = screen.getByTestId('backup-posture-recovery-points');
    const rows = within(points).getAllByRole('row').slice(1);
    // newest first; the copy in Tokyo carries the AWS-managed aws/rds key
    expect(rows[0]).toHaveTextContent('orders-dr (copy from orders-primary)');
    expect(rows[0]).toHaveTextContent('alias/aws/rds (AWS-managed)');
  });

  it('states per-account scan errors and stale data plainly', async () => {
    const api = new FakeBackupPostureApi({ posture: stalePosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });

    const errors = await screen.findByTestId('backup-posture-scope-errors');
    expect(errors).toHaveTextContent(
      'AWS account 444444444444, region us-east-1: error — AccessDeniedException: User is not authorized to perform: backup:ListBackupVaults. Showing data from the last successful scan (2026-11-22 18:00 UTC).',
    );
    expect(screen.getByText(/Stale data/)).toBeInTheDocument();
  });

  it('says permission denied when a refresh is not permitted', async () => {
    const api = new FakeBackupPostureApi({
      posture: okPosture,
      refreshAllowed: false,
    });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });
    fireEvent.click(
      await screen.findByRole('button', { name: /Refresh scan/ }),
    );
    expect(
      await screen.findByText(
        'Permission denied: you are not allowed to start a scan (backup-posture.scan.refresh).',
      ),
    ).toBeInTheDocument();
  });

  it('starts a scan when permitted', async () => {
    const api = new FakeBackupPostureApi({
      posture: okPosture,
      refreshAllowed: true,
    });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: annotatedComponent,
    });
    fireEvent.click(
      await screen.findByRole('button', { name: /Refresh scan/ }),
    );
    expect(await screen.findByText('Scan started.')).toBeInTheDocument();
  });

  it('shows the annotation instructions on an unannotated entity', async () => {
    const api = new FakeBackupPostureApi({ posture: okPosture });
    await renderWithApi(<EntityPostureContent />, api, {
      entity: plainComponent,
    });
    expect(
      screen.getByText('No backup posture: this entity is not annotated'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('backup-posture-lineage'),
    ).not.toBeInTheDocument();
  });
});
