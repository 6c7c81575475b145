import {
  LineageChain,
  LineageLink,
} from '@backup-posture/plugin-backup-posture-common';
import { lineage } from '../../../__testUtils__/posture';
import { buildLineageOverview } from './lineageModel';
import { keyLabel, keyMismatchText, shortenIds } from './lineageWords';

const link = (partial: Partial<LineageLink>): LineageLink => ({
  id: 'vault-a',
  depth: 2,
  kind: 'copy',
  cloud: 'aws',
  account: '222222222222',
  region: 'ap-northeast-3',
  issues: [],
  ...partial,
});

describe('keyMismatchText', () => {
  it('A4: names the substitution when the observed key differs from the prediction', () => {
    expect(
      keyMismatchText(
        link({
          expectedKey: {
            alias: 'alias/orders',
            manager: 'customer',
            keyArn: 'arn:k/1',
          },
          observedKey: {
            alias: 'alias/aws/rds',
            manager: 'aws-managed',
            keyArn: 'arn:k/2',
          },
        }),
      ),
    ).toBe(
      'Key substitution: expected alias/orders (Customer-managed), got alias/aws/rds (AWS-managed)',
    );
  });

  it('A1: an unknown prediction is not contradicted by what the recovery point shows', () => {
    expect(
      keyMismatchText(
        link({
          kind: 'primary',
          expectedKey: { manager: 'unknown' },
          observedKey: {
            alias: 'alias/orders',
            manager: 'customer',
            keyArn: 'arn:k/1',
          },
        }),
      ),
    ).toBeUndefined();
  });
});

describe('keyLabel', () => {
  it('names the manager, then the alias', () => {
    expect(
      keyLabel({ manager: 'customer', alias: 'alias/payments', keyArn: 'k' }),
    ).toBe('customer-managed alias/payments');
    expect(keyLabel({ manager: 'aws-owned' })).toBe('AWS-owned');
    expect(keyLabel({ manager: 'unknown' })).toBe('unknown key');
  });
});

