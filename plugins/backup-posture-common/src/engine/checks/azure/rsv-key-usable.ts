import { missingKeyPermissions, parseKeyUri } from '../../azure/keys';
import { keyError, permissionWords } from './vaultKeyWords';
import { azureVaultCheck } from './azureVaultCheck';

export const rsvKeyUsable = azureVaultCheck({
  definition: {
    id: 'rsv-key-usable',
    title: 'The vault key is usable',
    cloud: 'azure',
    severity: 'critical',
    rules: ['Z1', 'Z3'],
    description:
      'For vaults with a CMK: the key is enabled, RSA, not expired, its key vault is in the vault’s region, and the vault identity holds get, list, wrapKey and unwrapKey on it (from the key vault’s access policies, or its Azure RBAC role assignments and their roles’ data actions).',
    remediation: {
      why: 'A disabled, expired or wrongly placed key stops backups and restores of the vault (Z1); the vault’s identity must be able to get, list, wrapKey and unwrapKey on it (Z3).',
      console: [
        'Key vault → Keys → the key → enable it / extend its expiry / create a new RSA version.',
        'Key vault → Access policies (or IAM: Key Vault Crypto Service Encryption User) → grant the vault identity get, list, wrapKey, unwrapKey.',
      ],
      cli: [
        'az keyvault key set-attributes --vault-name <kv> --name <key> --enabled true --expires <date>',
        'az keyvault set-policy --name <kv> --object-id <vault-identity> --key-permissions get list wrapKey unwrapKey',
      ].join('\n'),
      terraform: [
        'resource "azurerm_key_vault_key" "backup" {',
        '  key_type = "RSA"',
        '  key_size = 3072',
        '  key_opts = ["wrapKey", "unwrapKey"]',
        '}',
      ].join('\n'),
    },
    equivalentControls: {},
  },
  judge: (vault, ctx) => {
    if (!vault.keyUri)
      return { status: 'not-applicable', message: 'no customer-managed key' };
    const err = keyError(ctx, vault);
    const keyFact = ctx.key(vault.keyUri);
    if (err)
      return {
        status: 'unknown',
        message: `key not usable-checked: ${err}`,
        keyFact,
      };
    const key = keyFact!;
    const kv = ctx.keyVault(vault.keyUri);
    const problems: string[] = [];
    if (key.enabled === false) problems.push('key is disabled');
    if (key.keyType && !/^RSA/i.test(key.keyType))
      problems.push(`key type ${key.keyType} is not RSA`);
    if (key.expiresOn && ctx.clock.hasPassed(key.expiresOn))
      problems.push(`key expired on ${key.expiresOn}`);
    if (
      kv?.location &&
      kv.location.toLowerCase() !== vault.location.toLowerCase()
    ) {
      problems.push(`key vault in ${kv.location}, vault in ${vault.location}`);
    }
    const missing = missingKeyPermissions(ctx, vault);
    if (missing?.length)
      problems.push(
        `vault identity lacks ${missing.join(', ')} on key vault ${kv?.name}`,
      );
    const evidence = {
      keyUri: vault.keyUri,
      enabled: key.enabled,
      keyType: key.keyType,
      expiresOn: key.expiresOn,
      keyVaultLocation: kv?.location,
      vaultLocation: vault.location,
      identityPermissions: permissionWords(vault, kv, key, missing),
    };
    if (problems.length)
      return {
        status: 'fail',
        message: problems.join('; '),
        evidence,
        keyFact: key,
      };
    // Whether the identity may use the key is part of "usable": not knowing it is not a pass.
    if (!missing)
      return {
        status: 'unknown',
        message: `vault identity permissions on key vault ${kv?.name ?? parseKeyUri(vault.keyUri)?.keyVaultName} not determined: ${evidence.identityPermissions}`,
        evidence,
        keyFact: key,
      };
    if (key.enabled === undefined || !key.keyType)
      return {
        status: 'unknown',
        message: 'key attributes not reported',
        evidence,
        keyFact: key,
      };
    return {
      status: 'pass',
      message: 'key enabled, RSA, in the vault region',
      evidence,
      keyFact: key,
    };
  },
});
