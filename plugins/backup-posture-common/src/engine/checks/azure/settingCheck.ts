/** Vault security settings judged by one reported value (pass, warn or fail by value). */
import { AzureCheck } from '../azureTypes';
import { azureVaultCheck } from './azureVaultCheck';

export const settingCheck = (options: {
  definition: AzureCheck['definition'];
  field:
    | 'infrastructureEncryption'
    | 'immutabilityState'
    | 'softDeleteState'
    | 'multiUserAuthorization';
  /** Values that pass. */
  good: string[];
  /** Values that warn; any other value fails. */
  warn: string[];
}) =>
  azureVaultCheck({
    definition: options.definition,
    judge: vault => {
      const { field, good, warn } = options;
      // Infrastructure encryption is chosen together with a customer-managed key (Z1).
      if (field === 'infrastructureEncryption' && !vault.keyUri)
        return {
          status: 'not-applicable',
          message:
            'platform-managed keys: infrastructure encryption comes with a CMK',
        };
      const value = vault[field];
      const evidence = { [field]: value ?? null };
      if (value === undefined)
        return {
          status: 'unknown',
          message: `${field} not reported`,
          evidence,
        };
      if (good.includes(value))
        return { status: 'pass', message: `${field} ${value}`, evidence };
      if (warn.includes(value))
        return { status: 'warn', message: `${field} ${value}`, evidence };
      return { status: 'fail', message: `${field} ${value}`, evidence };
    },
  });
