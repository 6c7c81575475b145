import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  DEV,
  entity,
  OSAKA,
  plan,
  PROD,
  resource,
  rule,
  selection,
  TOKYO,
  vault,
  VIRGINIA,
} from '../__fixtures__/builders';
import { checkResult, findingAbout } from '../__fixtures__/run';

/**
 * Which plan rules protect which resource (engine/aws/context.ts `protectingRules`,
 * `resourcesProtectedBy`): a plan in the resource's own account and region whose selection picks
 * it — not a plan of another region that would pick it by its tags, not a plan of the same region
 * that picks only a sibling.
 */
const tokyoVault = vault(PROD, TOKYO, 'orders', undefined);
const osakaVault = vault(PROD, OSAKA, 'orders-dr', undefined);
const virginiaVault = vault(PROD, VIRGINIA, 'osaka-dr', undefined);
const orders = resource('RDS', PROD, TOKYO, 'orders');
const search = resource('EFS', PROD, TOKYO, 'search', {
  tags: { app: 'search' },
});
const osakaOrders = resource('EBS', PROD, OSAKA, 'orders-osaka');
const tokyoPlan = plan(PROD, TOKYO, [
  rule('orders', {
    copyActions: [{ destinationBackupVaultArn: osakaVault.arn }],
  }),
]);
const osakaPlan = plan(
  PROD,
  OSAKA,
  [
    rule('orders-dr', {
      copyActions: [{ destinationBackupVaultArn: virginiaVault.arn }],
    }),
  ],
  [selection()],
  'osaka-plan',
);
const devVault = vault(DEV, OSAKA, 'dev-dr', undefined);
const devOrders = resource('DynamoDB', DEV, TOKYO, 'orders-dev');
const devPlan = plan(
  DEV,
  TOKYO,
  [rule('dev', { copyActions: [{ destinationBackupVaultArn: devVault.arn }] })],
  [selection()],
  'dev-plan',
);
const inventory = entity(
  awsInventory({
    resources: [orders, search, osakaOrders, devOrders],
    plans: [tokyoPlan, osakaPlan, devPlan],
    vaults: [tokyoVault, osakaVault, virginiaVault, devVault],
  }),
);

describe('which plan rules protect a resource', () => {
  it('A4 cross-region-copy-configured: each resource copies only where the plan of its own account and region sends it', () => {
    const result = checkResult(inventory, 'cross-region-copy-configured');
    const about = (arn: string) =>
      result.findings.filter(f => f.subject === arn);
    expect(about(osakaOrders.arn)).toMatchObject([
      {
        status: 'pass',
        message: `copies to ${virginiaVault.arn}`,
        evidence: { destinations: [virginiaVault.arn] },
      },
    ]);
    expect(about(devOrders.arn)).toMatchObject([
      { status: 'pass', evidence: { destinations: [devVault.arn] } },
    ]);
    expect(about(orders.arn)).toMatchObject([
      {
        status: 'pass',
        message: `copies to ${osakaVault.arn}`,
        evidence: { destinations: [osakaVault.arn] },
      },
    ]);
  });

  it('A4 cross-region-copy-configured fail: a sibling in the same region that no selection picks is not protected by its plan', () => {
    expect(
      findingAbout(
        checkResult(inventory, 'cross-region-copy-configured'),
        search.arn,
      ),
    ).toEqual({
      subject: search.arn,
      status: 'fail',
      message: 'not protected by a plan, so no copy to another region',
      evidence: { destinations: [] },
    });
  });

  it('B6 lifecycle-cold-storage-valid: a rule’s evidence lists the types of the resources its plan protects, not those of a sibling, another region or another account', () => {
    const result = checkResult(inventory, 'lifecycle-cold-storage-valid');
    expect(
      result.findings.find(f => f.subject === `${tokyoPlan.planArn}#daily`),
    ).toMatchObject({
      status: 'not-applicable',
      evidence: { resourceTypes: ['RDS'] },
    });
  });
});
