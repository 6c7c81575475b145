/**
 * Azure key lineage: each Recovery Services vault → the key vault → the key that wraps its data
 * keys (rules Z1, Z4, Z5), as one `primary` link per vault so the view shows both clouds alike.
 */
import { AzureRecoveryVaultFact } from '../../inventory';
import { LineageChain, LineageKey, LineageLink } from '../../posture';
import { AzureContext } from './context';
import { missingKeyPermissions, parseKeyUri } from './keys';
import { lineageKeyRead } from '../keyFreshness';

export const AZURE_VAULT_RESOURCE_TYPE = 'Azure Recovery Services vault';

function vaultKey(
  ctx: AzureContext,
  vault: AzureRecoveryVaultFact,
): { key: LineageKey; issues: LineageLink['issues'] } {
  const issues: LineageLink['issues'] = [];
  if (!vault.keyUri) {
    issues.push({
      rule: 'Z1',
      message:
        'platform-managed keys: no customer-managed key wraps this vault’s data (CMK needs a new vault, Z2)',
    });
    return { key: { manager: 'platform-managed' }, issues };
  }
  const parts = parseKeyUri(vault.keyUri);
  const key = ctx.key(vault.keyUri);
  const kv = ctx.keyVault(vault.keyUri);
  const keyVaultName = parts?.keyVaultName ?? key?.keyVaultName ?? 'unknown';
  const lineageKey: LineageKey = {
    keyArn: vault.keyUri,
    alias: `${keyVaultName}/${parts?.keyName ?? key?.keyName ?? 'key'}`,
    manager: 'customer',
    keyVault: {
      name: keyVaultName,
      ...(kv?.location ? { location: kv.location } : {}),
    },
    ...(parts?.version ? { pinnedVersion: parts.version } : {}),
    ...lineageKeyRead(key),
  };
  if (key && !key.error) {
    const expired = key.expiresOn && ctx.clock.hasPassed(key.expiresOn);
    lineageKey.keyState = 'Enabled';
    if (expired) lineageKey.keyState = 'Expired';
    if (key.enabled === false) lineageKey.keyState = 'Disabled';
    if (key.enabled === false || expired) {
      issues.push({
        rule: 'Z1',
        message: `key ${lineageKey.alias} is ${lineageKey.keyState.toLowerCase()}: backups and restores of this vault fail`,
      });
    }
  } else {
    issues.push({
      rule: 'Z1',
      message: `key ${lineageKey.alias} could not be read${key?.error ? `: ${key.error.name}: ${key.error.message}` : ''}`,
    });
  }
  if (!kv || kv.error) {
    issues.push({
      rule: 'Z4',
      message: `key vault ${keyVaultName} was not found in the scanned subscriptions${kv?.error ? ` (${kv.error.name}: ${kv.error.message})` : ''}`,
    });
  } else {
    if (
      kv.location &&
      kv.location.toLowerCase() !== vault.location.toLowerCase()
    ) {
      issues.push({
        rule: 'Z1',
        message: `key vault ${kv.name} is in ${kv.location}, the vault in ${vault.location}: the key must be in the vault’s region`,
      });
    }
    if (kv.enableSoftDelete === false || kv.enablePurgeProtection === false) {
      issues.push({
        rule: 'Z4',
        message: `key vault ${kv.name} lacks ${[kv.enableSoftDelete === false && 'soft delete', kv.enablePurgeProtection === false && 'purge protection'].filter(Boolean).join(' and ')}: deleting it loses every backup`,
      });
    }
  }
  const missing = missingKeyPermissions(ctx, vault);
  if (missing && missing.length) {
    issues.push({
      rule: 'Z3',
      message: `the vault identity lacks ${missing.join(', ')} on key vault ${keyVaultName}`,
    });
  }
  if (parts?.version) {
    issues.push({
      rule: 'Z5',
      message: `key URI pinned to version ${parts.version}: rotation does not reach this vault`,
    });
  }
  return { key: lineageKey, issues };
}

/** One chain per Azure vault of the entity. */
export function buildAzureLineage(ctx: AzureContext): LineageChain[] {
  return ctx.azure.vaults.map(vault => {
    const { key, issues } = vaultKey(ctx, vault);
    // The vault is the root: its key vault and key version are shown on its key.
    const link: LineageLink = {
      id: vault.id,
      depth: 0,
      kind: 'primary',
      cloud: 'azure',
      account: vault.subscriptionId,
      region: vault.location,
      vaultArn: vault.id,
      vaultName: vault.name,
      vaultType: 'RECOVERY_SERVICES_VAULT',
      expectedKey: key,
      issues,
    };
    // Only key facts that were read count as observed; the URI alone is configuration.
    if (key.manager === 'platform-managed' || key.keyState) {
      link.observedKey = key;
    }
    return {
      resourceArn: vault.id,
      resourceType: AZURE_VAULT_RESOURCE_TYPE,
      encryptionModel: 'independent',
      links: [link],
    };
  });
}
