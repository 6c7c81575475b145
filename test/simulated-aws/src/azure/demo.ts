/**
 * The Azure half of the demo: one Recovery Services vault per story of rules Z1–Z6, tagged
 * `app=<catalog component>`, in three subscriptions (prod, shared-security holding some key
 * vaults, and a legacy one the scanner may not read).
 */
import { createHash } from 'node:crypto';
import {
  SIM_AZURE_CREDENTIALS,
  SIM_AZURE_SCANNER_OBJECT_ID,
} from './constants';
import { BACKUP_KEY_PERMISSIONS, userAssignedIdentityId } from './model';
import {
  SimAzureEstate,
  SimKeyVault,
  SimKeyVaultKey,
  SimKeyVersion,
  SimRecoveryVault,
} from './types';

export const DEMO_AZURE_SUBSCRIPTIONS = {
  /** `backup-prod`: the workloads' vaults. */
  prod: '8a1c2e3f-4b5d-4e6f-9a0b-1c2d3e4f5a61',
  /** `shared-security`: key vaults shared by several teams. */
  security: '8a1c2e3f-4b5d-4e6f-9a0b-1c2d3e4f5a62',
  /** `legacy`: the scanner holds no role here (AuthorizationFailed). */
  legacy: '8a1c2e3f-4b5d-4e6f-9a0b-1c2d3e4f5a63',
} as const;

/** Object ids of the demo vaults' managed identities. */
export const DEMO_AZURE_PRINCIPALS = {
  hrVault: 'c0ffee00-0001-4a00-8000-00000000a001',
  payrollVault: 'c0ffee00-0002-4a00-8000-00000000a002',
  crmVault: 'c0ffee00-0003-4a00-8000-00000000a003',
  crmDrVault: 'c0ffee00-0004-4a00-8000-00000000a004',
  erpVault: 'c0ffee00-0005-4a00-8000-00000000a005',
  intranetIdentity: 'c0ffee00-0006-4a00-8000-00000000a006',
  dataLakeVault: 'c0ffee00-0007-4a00-8000-00000000a007',
  legacyFilesVault: 'c0ffee00-0008-4a00-8000-00000000a008',
  legacyArchiveVault: 'c0ffee00-0009-4a00-8000-00000000a009',
} as const;

const DAY = 86_400_000;
const daysBefore = (now: string, days: number) =>
  new Date(Date.parse(now) - days * DAY).toISOString();

/** A stable 32-hex key version (Key Vault's format) from the key and its ordinal. */
export function demoKeyVersion(kvName: string, key: string, n: number): string {
  return createHash('md5').update(`${kvName}/${key}/${n}`).digest('hex');
}

function rsaKey(
  kvName: string,
  name: string,
  opts: {
    now: string;
    size?: 2048 | 3072 | 4096;
    /** Ages in days of the versions, oldest first. */
    ages: number[];
    expires?: string;
    rotate?: boolean;
  },
): SimKeyVaultKey {
  const versions: SimKeyVersion[] = opts.ages.map((age, i) => ({
    version: demoKeyVersion(kvName, name, i + 1),
    kty: 'RSA',
    size: opts.size ?? 3072,
    enabled: true,
    created: daysBefore(opts.now, age),
    // The expiry applies to the current version.
    ...(i === opts.ages.length - 1 && opts.expires
      ? { expires: opts.expires }
      : {}),
  }));
  return {
    name,
    versions,
    ...(opts.rotate
      ? {
          rotationPolicy: {
            rotateAfterCreate: 'P18M',
            notifyBeforeExpiry: 'P30D',
            expiryTime: 'P2Y',
            created: daysBefore(opts.now, opts.ages[0]),
            updated: daysBefore(opts.now, opts.ages[0]),
          },
        }
      : {}),
  };
}

/** What the scanner is granted: read key metadata and rotation policies. */
const SCANNER_KEY_PERMISSIONS = ['get', 'list', 'getrotationpolicy'] as const;

