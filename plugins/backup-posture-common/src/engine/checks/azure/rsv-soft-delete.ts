import { settingCheck } from './settingCheck';

export const rsvSoftDelete = settingCheck({
  definition: {
    id: 'rsv-soft-delete',
    title: 'Soft delete is always on',
    cloud: 'azure',
    severity: 'medium',
    rules: [],
    description:
      '`properties.securitySettings.softDeleteSettings.softDeleteState` is `AlwaysON` (Enabled warns).',
    remediation: {
      why: 'Soft delete keeps deleted backup data recoverable for 14+ days; AlwaysOn means it cannot be switched off by an attacker first.',
      console: [
        'Vault → Properties → Security settings → Soft delete → Enable, and "Enable always-on soft delete".',
      ],
      cli: 'az backup vault update --resource-group <rg> --name <vault> --soft-delete-state AlwaysON',
      terraform: 'soft_delete_enabled = true',
    },
    equivalentControls: {
      azurePolicy: [
        '[Preview]: Soft delete must be enabled for Recovery Services Vaults.',
      ],
      note: 'With its `checkAlwaysOnSoftDeleteOnly` parameter true (the default).',
    },
  },
  field: 'softDeleteState',
  good: ['AlwaysON', 'AlwaysOn'],
  warn: ['Enabled'],
});
