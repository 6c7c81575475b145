import { describe, expect, it } from '@jest/globals';
import { lookupOf, reachableFrom } from './reachability';
import {
  awsInventory,
  OSAKA,
  plan,
  PROD,
  resource,
  rule,
  selection,
  TOKYO,
} from '../__fixtures__/builders';
import { primary, orders } from './__testUtils__/reachabilityEstate';

describe('reachability: plans that protect or explain', () => {
  it('the scopes of evidence are listed in order, whatever order they were met in', () => {
    const osaka = resource('RDS', PROD, OSAKA, 'orders-osaka');
    const osakaPlan = plan(PROD, OSAKA, [
      rule('orders', {
        copyActions: [{ destinationBackupVaultArn: primary.arn }],
      }),
    ]);
    const r = reachableFrom(
      [osaka],
      lookupOf(awsInventory({ resources: [osaka], plans: [osakaPlan] })),
    );
    expect(r.scopeKeys).toEqual([`${PROD}/${TOKYO}`, `${PROD}/${OSAKA}`]);
  });

  it('a plan that protects one resource of the entity and leaves out another is no excluding plan, whichever comes first', () => {
    const left = resource('RDS', PROD, TOKYO, 'left-out');
    const both = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          resources: ['arn:aws:rds:*:*:db:*'],
          notResources: [left.arn],
          listOfTags: [],
        }),
      ],
    );
    const lookup = lookupOf(
      awsInventory({ resources: [orders, left], plans: [both] }),
    );
    for (const order of [
      [orders, left],
      [left, orders],
    ]) {
      const r = reachableFrom(order, lookup);
      expect(r.plans).toEqual([both]);
      expect(r.excludingPlans).toEqual([]);
    }
  });

  it('a plan that selects the resource in one of its selections covers it', () => {
    const covering = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          selectionName: 'by-team-tag',
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'team',
              conditionValue: 'search',
            },
          ],
        }),
        selection(),
      ],
    );
    const r = reachableFrom(
      [orders],
      lookupOf(awsInventory({ resources: [orders], plans: [covering] })),
    );
    expect(r.plans).toEqual([covering]);
    expect(r.vaultArns).toEqual([primary.arn]);
  });

  it('a plan with one selection that names the resource and leaves it out, beside another selection, still explains', () => {
    const excluding = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          selectionName: 'by-team-tag',
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'team',
              conditionValue: 'search',
            },
          ],
        }),
        selection({
          selectionName: 'all-databases',
          resources: ['arn:aws:rds:*:*:db:*'],
          notResources: [orders.arn],
          listOfTags: [],
        }),
      ],
      'databases',
    );
    const r = reachableFrom(
      [orders],
      lookupOf(awsInventory({ resources: [orders], plans: [excluding] })),
    );
    expect(r.plans).toEqual([]);
    expect(r.excludingPlans.map(p => p.planName)).toEqual(['databases']);
  });
});
