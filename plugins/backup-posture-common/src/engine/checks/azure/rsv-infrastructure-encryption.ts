import { settingCheck } from './settingCheck';

export const rsvInfrastructureEncryption = settingCheck({
  definition: {
    id: 'rsv-infrastructure-encryption',
    title: 'Infrastructure (double) encryption is enabled',
    cloud: 'azure',
    severity: 'low',
    rules: ['Z1'],
    description:
      '`properties.encryption.infrastructureEncryption` is `Enabled`.',
    remediation: {
      why: 'Infrastructure encryption adds a second layer with platform-managed keys under the CMK layer. It can only be chosen when CMK is first enabled.',
      console: [
        'On a new vault: Properties → Encryption settings → Use your own key → tick "Enable infrastructure encryption".',
      ],
      cli: 'az backup vault encryption update --resource-group <rg> --name <vault> --encryption-key-id <key-uri> --infrastructure-encryption Enabled',
      terraform: 'encryption { infrastructure_encryption_enabled = true }',
    },
    equivalentControls: {
      azurePolicy: [
        '[Preview]: Azure Recovery Services vaults should use customer-managed keys for encrypting backup data',
      ],
      note: 'With its `enableDoubleEncryption` parameter set to true.',
    },
  },
  field: 'infrastructureEncryption',
  good: ['Enabled'],
  warn: [],
});