function keyVault(
  base: Pick<
    SimKeyVault,
    'subscriptionId' | 'resourceGroup' | 'name' | 'location' | 'keys'
  > &
    Partial<SimKeyVault>,
  backupPrincipals: string[],
): SimKeyVault {
  return {
    tags: { owner: 'platform-security' },
    sku: 'standard',
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enablePurgeProtection: true,
    enableRbacAuthorization: false,
    accessPolicies: [
      ...backupPrincipals.map(objectId => ({
        objectId,
        keys: [...BACKUP_KEY_PERMISSIONS],
      })),
      {
        objectId: SIM_AZURE_SCANNER_OBJECT_ID,
        keys: [...SCANNER_KEY_PERMISSIONS],
      },
    ],
    roleAssignments: [],
    networkDefaultAction: 'Allow',
    publicNetworkAccess: 'Enabled',
    ...base,
  };
}

/** A vault with good security settings; each story overrides what it is about. */
function vault(
  base: Pick<
    SimRecoveryVault,
    'subscriptionId' | 'resourceGroup' | 'name' | 'tags'
  > &
    Partial<SimRecoveryVault>,
): SimRecoveryVault {
  return {
    location: 'japaneast',
    sku: 'RS0',
    identity: { userAssigned: [] },
    security: {
      immutability: 'Locked',
      softDelete: { state: 'AlwaysON', retentionDays: 14 },
      multiUserAuthorization: 'Enabled',
    },
    redundancy: { storage: 'GeoRedundant', crossRegionRestore: 'Enabled' },
    publicNetworkAccess: 'Enabled',
    privateEndpoints: [],
    ...base,
  };
}

const kvKeyUri = (kv: string, key: string, version?: string) =>
  `https://${kv}.vault.azure.net/keys/${key}${version ? `/${version}` : ''}`;

