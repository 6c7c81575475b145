/**
 * The expected Azure posture, computed from the model alone (it imports nothing from the engine
 * or the handlers' wire shapes), so backend tests can compare the engine's findings with it.
 *
 * `checks` is what a correct scanner reports for each vault, given what the scanner can see:
 * a vault in a subscription without Reader is not listed (every check `unknown`); a key vault that
 * does not exist, or whose keys the scanner may not read, leaves the key-dependent checks
 * `unknown`. The other fields say what is true in the model, seen or not.
 */
import {
  BACKUP_KEY_PERMISSIONS,
  findKeyVault,
  hasKeyPermission,
  kekPrincipalId,
  parseKeyUri,
  recoveryVaultId,
} from './model';
import { SimAzureEstate, SimKeyVault, SimRecoveryVault } from './types';

export const AZURE_CHECK_IDS = [
  'rsv-customer-managed-key',
  'rsv-key-vault-recoverable',
  'rsv-key-usable',
  'rsv-key-rotation',
  'rsv-identity',
  'rsv-infrastructure-encryption',
  'rsv-immutability',
  'rsv-soft-delete',
  'rsv-multi-user-auth',
] as const;

export type AzureCheckId = (typeof AZURE_CHECK_IDS)[number];

export type ExpectedStatus =
  'pass' | 'fail' | 'warn' | 'unknown' | 'not-applicable';

export interface AzureVaultTruth {
  vaultId: string;
  name: string;
  subscriptionId: string;
  location: string;
  tags: Record<string, string>;
  /** The scanner holds Reader on the vault's subscription (so it lists the vault). */
  visible: boolean;
  /** A customer-managed key is configured (Z1). */
  cmk: boolean;
  keyUri?: string;
  keyVaultName?: string;
  keyName?: string;
  /** The version the key URI pins (Z5), if any. */
  pinnedVersion?: string;
  /** The key vault named by the key URI exists. */
  keyVaultExists?: boolean;
  /** The scanner can list the key vault (Reader on the key vault's subscription). */
  keyVaultVisible?: boolean;
  keyVaultLocation?: string;
  /** Soft delete and purge protection (Z4). */
  keyVaultRecoverable?: boolean;
  /** The key (and the pinned version) exists in the key vault. */
  keyExists?: boolean;
  /** The scanner can read the key on the data plane (permission and firewall). */
  keyReadable?: boolean;
  keyEnabled?: boolean;
  keyIsRsa?: boolean;
  keyExpired?: boolean;
  /** The key vault is in the vault's region (Z1). */
  keyRegionMatches?: boolean;
  /** The identity that reads the key (Z3). */
  kekIdentity?: 'system' | 'user-assigned';
  /** That identity exists on the vault and holds get, list, wrapKey, unwrapKey (Z3). */
  identityHasKeyPermissions?: boolean;
  /** Everything needed for backups to use the key (Z1, Z3). */
  keyUsable?: boolean;
  /** Why the key is not usable, in words. */
  keyProblems: string[];
  /** Z6: a user-assigned identity with private endpoints or a network-restricted key vault fails. */
  identityOk?: boolean;
  checks: Record<AzureCheckId, ExpectedStatus>;
}

function readerOn(
  azure: SimAzureEstate,
  subscriptionId: string,
  clientId: string,
) {
  return !!azure.subscriptions
    .find(s => s.id.toLowerCase() === subscriptionId.toLowerCase())
    ?.readerClientIds.includes(clientId);
}

function setting(
  value: string,
  good: string[],
  warn: string[],
): ExpectedStatus {
  if (good.includes(value)) return 'pass';
  if (warn.includes(value)) return 'warn';
  return 'fail';
}

