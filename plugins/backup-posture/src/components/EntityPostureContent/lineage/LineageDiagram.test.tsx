import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { LineageChain } from '@backup-posture/plugin-backup-posture-common';
import { LineageDiagram } from './LineageDiagram';
import { lineage } from '../../../__testUtils__/posture';
import { mockSvgLayout } from '../../../__testUtils__/svgLayout';

mockSvgLayout();

async function renderDiagram(chains: LineageChain[]) {
  await renderInTestApp(<LineageDiagram chains={chains} />);
  const graph = await screen.findByTestId('backup-posture-lineage-graph');
  // DependencyGraph loads lazily and lays out after measuring: wait for every node.
  await within(graph).findAllByTestId('backup-posture-lineage-node');
  return graph;
}

const nodeText = (graph: HTMLElement, vaultName: string) =>
  within(graph)
    .getAllByTestId('backup-posture-lineage-node')
    .find(n => n.textContent?.includes(vaultName))!;

describe('LineageDiagram', () => {
  it('A5: draws one node per place, edges from the true parent labelled with rule or copy job and state', async () => {
    const graph = await renderDiagram(lineage);
    const nodes = within(graph).getAllByTestId('backup-posture-lineage-node');
    expect(nodes).toHaveLength(5);
    const edges = within(graph).getAllByTestId('backup-posture-lineage-edge');
    const byTarget = Object.fromEntries(
      edges.map(e => [
        e.getAttribute('data-to')!.split(':').pop(),
        {
          from: e.getAttribute('data-from')!.split(':').pop(),
          text: e.querySelector('title')?.textContent,
        },
      ]),
    );
    expect(byTarget).toEqual({
      'orders-primary': {
        from: 'source',
        text: 'backup rule orders-plan / daily',
      },
      'orders-dr': {
        from: 'orders-primary',
        text: 'copy rule orders-plan / daily (COMPLETED)',
      },
      // the second copy is made from the primary, not from the first copy
      central: {
        from: 'orders-primary',
        text: 'copy rule orders-plan / to-central (COMPLETED)',
      },
      // the second hop leaves the central account's vault
      'vault-lag': { from: 'central', text: 'copy job copy-job-7f3a (FAILED)' },
    });
    expect(
      edges.find(e => e.textContent?.includes('copy-job-7f3a')),
    ).toHaveTextContent('copy jobcopy-job-7f3aFAILED');
  });

  it('labels nodes with account, region, vault, vault type and key, predicted beside observed when they differ', async () => {
    const graph = await renderDiagram(lineage);
    const source = nodeText(graph, 'Aurora orders-db');
    expect(source).toHaveTextContent('N1 · Source');
    expect(source).toHaveTextContent('key: customer-managed alias/orders-db');
    const central = nodeText(graph, 'central');
    expect(central).toHaveTextContent('444444444444 · us-east-1');
    expect(central).toHaveTextContent(
      'key: customer-managed alias/central-backup',
    );
    const lag = nodeText(graph, 'vault-lag');
    expect(lag).toHaveTextContent('logically air-gapped vault');
    expect(lag).toHaveTextContent('key: AWS-owned');
    const tokyo = nodeText(graph, 'orders-dr');
    expect(tokyo).toHaveTextContent(
      'predicted key: customer-managed alias/orders-db-replica',
    );
    expect(tokyo).toHaveTextContent('observed key: AWS-managed alias/aws/rds');
  });

  it('marks nodes with issues and keeps the full texts in the tooltip', async () => {
    const graph = await renderDiagram(lineage);
    const tokyo = nodeText(graph, 'orders-dr');
    expect(tokyo).toHaveAttribute('data-warning', 'true');
    expect(tokyo).toHaveTextContent('N3 · Copy ⚠');
    expect(tokyo.querySelector('title')).toHaveTextContent(
      'Warning: expected a customer-managed key, got aws/rds (rule A4)',
    );
    const lag = nodeText(graph, 'vault-lag');
    expect(lag).toHaveAttribute('data-warning', 'true');
    expect(lag).toHaveTextContent('⚠ the air-gapped vault’s access policy');
    const primary = nodeText(graph, 'orders-primary');
    expect(primary).toHaveAttribute('data-warning', 'false');
    expect(primary).not.toHaveTextContent('⚠');
  });

  it('shows a legend of account × region colours', async () => {
    await renderDiagram(lineage);
    const legend = screen.getByRole('list', {
      name: 'Colours by account and region',
    });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      '222222222222 · ap-northeast-1',
      '222222222222 · us-east-1',
      '444444444444 · us-east-1',
      '555555555555 · us-east-1',
      '⚠ has warnings (hover a node, or read the list)',
    ]);
  });

  it('lists the chain as a tree under the true parents', async () => {
    await renderDiagram(lineage);
    const list = screen.getByTestId('backup-posture-lineage-list');
    const items = within(list).getAllByTestId('backup-posture-lineage-item');
    // an item holds its children: find it by its own line
    const line = (name: string) =>
      items.find(i =>
        i.firstElementChild?.textContent?.includes(` / ${name}`),
      )!;
    expect(line('central')).toHaveTextContent(
      '← from N2 orders-primary by copy rule orders-plan / to-central (COMPLETED)',
    );
    expect(line('vault-lag')).toHaveTextContent(
      '← from N4 central by copy job copy-job-7f3a (FAILED): Access denied to the destination vault',
    );
    expect(line('vault-lag')).toHaveTextContent(
      'Warning: the air-gapped vault’s access policy does not allow backup:CopyIntoBackupVault from 444444444444 (rule B2)',
    );
    // nesting: both copies are children of the primary; the air-gapped vault is under central
    const primary = line('orders-primary');
    const childrenOf = (item: HTMLElement) =>
      Array.from(item.querySelectorAll(':scope > ul > li')).map(li =>
        li.getAttribute('data-node-id')!.split(':').pop(),
      );
    expect(childrenOf(primary)).toEqual(['orders-dr', 'central']);
    expect(childrenOf(line('central'))).toEqual(['vault-lag']);
    expect(childrenOf(line('orders-dr'))).toEqual([]);
  });

  it('an old backend without node ids: chain order, and says so', async () => {
    const legacy = [
      {
        ...lineage[0],
        links: lineage[0].links.map(
          ({ id: _id, parentId: _p, via: _v, depth: _d, ...rest }) => rest,
        ),
      },
    ] as unknown as LineageChain[];
    await renderDiagram(legacy);
    expect(
      screen.getByText(
        'The backend did not say which copy came from where: shown in chain order.',
      ),
    ).toBeInTheDocument();
    const items = screen.getAllByTestId('backup-posture-lineage-item');
    expect(items).toHaveLength(5);
  });

  it('A6: says why a DynamoDB chain has the encryption model its region settings give it', async () => {
    const reason =
      "ResourceTypeManagementPreference.DynamoDB = false in account 333333333333 in ap-northeast-1 (advanced DynamoDB backup off): backups keep the table's key and cannot be copied to another vault";
    await renderDiagram([
      {
        ...lineage[0],
        resourceType: 'DynamoDB',
        encryptionModel: 'source-dependent',
        encryptionModelReason: reason,
      },
    ]);
    expect(
      screen.getByText(
        `source-dependent encryption: the primary backup keeps the source key (A6: ${reason})`,
      ),
    ).toBeInTheDocument();
  });
});