export function demoAzureEstate(opts: { now: string }): SimAzureEstate {
  const { now } = opts;
  const S = DEMO_AZURE_SUBSCRIPTIONS;
  const P = DEMO_AZURE_PRINCIPALS;
  const intranetIdentity = {
    subscriptionId: S.prod,
    resourceGroup: 'rg-intranet',
    name: 'id-intranet-backup',
    principalId: P.intranetIdentity,
    clientId: 'c0ffee00-1006-4a00-8000-00000000b006',
  };
  const intranetIdentityId = userAssignedIdentityId(intranetIdentity);
  const crmVersion = demoKeyVersion('kv-crm-jpe', 'rsv-crm-cmk', 2);

  const keyVaults: SimKeyVault[] = [
    // Healthy: soft delete + purge protection, RSA 3072 with a rotation policy.
    keyVault(
      {
        subscriptionId: S.prod,
        resourceGroup: 'rg-hr-keys',
        name: 'kv-hr-prod-jpe',
        location: 'japaneast',
        keys: [
          rsaKey('kv-hr-prod-jpe', 'rsv-hr-cmk', {
            now,
            ages: [400, 90],
            rotate: true,
          }),
        ],
      },
      [P.hrVault],
    ),
    // Shared by rsv-crm (pinned version, Z5) and rsv-crm-dr (japanwest vault, key in japaneast, Z1).
    keyVault(
      {
        subscriptionId: S.security,
        resourceGroup: 'rg-shared-keys',
        name: 'kv-crm-jpe',
        location: 'japaneast',
        keys: [rsaKey('kv-crm-jpe', 'rsv-crm-cmk', { now, ages: [500, 200] })],
      },
      [P.crmVault, P.crmDrVault],
    ),
    // No purge protection (Z4); Azure RBAC instead of access policies.
    keyVault(
      {
        subscriptionId: S.prod,
        resourceGroup: 'rg-erp',
        name: 'kv-erp',
        location: 'japaneast',
        enablePurgeProtection: false,
        enableRbacAuthorization: true,
        accessPolicies: [],
        roleAssignments: [
          {
            principalId: P.erpVault,
            role: 'Key Vault Crypto Service Encryption User',
          },
          {
            principalId: SIM_AZURE_SCANNER_OBJECT_ID,
            role: 'Key Vault Reader',
          },
        ],
        keys: [
          rsaKey('kv-erp', 'rsv-erp-cmk', { now, ages: [300], rotate: true }),
        ],
      },
      [],
    ),
    // Reached through a user-assigned identity (Z6 with the vault's private endpoint).
    keyVault(
      {
        subscriptionId: S.prod,
        resourceGroup: 'rg-intranet',
        name: 'kv-intranet',
        location: 'japaneast',
        keys: [
          rsaKey('kv-intranet', 'rsv-intranet-cmk', {
            now,
            ages: [120],
            rotate: true,
          }),
        ],
      },
      [P.intranetIdentity],
    ),
    // Recoverable, but the key's current version expired 10 days ago (Z1); Azure RBAC, where the
    // vault identity was given Key Vault Reader: it may read the key but not wrap/unwrap (Z3).
    keyVault(
      {
        subscriptionId: S.security,
        resourceGroup: 'rg-shared-keys',
        name: 'kv-data-lake',
        location: 'japaneast',
        enableRbacAuthorization: true,
        accessPolicies: [],
        roleAssignments: [
          { principalId: P.dataLakeVault, role: 'Key Vault Reader' },
          {
            principalId: SIM_AZURE_SCANNER_OBJECT_ID,
            role: 'Key Vault Reader',
          },
        ],
        keys: [
          rsaKey('kv-data-lake', 'rsv-data-lake-cmk', {
            now,
            ages: [375],
            size: 2048,
            expires: daysBefore(now, 10),
          }),
        ],
      },
      [],
    ),
  ];

  const recoveryVaults: SimRecoveryVault[] = [
    // Grade A: versionless CMK, system identity, every security setting on.
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-hr',
      name: 'rsv-hr-prod',
      tags: { app: 'hr-portal', env: 'prod' },
      identity: { systemAssignedPrincipalId: P.hrVault, userAssigned: [] },
      encryption: {
        keyUri: kvKeyUri('kv-hr-prod-jpe', 'rsv-hr-cmk'),
        kekIdentity: { system: true },
        infrastructureEncryption: 'Enabled',
      },
    }),
    // Platform-managed keys (Z1/Z2), weaker security settings.
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-payroll',
      name: 'rsv-payroll',
      tags: { app: 'payroll', env: 'prod' },
      identity: { systemAssignedPrincipalId: P.payrollVault, userAssigned: [] },
      security: {
        immutability: 'Unlocked',
        softDelete: { state: 'Enabled', retentionDays: 14 },
        multiUserAuthorization: 'Disabled',
      },
    }),
    // Pinned key version (Z5).
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-crm',
      name: 'rsv-crm',
      tags: { app: 'crm', env: 'prod' },
      identity: { systemAssignedPrincipalId: P.crmVault, userAssigned: [] },
      encryption: {
        keyUri: kvKeyUri('kv-crm-jpe', 'rsv-crm-cmk', crmVersion),
        kekIdentity: { system: true },
        infrastructureEncryption: 'Enabled',
      },
    }),
    // Vault in japanwest, key vault in japaneast (Z1: the key must be in the vault's region).
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-crm',
      name: 'rsv-crm-dr',
      location: 'japanwest',
      tags: { app: 'crm', env: 'dr' },
      identity: { systemAssignedPrincipalId: P.crmDrVault, userAssigned: [] },
      encryption: {
        keyUri: kvKeyUri('kv-crm-jpe', 'rsv-crm-cmk'),
        kekIdentity: { system: true },
        infrastructureEncryption: 'Enabled',
      },
      redundancy: {
        storage: 'LocallyRedundant',
        crossRegionRestore: 'Disabled',
      },
    }),
    // Key vault without purge protection (Z4); immutability and soft delete off.
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-erp',
      name: 'rsv-erp',
      tags: { app: 'erp', env: 'prod' },
      identity: { systemAssignedPrincipalId: P.erpVault, userAssigned: [] },
      encryption: {
        keyUri: kvKeyUri('kv-erp', 'rsv-erp-cmk'),
        kekIdentity: { system: true },
        infrastructureEncryption: 'Disabled',
      },
      security: {
        immutability: 'Disabled',
        softDelete: { state: 'Disabled', retentionDays: 14 },
        multiUserAuthorization: 'Disabled',
      },
    }),
    // User-assigned identity + private endpoint for Backup (Z6).
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-intranet',
      name: 'rsv-intranet',
      tags: { app: 'intranet', env: 'prod' },
      identity: { userAssigned: [intranetIdentityId] },
      encryption: {
        keyUri: kvKeyUri('kv-intranet', 'rsv-intranet-cmk'),
        kekIdentity: { userAssignedIdentityId: intranetIdentityId },
        infrastructureEncryption: 'Enabled',
      },
      publicNetworkAccess: 'Disabled',
      privateEndpoints: [{ name: 'pe-rsv-intranet-backup', state: 'Approved' }],
    }),
    // Owned by the AWS entity data-lake too; its key expired (Z1) and its identity cannot wrap (Z3).
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-data-lake',
      name: 'rsv-data-lake-archive',
      tags: { app: 'data-lake', env: 'prod' },
      identity: {
        systemAssignedPrincipalId: P.dataLakeVault,
        userAssigned: [],
      },
      encryption: {
        keyUri: kvKeyUri('kv-data-lake', 'rsv-data-lake-cmk'),
        kekIdentity: { system: true },
        infrastructureEncryption: 'Enabled',
      },
    }),
    // In the subscription the scanner cannot read.
    vault({
      subscriptionId: S.legacy,
      resourceGroup: 'rg-legacy',
      name: 'rsv-legacy-files',
      tags: { app: 'legacy-files', env: 'prod' },
      identity: {
        systemAssignedPrincipalId: P.legacyFilesVault,
        userAssigned: [],
      },
    }),
    // Its key vault was deleted (and purged): the key URI points nowhere.
    vault({
      subscriptionId: S.prod,
      resourceGroup: 'rg-legacy',
      name: 'rsv-legacy-archive',
      tags: { app: 'legacy-files', env: 'archive' },
      identity: {
        systemAssignedPrincipalId: P.legacyArchiveVault,
        userAssigned: [],
      },
      encryption: {
        keyUri: kvKeyUri('kv-legacy-gone', 'legacy-archive-cmk'),
        kekIdentity: { system: true },
        infrastructureEncryption: 'Disabled',
      },
      security: {
        immutability: 'Unlocked',
        softDelete: { state: 'AlwaysON', retentionDays: 30 },
        multiUserAuthorization: 'Disabled',
      },
    }),
  ];

  return {
    tenantId: SIM_AZURE_CREDENTIALS.tenantId,
    servicePrincipals: [
      {
        clientId: SIM_AZURE_CREDENTIALS.clientId,
        clientSecret: SIM_AZURE_CREDENTIALS.clientSecret,
        objectId: SIM_AZURE_SCANNER_OBJECT_ID,
        displayName: 'backup-posture-scanner',
      },
    ],
    subscriptions: [
      {
        id: S.prod,
        name: 'backup-prod',
        readerClientIds: [SIM_AZURE_CREDENTIALS.clientId],
      },
      {
        id: S.security,
        name: 'shared-security',
        readerClientIds: [SIM_AZURE_CREDENTIALS.clientId],
      },
      { id: S.legacy, name: 'legacy', readerClientIds: [] },
    ],
    userAssignedIdentities: [intranetIdentity],
    recoveryVaults,
    keyVaults,
  };
}
