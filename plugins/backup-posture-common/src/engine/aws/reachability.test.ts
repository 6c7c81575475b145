import { describe, expect, it } from '@jest/globals';
import { lookupOf, reachableFrom } from './reachability';
import {
  awsInventory,
  plan,
  PROD,
  resource,
  rule,
  selection,
  TOKYO,
} from '../__fixtures__/builders';

const none = {
  stringEquals: [],
  stringNotEquals: [],
  stringLike: [],
  stringNotLike: [],
};
const mine = resource('RDS', PROD, TOKYO, 'orders', {
  tags: { app: 'orders' },
});

const reach = (...plans: ReturnType<typeof plan>[]) =>
  reachableFrom([mine], lookupOf(awsInventory({ resources: [mine], plans })));

describe('which plans are about an entity', () => {
  it('a neighbour plan selecting `Resources: *` with a condition on its own tag is not the entity’s, not even as an explanation', () => {
    const neighbour = plan(
      PROD,
      TOKYO,
      [rule('search')],
      [
        selection({
          resources: ['*'],
          listOfTags: [],
          conditions: {
            ...none,
            stringEquals: [
              { conditionKey: 'aws:ResourceTag/app', conditionValue: 'search' },
            ],
          },
        }),
      ],
      'search-plan',
    );
    const r = reach(neighbour);
    expect(r.plans).toEqual([]);
    expect(r.excludingPlans).toEqual([]);
    expect(r.vaultArns).toEqual([]);
  });

  it('a plan that lists the resource by its ARN and leaves it out with NotResources explains why it is not protected', () => {
    const excluding = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          resources: ['arn:aws:rds:*:*:db:*'],
          notResources: [mine.arn],
          listOfTags: [],
        }),
      ],
      'all-databases',
    );
    const r = reach(excluding);
    expect(r.plans).toEqual([]);
    expect(r.excludingPlans.map(p => p.planName)).toEqual(['all-databases']);
    // It protects nothing of the entity: its vault is not the entity's.
    expect(r.vaultArns).toEqual([]);
  });

  it('a plan covering the resource brings its target and copy vaults, and the scopes they live in', () => {
    const covering = plan(
      PROD,
      TOKYO,
      [
        rule('orders', {
          copyActions: [
            {
              destinationBackupVaultArn:
                'arn:aws:backup:ap-northeast-3:444444444444:backup-vault:central',
            },
          ],
        }),
      ],
      [
        selection({
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'app',
              conditionValue: 'orders',
            },
          ],
        }),
      ],
      'orders-plan',
    );
    const r = reach(covering);
    expect(r.plans.map(p => p.planName)).toEqual(['orders-plan']);
    expect(r.vaultArns).toEqual([
      'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:orders',
      'arn:aws:backup:ap-northeast-3:444444444444:backup-vault:central',
    ]);
    expect(r.scopeKeys).toEqual([
      '222222222222/ap-northeast-1',
      '444444444444/ap-northeast-3',
    ]);
  });
});
