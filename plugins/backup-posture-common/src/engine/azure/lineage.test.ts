import { describe, expect, it } from '@jest/globals';
import {
  AzureKeyFact,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
} from '../../inventory';
import { entity, NOW } from '../__fixtures__/builders';
import { evaluatePosture } from '../evaluate';

const SUB = '00000000-0000-0000-0000-000000000009';
const VERSIONLESS = 'https://kv-ops.vault.azure.net/keys/backup';
const vault = (
  extra: Partial<AzureRecoveryVaultFact> = {},
): AzureRecoveryVaultFact => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/ops`,
  name: 'ops',
  subscriptionId: SUB,
  resourceGroup: 'rg',
  location: 'japaneast',
  tags: {},
  keyUri: VERSIONLESS,
  useSystemAssignedIdentity: true,
  ...extra,
});
const kv: AzureKeyVaultFact = {
  name: 'kv-ops',
  location: 'japaneast',
  enableSoftDelete: true,
  enablePurgeProtection: true,
};
const key: AzureKeyFact = {
  keyUri: VERSIONLESS,
  keyVaultName: 'kv-ops',
  keyName: 'backup',
  keyType: 'RSA',
  enabled: true,
};
const lineageOf = (
  vaults: AzureRecoveryVaultFact[],
  keyVaults: AzureKeyVaultFact[] = [kv],
  keys: AzureKeyFact[] = [key],
) =>
  evaluatePosture(
    entity(undefined, [], { azure: { vaults, keyVaults, keys } }),
    {
      now: NOW,
    },
  ).lineage;

describe('Azure key lineage (vault → key vault → key)', () => {
  it('a healthy CMK vault: one primary link, key in its key vault, no issues', () => {
    const [chain] = lineageOf([vault()]);
    expect(chain.resourceType).toBe('Azure Recovery Services vault');
    expect(chain.links).toHaveLength(1);
    const [link] = chain.links;
    expect(link).toMatchObject({
      kind: 'primary',
      cloud: 'azure',
      account: SUB,
      region: 'japaneast',
      vaultName: 'ops',
    });
    expect(link.expectedKey).toMatchObject({
      keyArn: VERSIONLESS,
      alias: 'kv-ops/backup',
      manager: 'customer',
      keyState: 'Enabled',
      keyVault: { name: 'kv-ops', location: 'japaneast' },
    });
    expect(link.expectedKey?.pinnedVersion).toBeUndefined();
    expect(link.issues).toEqual([]);
  });

  it('Z1: platform-managed keys show as such, with the issue', () => {
    const [chain] = lineageOf([vault({ keyUri: undefined })], [], []);
    expect(chain.links[0].expectedKey?.manager).toBe('platform-managed');
    expect(chain.links[0].issues.map(i => i.rule)).toEqual(['Z1']);
  });

  it('Z5 / Z1 / Z4: pinned version, key vault elsewhere, no purge protection', () => {
    const pinned = `${VERSIONLESS}/0123456789abcdef0123456789abcdef`;
    const [chain] = lineageOf(
      [vault({ keyUri: pinned })],
      [{ ...kv, location: 'japanwest', enablePurgeProtection: false }],
    );
    const link = chain.links[0];
    expect(link.expectedKey?.pinnedVersion).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(link.issues.map(i => i.rule).sort()).toEqual(['Z1', 'Z4', 'Z5']);
    expect(link.issues.find(i => i.rule === 'Z1')?.message).toContain(
      'japanwest',
    );
  });

  it('a key vault that is not found is a Z4 issue and leaves the key unobserved', () => {
    const [chain] = lineageOf([vault()], [], []);
    const link = chain.links[0];
    expect(link.observedKey).toBeUndefined();
    expect(link.issues.map(i => i.rule)).toEqual(['Z1', 'Z4']);
    expect(link.issues[1].message).toContain('kv-ops was not found');
  });
});
