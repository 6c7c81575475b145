/** Words shared by the vault key checks: why a key's permissions or read are in doubt. */
import {
  AzureKeyFact,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
} from '../../../inventory';
import { AzureContext } from '../../azure/context';
import {
  encryptionPrincipalOf,
  REQUIRED_KEY_PERMISSIONS,
} from '../../azure/keys';
import { failedKeyRead, failedKeyReadReason } from '../../keyFreshness';

/** Why the vault identity's key permissions are as reported (or not known). */
export function permissionWords(
  vault: AzureRecoveryVaultFact,
  kv: AzureKeyVaultFact | undefined,
  key: AzureKeyFact | undefined,
  missing: string[] | undefined,
): string {
  const model = kv?.enableRbacAuthorization ? ' (Azure RBAC)' : '';
  if (missing)
    return missing.length
      ? `missing ${missing.join(', ')}${model}`
      : `${REQUIRED_KEY_PERMISSIONS.join(', ')} granted${model}`;
  if (!kv || kv.error)
    return `key vault not read${kv?.error ? `: ${kv.error.name}: ${kv.error.message}` : ''}`;
  if (!encryptionPrincipalOf(vault))
    return 'the vault reports no principal id for its key identity';
  if (key?.roleAssignmentsError)
    return `role assignments not read: ${key.roleAssignmentsError.name}: ${key.roleAssignmentsError.message}`;
  if (key?.roleAssignments?.some(ra => ra.condition))
    return 'granted only by role assignments with conditions, which are not evaluated (Azure RBAC)';
  return `not reported${model}`;
}

export const keyError = (ctx: AzureContext, vault: AzureRecoveryVaultFact) => {
  const key = ctx.key(vault.keyUri);
  if (!key) return 'key was not read';
  const failed = failedKeyRead(key);
  return failed ? failedKeyReadReason(failed) : undefined;
};
