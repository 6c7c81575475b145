/** An Azure-only entity's posture, evaluated by the real engine from a small inventory. */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AZURE_VAULT_TAGS,
  AzureInventory,
  EntityPostureResponse,
  evaluatePosture,
} from '@backup-posture/plugin-backup-posture-common';
import { withDerived } from './withDerived';

const SUB = '2b1f0c1e-0000-4000-8000-00000000a001';
const NOW = '2026-11-23T12:00:00.000Z';

export const azureComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'crm',
    namespace: 'default',
    annotations: { [ANNOTATION_AZURE_VAULT_TAGS]: 'app=crm' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-crm',
    lifecycle: 'production',
  },
};

const vault = (name: string, location: string, keyUri?: string) => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-crm/providers/Microsoft.RecoveryServices/vaults/${name}`,
  name,
  subscriptionId: SUB,
  resourceGroup: 'rg-crm',
  location,
  tags: { app: 'crm' },
  ...(keyUri ? { keyUri, useSystemAssignedIdentity: true } : {}),
  immutabilityState: 'Locked',
  softDeleteState: 'AlwaysON',
  multiUserAuthorization: 'Disabled',
});

export const PINNED_URI =
  'https://kv-crm.vault.azure.net/keys/rsv-key/0123456789abcdef0123456789abcdef';

const inventory: AzureInventory = {
  vaults: [
    vault('rsv-crm', 'japaneast', PINNED_URI),
    vault('rsv-crm-legacy', 'japaneast'),
  ],
  keyVaults: [
    {
      name: 'kv-crm',
      location: 'japaneast',
      enableSoftDelete: true,
      enablePurgeProtection: false,
    },
  ],
  keys: [
    {
      keyUri: PINNED_URI,
      keyVaultName: 'kv-crm',
      keyName: 'rsv-key',
      pinnedVersion: '0123456789abcdef0123456789abcdef',
      keyType: 'RSA',
      enabled: true,
    },
  ],
};

const scopes = [
  {
    cloud: 'azure' as const,
    account: SUB,
    region: 'global',
    state: 'ok' as const,
  },
];

export const azurePosture: EntityPostureResponse = withDerived({
  entityRef: 'component:default/crm',
  state: 'ok',
  problems: [],
  freshness: { lastScanAt: NOW, stale: false, scopes },
  inventory: {
    entityRef: 'component:default/crm',
    azure: inventory,
    scopes,
    problems: [],
  },
  evaluation: evaluatePosture(
    {
      entityRef: 'component:default/crm',
      azure: inventory,
      scopes,
      problems: [],
    },
    { now: NOW },
  ),
});