describe('buildLineageOverview', () => {
  const parentsOf = (chains: LineageChain[]) => {
    const graph = buildLineageOverview(chains).graphs[0];
    const titleOf = new Map(graph.nodes.map(n => [n.id, n.title]));
    return graph.nodes.map(n => [
      n.title,
      n.parentId ? titleOf.get(n.parentId) : undefined,
    ]);
  };

  it('A5: takes parents from parentId: two copies of one primary, and a second hop from the central vault', () => {
    expect(parentsOf(lineage)).toEqual([
      ['Aurora orders-db', undefined],
      ['orders-primary', 'Aurora orders-db'],
      ['orders-dr', 'orders-primary'],
      ['central', 'orders-primary'],
      ['vault-lag', 'central'],
    ]);
    const graph = buildLineageOverview(lineage).graphs[0];
    expect(graph.parentsReported).toBe(true);
    expect(graph.edges.map(e => e.label)).toEqual([
      'backup rule orders-plan / daily',
      'copy rule orders-plan / daily (COMPLETED)',
      'copy rule orders-plan / to-central (COMPLETED)',
      'copy job copy-job-7f3a (FAILED)',
    ]);
    expect(graph.edges[3].failed).toBe(true);
  });

  it('colours by account × region lane, one colour per lane across chains', () => {
    const overview = buildLineageOverview(lineage);
    expect(overview.lanes.map(l => l.lane)).toEqual([
      '222222222222|ap-northeast-1',
      '222222222222|us-east-1',
      '444444444444|us-east-1',
      '555555555555|us-east-1',
    ]);
    expect(new Set(overview.lanes.map(l => l.colour)).size).toBe(4);
  });

  it('never guesses a parent: a copy without parentId says so', () => {
    const chain = lineage[0];
    const orphan: LineageChain = {
      ...chain,
      links: chain.links.map(l =>
        l.vaultName === 'vault-lag' ? { ...l, parentId: undefined } : l,
      ),
    };
    const graph = buildLineageOverview([orphan]).graphs[0];
    const lag = graph.nodes.find(n => n.title === 'vault-lag')!;
    expect(lag.parentId).toBeUndefined();
    expect(lag.parentUnknown).toBe(true);
    expect(graph.edges).toHaveLength(3);
  });

  it('falls back to chain order only when the backend sends no ids at all', () => {
    const legacy = [
      {
        ...lineage[0],
        links: lineage[0].links.map(
          ({ id: _id, parentId: _p, via: _v, depth: _d, ...rest }) => rest,
        ),
      },
    ] as unknown as LineageChain[];
    const graph = buildLineageOverview(legacy).graphs[0];
    expect(graph.parentsReported).toBe(false);
    expect(parentsOf(legacy)).toEqual([
      ['Aurora orders-db', undefined],
      ['orders-primary', 'Aurora orders-db'],
      ['orders-dr', 'orders-primary'],
      ['central', 'orders-dr'],
      ['vault-lag', 'central'],
    ]);
  });

  it('a parent cycle in bad data does not hang or hide nodes', () => {
    const [source, primary] = lineage[0].links;
    const chain: LineageChain = {
      ...lineage[0],
      links: [
        source,
        { ...primary, id: 'a', parentId: 'b' },
        { ...primary, id: 'b', parentId: 'a', vaultArn: 'arn:b' },
      ],
    };
    const graph = buildLineageOverview([chain]).graphs[0];
    expect(graph.nodes).toHaveLength(3);
    expect(graph.nodes.some(n => n.parentUnknown)).toBe(true);
  });

  it('Z1/Z4/Z5: an Azure vault leads to its key vault, then its key version', () => {
    const chain: LineageChain = {
      resourceArn: '/subscriptions/s/vaults/rsv-crm',
      resourceType: 'Azure Recovery Services vault',
      encryptionModel: 'independent',
      links: [
        {
          id: '/subscriptions/s/vaults/rsv-crm',
          depth: 0,
          kind: 'primary',
          cloud: 'azure',
          account: 's',
          region: 'japaneast',
          vaultArn: '/subscriptions/s/vaults/rsv-crm',
          vaultName: 'rsv-crm',
          vaultType: 'RECOVERY_SERVICES_VAULT',
          expectedKey: {
            keyArn: 'https://kv-crm.vault.azure.net/keys/rsv-key/0123456789',
            alias: 'kv-crm/rsv-key',
            manager: 'customer',
            keyVault: { name: 'kv-crm', location: 'japaneast' },
            pinnedVersion: '0123456789',
          },
          issues: [
            { rule: 'Z4', message: 'key vault kv-crm lacks purge protection' },
            { rule: 'Z5', message: 'key URI pinned' },
          ],
        },
      ],
    };
    const graph = buildLineageOverview([chain]).graphs[0];
    expect(
      graph.nodes.map(n => [n.role, n.title, n.parentId, n.issues]),
    ).toEqual([
      ['primary', 'rsv-crm', undefined, []],
      [
        'key-vault',
        'kv-crm',
        '/subscriptions/s/vaults/rsv-crm',
        ['key vault kv-crm lacks purge protection (rule Z4)'],
      ],
      [
        'key',
        'rsv-key',
        '/subscriptions/s/vaults/rsv-crm#key-vault',
        ['key URI pinned (rule Z5)'],
      ],
    ]);
    expect(graph.edges.map(e => e.label)).toEqual([
      'key held in',
      'key version',
    ]);
  });
});

describe('edges and keys the engine qualifies', () => {
  const [source, primary, tokyo] = lineage[0].links;

  it('B4: a blocked copy says so on its edge', () => {
    const chain: LineageChain = {
      ...lineage[0],
      links: [source, primary, { ...tokyo, blocked: true }],
    };
    const edge = buildLineageOverview([chain]).graphs[0].edges[1];
    expect(edge.state).toBe('BLOCKED (rule B4)');
    expect(edge.failed).toBe(true);
  });

  it('a copy job label does not repeat its kind; ids are shortened for the drawing only', () => {
    const chain: LineageChain = {
      ...lineage[0],
      links: [
        source,
        primary,
        {
          ...tokyo,
          via: {
            kind: 'copy-job',
            label: 'copy job 76234CF7-A93C-4FBF-BFF6-CA3CF61309BA',
            state: 'COMPLETED',
          },
        },
      ],
    };
    const edge = buildLineageOverview([chain]).graphs[0].edges[1];
    expect(edge.kindText).toBe('copy job');
    expect(edge.name).toBe('76234CF7-A93C-4FBF-BFF6-CA3CF61309BA');
    expect(shortenIds(edge.name!)).toBe('76234CF7…');
  });

  it('A1: the source node carries where its key was read from, or why not', () => {
    const chain: LineageChain = {
      ...lineage[0],
      links: [
        { ...source, keyUnknownReason: 'AccessDenied: rds:DescribeDBClusters' },
        primary,
      ],
    };
    const node = buildLineageOverview([chain]).graphs[0].nodes[0];
    expect(node.keyUnknownReason).toBe('AccessDenied: rds:DescribeDBClusters');
  });
});
