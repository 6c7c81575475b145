import { describe, expect, it } from '@jest/globals';
import { EntityInventory } from '../inventory';
import { coverageOf } from './coverage';

/** Only the fields coverage reads; the rest of each fact does not matter here. */
const inventory = (aws: unknown, azure?: unknown) =>
  ({ entityRef: 'component:default/svc', aws, azure }) as EntityInventory;

describe('coverageOf: where an entity’s resources and backups are', () => {
  it('lists accounts, subscriptions and regions sorted and once each, whatever order they come in', () => {
    expect(
      coverageOf(
        inventory(
          {
            resources: [
              { accountId: '333333333333', region: 'us-east-1' },
              { accountId: '111111111111', region: 'eu-west-1' },
            ],
            vaults: [{ accountId: '222222222222', region: 'ap-northeast-1' }],
            recoveryPoints: [
              { accountId: '111111111111', region: 'eu-west-1' },
            ],
          },
          {
            vaults: [
              { subscriptionId: 'sub-b', location: 'westeurope' },
              { subscriptionId: 'sub-a', location: 'eastus' },
            ],
          },
        ),
      ),
    ).toEqual({
      accounts: ['111111111111', '222222222222', '333333333333'],
      subscriptions: ['sub-a', 'sub-b'],
      regions: [
        'ap-northeast-1',
        'eastus',
        'eu-west-1',
        'us-east-1',
        'westeurope',
      ],
    });
  });

  it('leaves out what a fact does not say (no account, region, subscription or location)', () => {
    expect(
      coverageOf(
        inventory(
          {
            resources: [{ accountId: '111111111111' }, { region: 'eu-west-1' }],
            vaults: [{}],
            recoveryPoints: [],
          },
          { vaults: [{ subscriptionId: 'sub-a' }, { location: 'eastus' }] },
        ),
      ),
    ).toEqual({
      accounts: ['111111111111'],
      subscriptions: ['sub-a'],
      regions: ['eastus', 'eu-west-1'],
    });
  });

  it('is empty for an entity with nothing found', () => {
    expect(coverageOf(inventory(undefined))).toEqual({
      accounts: [],
      subscriptions: [],
      regions: [],
    });
  });
});
