import { settingCheck } from './settingCheck';

export const rsvMultiUserAuth = settingCheck({
  definition: {
    id: 'rsv-multi-user-auth',
    title: 'Multi-user authorization protects critical operations',
    cloud: 'azure',
    severity: 'medium',
    rules: [],
    description:
      '`properties.securitySettings.multiUserAuthorization` is `Enabled`.',
    remediation: {
      why: 'Multi-user authorization (a Resource Guard owned by another team) requires a second person to approve disabling soft delete, reducing retention or changing the key.',
      console: [
        'Create a Resource Guard in a separate subscription; Vault → Properties → Multi-user authorization → Update → select the guard.',
      ],
      cli: 'az dataprotection resource-guard create --resource-group <rg> --resource-guard-name <guard>',
      terraform:
        'resource "azurerm_data_protection_resource_guard" "guard" { /* ... */ }',
    },
    equivalentControls: {
      azurePolicy: [
        '[Preview]: Multi-User Authorization (MUA) must be enabled for Recovery Services Vaults.',
      ],
    },
  },
  field: 'multiUserAuthorization',
  good: ['Enabled'],
  warn: [],
});
