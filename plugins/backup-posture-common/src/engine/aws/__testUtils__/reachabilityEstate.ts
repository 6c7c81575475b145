/**
 * The estate the reachability tests (reachabilityKeys, reachabilityVaults, reachabilityPlans) start
 * from: an RDS instance in Tokyo backed up to a vault with a CMK, and a plan copying it to Osaka.
 */
import {
  cmk,
  OSAKA,
  plan,
  PROD,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../__fixtures__/builders';

export const vaultKey = cmk(PROD, TOKYO, 'vault-key');
export const primary = vault(PROD, TOKYO, 'orders', vaultKey);
export const copyVault = vault(PROD, OSAKA, 'orders-copy', undefined);
export const orders = resource('RDS', PROD, TOKYO, 'orders');
export const copying = plan(PROD, TOKYO, [
  rule('orders', {
    copyActions: [{ destinationBackupVaultArn: copyVault.arn }],
  }),
]);
