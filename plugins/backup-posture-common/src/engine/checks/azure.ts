/**
 * Azure Recovery Services vault checks (rules Z1–Z6). Small checks over `AzureInventory`, one per
 * catalog id; a subscription whose scan failed makes its findings `unknown`.
 */
import {
  AzureKeyFact,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
} from '../../inventory';
import {
  CheckStatus,
  EquivalentControls,
  Finding,
  Remediation,
  Severity,
} from '../../posture';
import { AzureContext } from '../azureContext';
import {
  encryptionPrincipalOf,
  missingKeyPermissions,
  parseKeyUri,
  REQUIRED_KEY_PERMISSIONS,
} from '../azureKeys';
import {
  failedKeyRead,
  failedKeyReadReason,
  withKeyReads,
} from '../keyFreshness';
import { AzureCheck } from './azureTypes';
import { finding } from './types';

type Judge = (
  vault: AzureRecoveryVaultFact,
  ctx: AzureContext,
) =>
  | {
      status: CheckStatus;
      message: string;
      evidence?: Record<string, string | number | boolean | null | undefined>;
      /** The key fact the verdict relies on: a failed read of it in this scan is said. */
      keyFact?: AzureKeyFact;
    }
  | undefined;

/**
 * Each Azure check's equivalent Azure Policy built-ins, by check id: part of its definition (see
 * `EquivalentControls`), kept here because `azureCheck` builds definitions from its arguments.
 */
const equivalentControls: Readonly<Record<string, EquivalentControls>> = {
  'rsv-customer-managed-key': {
    azurePolicy: [
      '[Preview]: Azure Recovery Services vaults should use customer-managed keys for encrypting backup data',
    ],
  },
  'rsv-key-vault-recoverable': {
    azurePolicy: ['Key vaults should have deletion protection enabled'],
    note: 'The policy audits every key vault; this check the key vaults that hold vault keys.',
  },
  'rsv-key-usable': {},
  'rsv-key-rotation': {},
  'rsv-identity': {},
  'rsv-infrastructure-encryption': {
    azurePolicy: [
      '[Preview]: Azure Recovery Services vaults should use customer-managed keys for encrypting backup data',
    ],
    note: 'With its `enableDoubleEncryption` parameter set to true.',
  },
  'rsv-immutability': {
    azurePolicy: [
      '[Preview]: Immutability must be enabled for Recovery Services vaults',
    ],
    note: 'With its `checkLockedImmutabilityOnly` parameter true (the default).',
  },
  'rsv-soft-delete': {
    azurePolicy: [
      '[Preview]: Soft delete must be enabled for Recovery Services Vaults.',
    ],
    note: 'With its `checkAlwaysOnSoftDeleteOnly` parameter true (the default).',
  },
  'rsv-multi-user-auth': {
    azurePolicy: [
      '[Preview]: Multi-User Authorization (MUA) must be enabled for Recovery Services Vaults.',
    ],
  },
};

function azureCheck(
  id: string,
  title: string,
  severity: Severity,
  rules: string[],
  description: string,
  remediation: Remediation,
  judge: Judge,
): AzureCheck {
  return {
    definition: {
      id,
      title,
      cloud: 'azure',
      severity,
      rules,
      description,
      remediation,
      equivalentControls: equivalentControls[id],
    },
    evaluate({ ctx }) {
      const out: Finding[] = (ctx.azure.unresolvedVaultIds ?? []).map(
        vaultId => {
          const sub = /^\/subscriptions\/([^/]+)/i.exec(vaultId)?.[1] ?? '';
          return finding(
            vaultId,
            'unknown',
            `vault not found: ${ctx.scopeError(sub) ?? `subscription ${sub} is not scanned, or the vault was deleted`}`,
          );
        },
      );
      for (const vault of ctx.azure.vaults) {
        const scopeError = ctx.scopeError(vault.subscriptionId);
        const verdict = judge(vault, ctx);
        if (!verdict) continue;
        const judged =
          scopeError && verdict.status === 'pass'
            ? finding(
                vault.id,
                'unknown',
                `${verdict.message}, but ${scopeError}`,
                verdict.evidence,
              )
            : finding(
                vault.id,
                verdict.status,
                verdict.message,
                verdict.evidence,
              );
        out.push(withKeyReads(judged, [{ fact: verdict.keyFact }]));
      }
      return out;
    },
  };
}

function permissionWords(
  vault: AzureRecoveryVaultFact,
  kv: AzureKeyVaultFact | undefined,
  key: AzureKeyFact | undefined,
  missing: string[] | undefined,
): string {
  const model = kv?.enableRbacAuthorization ? ' (Azure RBAC)' : '';
  if (missing)
    return missing.length
      ? `missing ${missing.join(', ')}${model}`
      : `${REQUIRED_KEY_PERMISSIONS.join(', ')} granted${model}`;
  if (!kv || kv.error)
    return `key vault not read${kv?.error ? `: ${kv.error.name}: ${kv.error.message}` : ''}`;
  if (!encryptionPrincipalOf(vault))
    return 'the vault reports no principal id for its key identity';
  if (key?.roleAssignmentsError)
    return `role assignments not read: ${key.roleAssignmentsError.name}: ${key.roleAssignmentsError.message}`;
  if (key?.roleAssignments?.some(ra => ra.condition))
    return 'granted only by role assignments with conditions, which are not evaluated (Azure RBAC)';
  return `not reported${model}`;
}

