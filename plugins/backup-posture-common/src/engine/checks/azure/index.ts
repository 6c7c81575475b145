/** The Azure Recovery Services vault checks (rules Z1–Z6), one file each. */
import { AzureCheck } from '../azureTypes';
import { rsvCustomerManagedKey } from './rsv-customer-managed-key';
import { rsvKeyVaultRecoverable } from './rsv-key-vault-recoverable';
import { rsvKeyUsable } from './rsv-key-usable';
import { rsvKeyRotation } from './rsv-key-rotation';
import { rsvIdentity } from './rsv-identity';
import { rsvInfrastructureEncryption } from './rsv-infrastructure-encryption';
import { rsvImmutability } from './rsv-immutability';
import { rsvSoftDelete } from './rsv-soft-delete';
import { rsvMultiUserAuth } from './rsv-multi-user-auth';

export {
  rsvCustomerManagedKey,
  rsvKeyVaultRecoverable,
  rsvKeyUsable,
  rsvKeyRotation,
  rsvIdentity,
  rsvInfrastructureEncryption,
  rsvImmutability,
  rsvSoftDelete,
  rsvMultiUserAuth,
};

export const azureVaultChecks: readonly AzureCheck[] = [
  rsvCustomerManagedKey,
  rsvKeyVaultRecoverable,
  rsvKeyUsable,
  rsvKeyRotation,
  rsvIdentity,
  rsvInfrastructureEncryption,
  rsvImmutability,
  rsvSoftDelete,
  rsvMultiUserAuth,
];
