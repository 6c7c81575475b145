import { settingCheck } from './settingCheck';

export const rsvImmutability = settingCheck({
  definition: {
    id: 'rsv-immutability',
    title: 'Vault immutability is locked',
    cloud: 'azure',
    severity: 'medium',
    rules: [],
    description:
      '`properties.securitySettings.immutabilitySettings.state` is `Locked` (Unlocked warns).',
    remediation: {
      why: 'Immutability prevents recovery points from being deleted or their retention shortened before they expire; only the Locked state cannot be undone.',
      console: [
        'Vault → Properties → Immutable vault → Settings → Enable, then Lock.',
      ],
      cli: 'az backup vault update --resource-group <rg> --name <vault> --immutability-state Locked',
      terraform: 'immutability = "Locked"',
    },
    equivalentControls: {
      azurePolicy: [
        '[Preview]: Immutability must be enabled for Recovery Services vaults',
      ],
      note: 'With its `checkLockedImmutabilityOnly` parameter true (the default).',
    },
  },
  field: 'immutabilityState',
  good: ['Locked'],
  warn: ['Unlocked'],
});
