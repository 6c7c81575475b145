import { azureVaultCheck } from './azureVaultCheck';

export const rsvCustomerManagedKey = azureVaultCheck({
  definition: {
    id: 'rsv-customer-managed-key',
    title: 'Recovery Services vaults use a customer-managed key',
    cloud: 'azure',
    severity: 'high',
    rules: ['Z1', 'Z2'],
    description:
      'Each vault’s `properties.encryption.keyVaultProperties.keyUri`: present (CMK) passes, absent (platform-managed keys) fails.',
    remediation: {
      why: 'With platform-managed keys you cannot revoke or audit access to the backup data. CMK can only be enabled on a vault that never protected an item (Z2) and can never be turned back to platform-managed keys: plan it at vault creation.',
      console: [
        'Create a new Recovery Services vault (CMK cannot be enabled once items are protected).',
        'Vault → Properties → Encryption settings → Update → Use your own key → choose the key (same region) and the identity.',
        'Move protection to the new vault; let the old vault’s points expire.',
      ],
      cli: 'az backup vault encryption update --resource-group <rg> --name <vault> --encryption-key-id https://<kv>.vault.azure.net/keys/<key> --mi-system-assigned',
      terraform: [
        'resource "azurerm_recovery_services_vault" "vault" {',
        '  # ...',
        '  identity { type = "SystemAssigned" }',
        '  encryption {',
        '    key_id                            = azurerm_key_vault_key.backup.versionless_id',
        '    infrastructure_encryption_enabled = true',
        '    use_system_assigned_identity      = true',
        '  }',
        '}',
      ].join('\n'),
    },
    equivalentControls: {
      azurePolicy: [
        '[Preview]: Azure Recovery Services vaults should use customer-managed keys for encrypting backup data',
      ],
    },
  },
  judge: vault =>
    vault.keyUri
      ? {
          status: 'pass',
          message: `customer-managed key ${vault.keyUri}`,
          evidence: { keyUri: vault.keyUri },
        }
      : {
          status: 'fail',
          message:
            'platform-managed keys (no customer-managed key); CMK needs a new vault',
          evidence: { keyUri: null },
        },
});