const keyError = (ctx: AzureContext, vault: AzureRecoveryVaultFact) => {
  const key = ctx.key(vault.keyUri);
  if (!key) return 'key was not read';
  const failed = failedKeyRead(key);
  return failed ? failedKeyReadReason(failed) : undefined;
};

export const rsvCustomerManagedKey = azureCheck(
  'rsv-customer-managed-key',
  'Recovery Services vaults use a customer-managed key',
  'high',
  ['Z1', 'Z2'],
  'Each vault’s `properties.encryption.keyVaultProperties.keyUri`: present (CMK) passes, absent (platform-managed keys) fails.',
  {
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
  vault =>
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
);

export const rsvKeyVaultRecoverable = azureCheck(
  'rsv-key-vault-recoverable',
  'The key vault behind the vault key is recoverable',
  'critical',
  ['Z4'],
  'For vaults with a CMK: the key vault has `enableSoftDelete` and `enablePurgeProtection`.',
  {
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
  (vault, ctx) => {
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
);

export const rsvKeyUsable = azureCheck(
  'rsv-key-usable',
  'The vault key is usable',
  'critical',
  ['Z1', 'Z3'],
  'For vaults with a CMK: the key is enabled, RSA, not expired, its key vault is in the vault’s region, and the vault identity holds get, list, wrapKey and unwrapKey on it (from the key vault’s access policies, or its Azure RBAC role assignments and their roles’ data actions).',
  {
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
  (vault, ctx) => {
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
    if (key.expiresOn && Date.parse(key.expiresOn) <= ctx.now.getTime())
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
);

export const rsvKeyRotation = azureCheck(
  'rsv-key-rotation',
  'The vault key auto-rotates',
  'medium',
  ['Z5'],
  'For vaults with a CMK: a versionless key URI (auto-rotation) passes; a URI pinned to a version warns.',
  {
    why: 'A key URI with a version pins that version: rotating the key in Key Vault does not reach the backups (Z5). A versionless URI picks up new versions within an hour; keep the old version enabled until a later backup ran.',
    console: [
      'Vault → Properties → Encryption settings → Update → select the key without a version (or "Select from Key Vault").',
      'Key vault → Keys → the key → Rotation policy → enable automatic rotation.',
    ],
    cli: 'az backup vault encryption update --resource-group <rg> --name <vault> --encryption-key-id https://<kv>.vault.azure.net/keys/<key>',
    terraform:
      'encryption { key_id = azurerm_key_vault_key.backup.versionless_id }',
  },
  (vault, ctx) => {
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
);

export const rsvIdentity = azureCheck(
  'rsv-identity',
  'The vault identity can reach its key',
  'medium',
  ['Z3', 'Z6'],
  'For vaults with a CMK: the identity type (system- or user-assigned); a user-assigned identity with private endpoints or a network-restricted key vault fails (Z6).',
  {
    why: 'The vault reads its key with a managed identity (Z3). A user-assigned identity does not work with private endpoints for Backup or with a key vault that denies public network access (Z6): backups stop.',
    console: [
      'Vault → Identity → enable the system-assigned identity and grant it access to the key.',
      'Vault → Properties → Encryption settings → Update → use the system-assigned identity.',
    ],
    cli: 'az backup vault identity assign --system-assigned --resource-group <rg> --name <vault>',
    terraform: 'identity { type = "SystemAssigned" }',
  },
  (vault, ctx) => {
    if (!vault.keyUri)
      return { status: 'not-applicable', message: 'no customer-managed key' };
    const kv = ctx.keyVault(vault.keyUri);
    const evidence = {
      identityType: vault.identityType,
      useSystemAssignedIdentity: vault.useSystemAssignedIdentity,
      userAssignedIdentity: vault.userAssignedIdentity,
      privateEndpointCount: vault.privateEndpointCount,
      keyVaultNetworkDefaultAction: kv?.networkDefaultAction,
    };
    if (
      vault.useSystemAssignedIdentity === undefined &&
      !vault.userAssignedIdentity
    ) {
      return {
        status: 'unknown',
        message: 'encryption identity not reported',
        evidence,
      };
    }
    if (vault.useSystemAssignedIdentity)
      return { status: 'pass', message: 'system-assigned identity', evidence };
    const problems: string[] = [];
    if ((vault.privateEndpointCount ?? 0) > 0)
      problems.push('vault uses private endpoints');
    if (kv?.networkDefaultAction === 'Deny')
      problems.push('key vault is network-restricted');
    return problems.length
      ? {
          status: 'fail',
          message: `user-assigned identity does not work here: ${problems.join(', ')}`,
          evidence,
        }
      : {
          status: 'pass',
          message:
            'user-assigned identity without private endpoints or network restriction',
          evidence,
        };
  },
);

const setting = (
  id: string,
  title: string,
  severity: Severity,
  rules: string[],
  field:
    | 'infrastructureEncryption'
    | 'immutabilityState'
    | 'softDeleteState'
    | 'multiUserAuthorization',
  good: string[],
  warn: string[],
  remediation: Remediation,
  description: string,
) =>
  azureCheck(id, title, severity, rules, description, remediation, vault => {
    // Infrastructure encryption is chosen together with a customer-managed key (Z1).
    if (field === 'infrastructureEncryption' && !vault.keyUri)
      return {
        status: 'not-applicable',
        message:
          'platform-managed keys: infrastructure encryption comes with a CMK',
      };
    const value = vault[field];
    const evidence = { [field]: value ?? null };
    if (value === undefined)
      return { status: 'unknown', message: `${field} not reported`, evidence };
    if (good.includes(value))
      return { status: 'pass', message: `${field} ${value}`, evidence };
    if (warn.includes(value))
      return { status: 'warn', message: `${field} ${value}`, evidence };
    return { status: 'fail', message: `${field} ${value}`, evidence };
  });

export const rsvInfrastructureEncryption = setting(
  'rsv-infrastructure-encryption',
  'Infrastructure (double) encryption is enabled',
  'low',
  ['Z1'],
  'infrastructureEncryption',
  ['Enabled'],
  [],
  {
    why: 'Infrastructure encryption adds a second layer with platform-managed keys under the CMK layer. It can only be chosen when CMK is first enabled.',
    console: [
      'On a new vault: Properties → Encryption settings → Use your own key → tick "Enable infrastructure encryption".',
    ],
    cli: 'az backup vault encryption update --resource-group <rg> --name <vault> --encryption-key-id <key-uri> --infrastructure-encryption Enabled',
    terraform: 'encryption { infrastructure_encryption_enabled = true }',
  },
  '`properties.encryption.infrastructureEncryption` is `Enabled`.',
);

export const rsvImmutability = setting(
  'rsv-immutability',
  'Vault immutability is locked',
  'medium',
  [],
  'immutabilityState',
  ['Locked'],
  ['Unlocked'],
  {
    why: 'Immutability prevents recovery points from being deleted or their retention shortened before they expire; only the Locked state cannot be undone.',
    console: [
      'Vault → Properties → Immutable vault → Settings → Enable, then Lock.',
    ],
    cli: 'az backup vault update --resource-group <rg> --name <vault> --immutability-state Locked',
    terraform: 'immutability = "Locked"',
  },
  '`properties.securitySettings.immutabilitySettings.state` is `Locked` (Unlocked warns).',
);

export const rsvSoftDelete = setting(
  'rsv-soft-delete',
  'Soft delete is always on',
  'medium',
  [],
  'softDeleteState',
  ['AlwaysON', 'AlwaysOn'],
  ['Enabled'],
  {
    why: 'Soft delete keeps deleted backup data recoverable for 14+ days; AlwaysOn means it cannot be switched off by an attacker first.',
    console: [
      'Vault → Properties → Security settings → Soft delete → Enable, and "Enable always-on soft delete".',
    ],
    cli: 'az backup vault update --resource-group <rg> --name <vault> --soft-delete-state AlwaysON',
    terraform: 'soft_delete_enabled = true',
  },
  '`properties.securitySettings.softDeleteSettings.softDeleteState` is `AlwaysON` (Enabled warns).',
);

export const rsvMultiUserAuth = setting(
  'rsv-multi-user-auth',
  'Multi-user authorization protects critical operations',
  'medium',
  [],
  'multiUserAuthorization',
  ['Enabled'],
  [],
  {
    why: 'Multi-user authorization (a Resource Guard owned by another team) requires a second person to approve disabling soft delete, reducing retention or changing the key.',
    console: [
      'Create a Resource Guard in a separate subscription; Vault → Properties → Multi-user authorization → Update → select the guard.',
    ],
    cli: 'az dataprotection resource-guard create --resource-group <rg> --resource-guard-name <guard>',
    terraform:
      'resource "azurerm_data_protection_resource_guard" "guard" { /* ... */ }',
  },
  '`properties.securitySettings.multiUserAuthorization` is `Enabled`.',
);

export const azureVaultChecks: readonly AzureCheck[] = [
  rsvCustomerManagedKey,
  rsvKeyVaultRecoverable,
  rsvKeyUsable,
  rsvKeyRotation,
  rsvIdentity,
  rsvInfrastructureEncryption,
  rsvImmutability,
  rsvSoftDelete,
  rsvMultiUserAuth,
];
