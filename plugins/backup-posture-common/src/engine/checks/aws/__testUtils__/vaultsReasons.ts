/**
 * Shared by the vault-lock, lock-vs-plan-retention (C1) and lifecycle-cold-storage-valid (B6)
 * reason tests.
 */
import {
  awsInventory,
  cmk,
  entity,
  errorScope,
  PROD,
  protecting,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact } from '../../../../inventory';

export const key = cmk(PROD, TOKYO, 'vault-key');
export const oneVault = (
  extra: Partial<AwsBackupVaultFact>,
  scopes = [] as ReturnType<typeof errorScope>[],
) => {
  const v = vault(PROD, TOKYO, 'a', key, extra);
  return {
    v,
    inv: entity(
      awsInventory({ ...protecting(v), vaults: [v], keys: [key] }),
      scopes,
    ),
  };
};
