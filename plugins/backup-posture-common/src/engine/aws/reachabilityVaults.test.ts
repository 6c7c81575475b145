import { describe, expect, it } from '@jest/globals';
import { lookupOf, reachableFrom } from './reachability';
import {
  awsInventory,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import {
  primary,
  copyVault,
  orders,
  copying,
} from './__testUtils__/reachabilityEstate';

describe('reachability: vaults and scopes', () => {
  it('A5: a copied recovery point brings the vault it was copied from, even one no plan or copy job names any more', () => {
    const earlier = vault(PROD, TOKYO, 'earlier', undefined);
    const copy = recoveryPoint(orders, copyVault, undefined, {
      sourceBackupVaultArn: earlier.arn,
    });
    const r = reachableFrom(
      [orders],
      lookupOf(
        awsInventory({
          resources: [orders],
          vaults: [earlier, copyVault],
          recoveryPoints: [copy],
        }),
      ),
    );
    expect(r.vaultArns).toEqual([earlier.arn, copyVault.arn].sort());
    expect(r.vaults.map(v => v.name).sort()).toEqual([
      'earlier',
      'orders-copy',
    ]);
  });

  it('restore access vaults are reached both from their source vault and from the vault’s own list', () => {
    const bySource = vault(PROD, TOKYO, 'restore-a', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: primary.arn,
    });
    const listed = vault(PROD, TOKYO, 'restore-b', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
    });
    const withList = {
      ...primary,
      restoreAccessVaults: [{ restoreAccessBackupVaultArn: listed.arn }],
    };
    const neighbour = vault(PROD, TOKYO, 'restore-c', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: vault(PROD, TOKYO, 'other', undefined).arn,
    });
    const r = reachableFrom(
      [orders],
      lookupOf(
        awsInventory({
          resources: [orders],
          plans: [copying],
          vaults: [withList, copyVault, bySource, listed, neighbour],
        }),
      ),
    );
    expect(r.vaults.map(v => v.name).sort()).toEqual([
      'orders',
      'orders-copy',
      'restore-a',
      'restore-b',
    ]);
  });

  it('a plan without an ARN is still told apart by account, region and id; a plan covering two resources is listed once', () => {
    const other = resource('RDS', PROD, TOKYO, 'orders-replica');
    const noArn = { ...copying, planArn: '' };
    const second = { ...copying, planArn: '', planId: 'second' };
    const r = reachableFrom(
      [orders, other],
      lookupOf(
        awsInventory({
          resources: [orders, other],
          plans: [noArn, second],
          vaults: [primary, copyVault],
        }),
      ),
    );
    expect(r.plans.map(p => p.planId)).toEqual([copying.planId, 'second']);
    expect(r.excludingPlans).toEqual([]);
    expect(r.scopeKeys).toEqual([`${PROD}/${TOKYO}`, `${PROD}/${OSAKA}`]);
  });

  it('the scopes of evidence come from resources, plans and every named vault, found or not, and never from an ARN without account or region', () => {
    const s3 = resource('S3', PROD, TOKYO, 'bucket');
    const missing = 'arn:aws:backup:us-east-1:555555555555:backup-vault:gone';
    const r = reachableFrom(
      [s3],
      lookupOf(
        awsInventory({
          resources: [s3],
          plans: [
            plan(PROD, TOKYO, [
              rule('orders', {
                copyActions: [
                  { destinationBackupVaultArn: missing },
                  { destinationBackupVaultArn: 'not-an-arn' },
                ],
              }),
            ]),
          ],
          vaults: [primary],
        }),
      ),
    );
    expect(r.vaultArns).toEqual([missing, primary.arn, 'not-an-arn'].sort());
    expect(r.scopeKeys).toEqual([`${PROD}/${TOKYO}`, '555555555555/us-east-1']);
  });
});