function vaultTruth(
  azure: SimAzureEstate,
  v: SimRecoveryVault,
  now: number,
  scanner: { clientId: string; objectId?: string },
): AzureVaultTruth {
  const visible = readerOn(azure, v.subscriptionId, scanner.clientId);
  const t: AzureVaultTruth = {
    vaultId: recoveryVaultId(v),
    name: v.name,
    subscriptionId: v.subscriptionId,
    location: v.location,
    tags: v.tags,
    visible,
    cmk: !!v.encryption,
    keyProblems: [],
    checks: {} as Record<AzureCheckId, ExpectedStatus>,
  };
  const c = t.checks;
  c['rsv-immutability'] = setting(
    v.security.immutability,
    ['Locked'],
    ['Unlocked'],
  );
  c['rsv-soft-delete'] = setting(
    v.security.softDelete.state,
    ['AlwaysON'],
    ['Enabled'],
  );
  c['rsv-multi-user-auth'] = setting(
    v.security.multiUserAuthorization,
    ['Enabled'],
    [],
  );

  const enc = v.encryption;
  if (!enc) {
    c['rsv-customer-managed-key'] = 'fail';
    // Infrastructure encryption can only be chosen together with a CMK: the CMK finding covers it.
    for (const id of [
      'rsv-key-vault-recoverable',
      'rsv-key-usable',
      'rsv-key-rotation',
      'rsv-identity',
      'rsv-infrastructure-encryption',
    ] as const)
      c[id] = 'not-applicable';
  } else {
    c['rsv-customer-managed-key'] = 'pass';
    c['rsv-infrastructure-encryption'] =
      enc.infrastructureEncryption === 'Enabled' ? 'pass' : 'fail';
    const parsed = parseKeyUri(enc.keyUri);
    t.keyUri = enc.keyUri;
    t.keyVaultName = parsed?.keyVaultName;
    t.keyName = parsed?.keyName;
    t.pinnedVersion = parsed?.version;
    c['rsv-key-rotation'] = t.pinnedVersion ? 'warn' : 'pass';
    t.kekIdentity = 'system' in enc.kekIdentity ? 'system' : 'user-assigned';

    const kv: SimKeyVault | undefined = parsed
      ? findKeyVault(azure, parsed.keyVaultName)
      : undefined;
    t.keyVaultExists = !!kv;
    t.keyVaultVisible =
      !!kv && readerOn(azure, kv.subscriptionId, scanner.clientId);
    // What the scanner learns from ARM (key vault listing) and the data plane (the key).
    const observed: string[] = [];
    if (kv) {
      t.keyVaultLocation = kv.location;
      t.keyVaultRecoverable = kv.enableSoftDelete && kv.enablePurgeProtection;
      t.keyRegionMatches =
        kv.location.toLowerCase() === v.location.toLowerCase();
      const principal = kekPrincipalId(azure, v);
      t.identityHasKeyPermissions =
        !!principal &&
        BACKUP_KEY_PERMISSIONS.every(p => hasKeyPermission(kv, principal, p));
      const key = kv.keys.find(
        k => k.name.toLowerCase() === parsed!.keyName.toLowerCase(),
      );
      const pinned = t.pinnedVersion?.toLowerCase();
      const version = pinned
        ? key?.versions.find(x => x.version === pinned)
        : key?.versions[key.versions.length - 1];
      t.keyExists = !!version;
      const firewalled =
        kv.publicNetworkAccess === 'Disabled' ||
        kv.networkDefaultAction === 'Deny';
      t.keyReadable =
        t.keyExists &&
        !firewalled &&
        hasKeyPermission(kv, scanner.objectId, 'get');
      if (version) {
        t.keyEnabled = version.enabled;
        t.keyIsRsa = version.kty.startsWith('RSA');
        t.keyExpired = !!version.expires && Date.parse(version.expires) <= now;
        const keyProblems = [
          !t.keyEnabled && 'key is disabled',
          !t.keyIsRsa && `key type ${version.kty} is not RSA`,
          t.keyExpired && `key expired on ${version.expires}`,
        ].filter((p): p is string => !!p);
        t.keyProblems.push(...keyProblems);
        // The scanner sees the key's attributes only when it may read the key.
        if (t.keyReadable) observed.push(...keyProblems);
      } else {
        t.keyProblems.push('key not found in its key vault');
      }
      if (!t.keyRegionMatches) {
        t.keyProblems.push(
          `key vault in ${kv.location}, vault in ${v.location}`,
        );
        if (t.keyVaultVisible) observed.push('region');
      }
      if (!t.identityHasKeyPermissions) {
        t.keyProblems.push(
          'the vault identity lacks get/list/wrapKey/unwrapKey on the key',
        );
        // Access policies come with the key vault listing; RBAC role assignments are listed
        // with the same Reader role on the key vault's subscription.
        if (t.keyVaultVisible) observed.push('permissions');
      }
    } else {
      t.keyProblems.push(
        `key vault ${t.keyVaultName ?? enc.keyUri} does not exist`,
      );
    }
    t.keyUsable = t.keyProblems.length === 0;

    if (!t.keyVaultVisible) c['rsv-key-vault-recoverable'] = 'unknown';
    else
      c['rsv-key-vault-recoverable'] = t.keyVaultRecoverable ? 'pass' : 'fail';
    // An observed problem fails; otherwise a pass needs both the key vault and the key seen.
    if (observed.length) c['rsv-key-usable'] = 'fail';
    else if (t.keyReadable && t.keyVaultVisible) c['rsv-key-usable'] = 'pass';
    else c['rsv-key-usable'] = 'unknown';

    const problems: string[] = [];
    if (t.kekIdentity === 'user-assigned') {
      if (v.privateEndpoints.length > 0) problems.push('private endpoints');
      if (kv?.networkDefaultAction === 'Deny')
        problems.push('network-restricted key vault');
      if (kekPrincipalId(azure, v) === undefined)
        problems.push('identity not attached');
    } else if (!v.identity.systemAssignedPrincipalId) {
      problems.push('system-assigned identity disabled');
    }
    t.identityOk = problems.length === 0;
    c['rsv-identity'] = t.identityOk ? 'pass' : 'fail';
  }

  if (!visible) for (const id of AZURE_CHECK_IDS) c[id] = 'unknown';
  return t;
}

/**
 * Per Recovery Services vault, the truth of rules Z1–Z6 and the expected status of each check,
 * as seen by `scanner` (default: the estate's first service principal, the demo's scanner).
 * `now` defaults to the estate's clock (`estate.now`).
 */
export function azureTruth(
  estate: { now: string; azure?: SimAzureEstate },
  opts: { now?: string; scannerClientId?: string } = {},
): AzureVaultTruth[] {
  const azure = estate.azure;
  if (!azure) return [];
  const sp =
    azure.servicePrincipals.find(p => p.clientId === opts.scannerClientId) ??
    azure.servicePrincipals[0];
  const scanner = { clientId: sp?.clientId ?? '', objectId: sp?.objectId };
  const now = Date.parse(opts.now ?? estate.now);
  return azure.recoveryVaults.map(v => vaultTruth(azure, v, now, scanner));
}
