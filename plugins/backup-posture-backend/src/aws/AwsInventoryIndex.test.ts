import { describe, expect, it } from '@jest/globals';
import { EntityMapping } from '../mapping/annotations';
import { AwsInventoryIndex } from './AwsInventoryIndex';
import { emptyScopeSnapshot, ScopeSnapshot, tagSelectorKey } from './types';

const mapping = (m: Partial<EntityMapping>): EntityMapping => ({
  arns: [],
  azureVaultIds: [],
  byDefaultConvention: false,
  problems: [],
  ...m,
});

const stored = (snapshot: ScopeSnapshot) => ({
  status: {
    cloud: 'aws' as const,
    account: snapshot.accountId,
    region: snapshot.region,
    state: 'ok' as const,
  },
  snapshot,
});

describe('AwsInventoryIndex.covers: what the stored scan looked for', () => {
  const at = '2026-12-01T00:00:00.000Z';
  const searched = {
    ...emptyScopeSnapshot(
      { accountId: '111111111111', region: 'eu-west-1' },
      at,
    ),
    searchedTagSelectors: [tagSelectorKey({ team: 'a', app: 'x' })],
  };
  const index = new AwsInventoryIndex([stored(searched)], []);

  it('a tag selector no scan searched is not covered (the entity is pending until the next scan)', () => {
    expect(index.covers([mapping({ tagSelector: { team: 'b' } })])).toBe(false);
    // One uncovered mapping of a system's members is enough.
    expect(
      index.covers([
        mapping({ tagSelector: { app: 'x', team: 'a' } }),
        mapping({ tagSelector: { team: 'b' } }),
      ]),
    ).toBe(false);
  });

  it('a searched selector is covered whatever the order of its keys; ARNs and the default convention always are', () => {
    expect(
      index.covers([mapping({ tagSelector: { app: 'x', team: 'a' } })]),
    ).toBe(true);
    expect(
      index.covers([
        mapping({ arns: ['arn:aws:rds:eu-west-1:111111111111:db:orders'] }),
      ]),
    ).toBe(true);
    expect(
      index.covers([
        mapping({ tagSelector: { component: 'z' }, byDefaultConvention: true }),
      ]),
    ).toBe(true);
  });

  it('snapshots of an older version, which did not record their selectors, cover everything', () => {
    const legacy = new AwsInventoryIndex(
      [
        stored(
          emptyScopeSnapshot(
            { accountId: '111111111111', region: 'eu-west-1' },
            at,
          ),
        ),
      ],
      [],
    );
    expect(legacy.covers([mapping({ tagSelector: { team: 'b' } })])).toBe(true);
  });
});
