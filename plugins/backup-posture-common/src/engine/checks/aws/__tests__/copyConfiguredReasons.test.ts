import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  entity,
  NOW,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  VIRGINIA,
} from '../../../__fixtures__/builders';
import { AwsCopyActionFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';
import { evaluatePosture } from '../../../evaluate';

/** cross-region-copy-configured (A4) and cross-account-copy-configured (B1): reasons and evidence. */
const orders = resource('RDS', PROD, TOKYO, 'orders');
const primary = vault(PROD, TOKYO, 'orders', undefined);
const copyingTo = (...copyActions: AwsCopyActionFact[]) =>
  entity(
    awsInventory({
      resources: [orders],
      vaults: [primary],
      plans: [plan(PROD, TOKYO, [rule('orders', { copyActions })])],
    }),
  );

describe('copy configured (A4, B1): reasons and evidence', () => {
  it('A4 fail: a protected resource without a copy to another region says so, with no destinations as evidence', () => {
    expect(
      checkResult(copyingTo(), 'cross-region-copy-configured').findings,
    ).toEqual([
      {
        subject: orders.arn,
        status: 'fail',
        message: 'no copy action to another region',
        evidence: { destinations: [] },
      },
    ]);
  });

  it('B1 fail: a copy to another region of the same account is no copy to another account', () => {
    const osaka = vault(PROD, OSAKA, 'orders-dr', undefined);
    expect(
      checkResult(
        copyingTo({ destinationBackupVaultArn: osaka.arn }),
        'cross-account-copy-configured',
      ).findings,
    ).toEqual([
      {
        subject: orders.arn,
        status: 'fail',
        message: 'no copy action to another account',
        evidence: { destinations: [] },
      },
    ]);
  });

  it('A4 pass: several destinations are listed once each, in order, whatever order the rules name them in; the copy states are those of the copies only', () => {
    const virginia = vault(CENTRAL, VIRGINIA, 'central', undefined);
    const osaka = vault(PROD, OSAKA, 'orders-dr', undefined);
    const inventory = copyingTo(
      { destinationBackupVaultArn: virginia.arn },
      { destinationBackupVaultArn: osaka.arn },
      { destinationBackupVaultArn: virginia.arn },
    );
    expect(
      checkResult(inventory, 'cross-region-copy-configured').findings[0],
    ).toMatchObject({
      status: 'pass',
      message: `copies to ${osaka.arn}, ${virginia.arn}`,
      evidence: {
        destinations: [osaka.arn, virginia.arn],
        copyStates: [`${virginia.arn}: configured`, `${osaka.arn}: configured`],
      },
    });
  });

  it('A4 warn: a configured copy that never arrived although the primary has a point is named by its vault, as missing', () => {
    const osaka = vault(PROD, OSAKA, 'orders-dr', undefined);
    const inventory = entity(
      awsInventory({
        resources: [orders],
        vaults: [primary, osaka],
        recoveryPoints: [recoveryPoint(orders, primary, undefined)],
        plans: [
          plan(PROD, TOKYO, [
            rule('orders', {
              copyActions: [{ destinationBackupVaultArn: osaka.arn }],
            }),
          ]),
        ],
      }),
    );
    expect(
      checkResult(inventory, 'cross-region-copy-configured').findings,
    ).toEqual([
      {
        subject: orders.arn,
        status: 'warn',
        message: 'copy to another region configured, but orders-dr is missing',
        evidence: {
          destinations: [osaka.arn],
          copyStates: [`${osaka.arn}: missing`],
        },
      },
    ]);
  });

  it('A4/B1: a copy destination that is not an ARN never breaks the evaluation of the entity', () => {
    const inventory = copyingTo({ destinationBackupVaultArn: 'not-an-arn' });
    expect(() => evaluatePosture(inventory, { now: NOW })).not.toThrow();
  });
});
