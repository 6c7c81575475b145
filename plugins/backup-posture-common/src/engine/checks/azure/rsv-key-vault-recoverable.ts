import { azureVaultCheck } from './azureVaultCheck';

export const rsvKeyVaultRecoverable = azureVaultCheck({
  definition: {
    id: 'rsv-key-vault-recoverable',
    title: 'The key vault behind the vault key is recoverable',
    cloud: 'azure',
    severity: 'critical',
    rules: ['Z4'],
    description:
      'For vaults with a CMK: the key vault has `enableSoftDelete` and `enablePurgeProtection`.',
    remediation: {
      why: 'If the key vault or key is deleted (by mistake or by an attacker) without soft delete and purge protection, every backup encrypted with it is lost for good (Z4).',
      console: [
        'Key vault → Properties → enable Soft delete and Purge protection (purge protection cannot be turned off again).',
      ],
      cli: 'az keyvault update --name <kv> --enable-purge-protection true',
      terraform: [
        'resource "azurerm_key_vault" "backup" {',
        '  # ...',
        '  soft_delete_retention_days = 90',
        '  purge_protection_enabled   = true',
        '}',
      ].join('\n'),
    },
    equivalentControls: {
      azurePolicy: ['Key vaults should have deletion protection enabled'],
      note: 'The policy audits every key vault; this check the key vaults that hold vault keys.',
    },
  },
  judge: (vault, ctx) => {
    if (!vault.keyUri)
      return { status: 'not-applicable', message: 'no customer-managed key' };
    const kv = ctx.keyVault(vault.keyUri);
    if (!kv || kv.error) {
      return {
        status: 'unknown',
        message: `key vault not read${kv?.error ? `: ${kv.error.name}: ${kv.error.message}` : ''}`,
      };
    }
    const evidence = {
      keyVault: kv.name,
      enableSoftDelete: kv.enableSoftDelete,
      enablePurgeProtection: kv.enablePurgeProtection,
    };
    if (
      kv.enableSoftDelete === undefined ||
      kv.enablePurgeProtection === undefined
    ) {
      return {
        status:
          kv.enableSoftDelete === false || kv.enablePurgeProtection === false
            ? 'fail'
            : 'unknown',
        message: 'soft delete / purge protection not fully reported',
        evidence,
      };
    }
    const missing = [
      !kv.enableSoftDelete && 'soft delete',
      !kv.enablePurgeProtection && 'purge protection',
    ].filter(Boolean);
    return missing.length
      ? {
          status: 'fail',
          message: `key vault ${kv.name} lacks ${missing.join(' and ')}`,
          evidence,
        }
      : {
          status: 'pass',
          message: `key vault ${kv.name} has soft delete and purge protection`,
          evidence,
        };
  },
});
