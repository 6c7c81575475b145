import { azureVaultCheck } from './azureVaultCheck';

export const rsvKeyRotation = azureVaultCheck({
  definition: {
    id: 'rsv-key-rotation',
    title: 'The vault key auto-rotates',
    cloud: 'azure',
    severity: 'medium',
    rules: ['Z5'],
    description:
      'For vaults with a CMK: a versionless key URI (auto-rotation) passes; a URI pinned to a version warns.',
    remediation: {
      why: 'A key URI with a version pins that version: rotating the key in Key Vault does not reach the backups (Z5). A versionless URI picks up new versions within an hour; keep the old version enabled until a later backup ran.',
      console: [
        'Vault → Properties → Encryption settings → Update → select the key without a version (or "Select from Key Vault").',
        'Key vault → Keys → the key → Rotation policy → enable automatic rotation.',
      ],
      cli: 'az backup vault encryption update --resource-group <rg> --name <vault> --encryption-key-id https://<kv>.vault.azure.net/keys/<key>',
      terraform:
        'encryption { key_id = azurerm_key_vault_key.backup.versionless_id }',
    },
    equivalentControls: {},
  },
  judge: (vault, ctx) => {
    if (!vault.keyUri)
      return { status: 'not-applicable', message: 'no customer-managed key' };
    const key = ctx.key(vault.keyUri);
    const pinned =
      key?.pinnedVersion ??
      /\/keys\/[^/]+\/([^/]+)\/?$/.exec(vault.keyUri)?.[1];
    const evidence = {
      keyUri: vault.keyUri,
      pinnedVersion: pinned ?? null,
      rotationPolicyEnabled: key?.rotationPolicyEnabled,
    };
    if (pinned)
      return {
        status: 'warn',
        message: `key URI pinned to version ${pinned}: no auto-rotation`,
        evidence,
        keyFact: key,
      };
    let policy = '';
    if (key?.rotationPolicyEnabled === false)
      policy =
        '; the key has no rotation policy, so new versions come only from manual rotation';
    else if (key?.rotationPolicyEnabled)
      policy = `; rotation policy ${key.rotationTrigger ?? 'enabled'}`;
    return {
      status: 'pass',
      message: `versionless key URI: the vault follows new key versions${policy}`,
      evidence,
      keyFact: key,
    };
  },
});
