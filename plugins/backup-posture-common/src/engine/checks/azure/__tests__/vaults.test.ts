import { describe, expect, it } from '@jest/globals';
import {
  AzureInventory,
  AzureKeyFact,
  AzureKeyRoleAssignment,
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
} from '../../../../inventory';
import { entity } from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';

const SUB = '00000000-0000-0000-0000-000000000001';
const KEY_URI = 'https://payments-kv.vault.azure.net/keys/backup';

const rsv = (
  extra: Partial<AzureRecoveryVaultFact> = {},
): AzureRecoveryVaultFact => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/payments`,
  name: 'payments',
  subscriptionId: SUB,
  resourceGroup: 'rg',
  location: 'japaneast',
  tags: {},
  keyUri: KEY_URI,
  useSystemAssignedIdentity: true,
  systemAssignedPrincipalId: 'principal-1',
  infrastructureEncryption: 'Enabled',
  immutabilityState: 'Locked',
  softDeleteState: 'AlwaysON',
  multiUserAuthorization: 'Enabled',
  ...extra,
});
const keyVault = (
  extra: Partial<AzureKeyVaultFact> = {},
): AzureKeyVaultFact => ({
  name: 'payments-kv',
  location: 'japaneast',
  enableSoftDelete: true,
  enablePurgeProtection: true,
  accessPolicies: [
    {
      objectId: 'principal-1',
      keyPermissions: ['get', 'list', 'wrapKey', 'unwrapKey'],
    },
  ],
  ...extra,
});
const key = (extra: Partial<AzureKeyFact> = {}): AzureKeyFact => ({
  keyUri: KEY_URI,
  keyVaultName: 'payments-kv',
  keyName: 'backup',
  keyType: 'RSA',
  enabled: true,
  ...extra,
});
const azure = (parts: Partial<AzureInventory> = {}) =>
  entity(undefined, [], {
    azure: {
      vaults: [rsv()],
      keyVaults: [keyVault()],
      keys: [key()],
      ...parts,
    },
  });
const status = (inv: ReturnType<typeof azure>, id: string) =>
  checkResult(inv, id).status;

describe('Azure Recovery Services vault checks', () => {
  it('Z5 pass: a versionless URI follows new versions; the message says whether anything creates them', () => {
    const noPolicy = checkResult(
      azure({ keys: [key({ rotationPolicyEnabled: false })] }),
      'rsv-key-rotation',
    );
    expect(noPolicy.status).toBe('pass');
    expect(noPolicy.findings[0].message).toContain('no rotation policy');
    const withPolicy = checkResult(
      azure({
        keys: [
          key({
            rotationPolicyEnabled: true,
            rotationTrigger: 'timeAfterCreate P18M',
          }),
        ],
      }),
      'rsv-key-rotation',
    );
    expect(withPolicy.findings[0].message).toContain(
      'rotation policy timeAfterCreate P18M',
    );
  });

  it('Z3 fail / pass: the vault identity needs get, list, wrapKey, unwrapKey in the access policies', () => {
    const vault = rsv({ systemAssignedPrincipalId: 'principal-1' });
    const policies = (keyPermissions: string[]) =>
      keyVault({
        accessPolicies: [{ objectId: 'principal-1', keyPermissions }],
      });
    const withPolicy = (keyPermissions: string[]) =>
      azure({ vaults: [vault], keyVaults: [policies(keyPermissions)] });
    const lacking = checkResult(withPolicy(['get', 'list']), 'rsv-key-usable');
    expect(lacking.status).toBe('fail');
    expect(lacking.findings[0].message).toContain('wrapKey, unwrapKey');
    expect(
      status(
        withPolicy(['Get', 'List', 'WrapKey', 'UnwrapKey']),
        'rsv-key-usable',
      ),
    ).toBe('pass');
    // Another principal's grant does not count.
    expect(
      status(
        azure({
          vaults: [vault],
          keyVaults: [
            keyVault({
              accessPolicies: [
                { objectId: 'someone-else', keyPermissions: ['all'] },
              ],
            }),
          ],
        }),
        'rsv-key-usable',
      ),
    ).toBe('fail');
    // With Azure RBAC and the role assignments not read: unknown, never a pass.
    const unread = checkResult(
      azure({
        vaults: [vault],
        keyVaults: [
          keyVault({ enableRbacAuthorization: true, accessPolicies: [] }),
        ],
        keys: [
          key({
            roleAssignmentsError: {
              name: 'AuthorizationFailed',
              message: 'no roleAssignments/read',
            },
          }),
        ],
      }),
      'rsv-key-usable',
    );
    expect(unread.status).toBe('unknown');
    expect(unread.findings[0].message).toContain('AuthorizationFailed');
  });

  it('Z3 fail / pass: under Azure RBAC the identity’s role assignments on the key must grant read, wrap and unwrap', () => {
    const KV_ID = `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/payments-kv`;
    const vault = rsv({ systemAssignedPrincipalId: 'principal-1' });
    const role = (
      extra: Partial<AzureKeyRoleAssignment>,
    ): AzureKeyRoleAssignment => ({
      principalId: 'principal-1',
      scope: KV_ID,
      roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/x',
      dataActions: [],
      notDataActions: [],
      ...extra,
    });
    const withRoles = (roleAssignments: AzureKeyRoleAssignment[]) =>
      checkResult(
        azure({
          vaults: [vault],
          keyVaults: [
            keyVault({
              id: KV_ID,
              enableRbacAuthorization: true,
              accessPolicies: [],
            }),
          ],
          keys: [key({ roleAssignments })],
        }),
        'rsv-key-usable',
      );
    const cryptoUser = {
      roleName: 'Key Vault Crypto Service Encryption User',
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/read',
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/keys/unwrap/action',
      ],
    };
    // Key Vault Reader's wildcard grants read only.
    const reader = withRoles([
      role({
        roleName: 'Key Vault Reader',
        dataActions: ['Microsoft.KeyVault/vaults/*/read'],
      }),
    ]);
    expect(reader.status).toBe('fail');
    expect(reader.findings[0].message).toContain(
      'lacks wrapKey, unwrapKey on key vault payments-kv',
    );
    expect(withRoles([role(cryptoUser)]).status).toBe('pass');
    // Inherited from the subscription, or given on the key itself: both cover it.
    expect(
      withRoles([role({ ...cryptoUser, scope: `/subscriptions/${SUB}` })])
        .status,
    ).toBe('pass');
    expect(
      withRoles([role({ ...cryptoUser, scope: `${KV_ID}/keys/backup` })])
        .status,
    ).toBe('pass');
    // On another key, to another principal, or taken back by notDataActions: not granted.
    expect(
      withRoles([role({ ...cryptoUser, scope: `${KV_ID}/keys/other` })]).status,
    ).toBe('fail');
    expect(
      withRoles([role({ ...cryptoUser, principalId: 'principal-2' })]).status,
    ).toBe('fail');
    expect(
      withRoles([
        role({
          roleName: 'Custom',
          dataActions: ['Microsoft.KeyVault/vaults/keys/*'],
          notDataActions: ['Microsoft.KeyVault/vaults/keys/unwrap/action'],
        }),
      ]).findings[0].message,
    ).toContain('lacks unwrapKey');
    expect(
      withRoles([
        role({
          roleName: 'Key Vault Administrator',
          dataActions: ['Microsoft.KeyVault/vaults/*'],
        }),
      ]).status,
    ).toBe('pass');
    // A grant that rests on an ABAC condition is not evaluated: unknown, never a pass.
    const conditional = withRoles([
      role({
        ...cryptoUser,
        condition:
          "@Resource[Microsoft.KeyVault/vaults/keys:KeyName] StringEquals 'backup'",
      }),
    ]);
    expect(conditional.status).toBe('unknown');
    expect(conditional.findings[0].message).toContain(
      'role assignments with conditions',
    );
    // An unconditional grant beside it decides.
    expect(
      withRoles([role({ ...cryptoUser, condition: 'x' }), role(cryptoUser)])
        .status,
    ).toBe('pass');
  });

  it('Z1 pass / fail: CMK vs platform-managed keys', () => {
    expect(status(azure(), 'rsv-customer-managed-key')).toBe('pass');
    expect(
      status(
        azure({ vaults: [rsv({ keyUri: undefined })] }),
        'rsv-customer-managed-key',
      ),
    ).toBe('fail');
  });
  it('Z1 unknown: the subscription scan failed, so a pass becomes unknown', () => {
    const inv = azure();
    inv.scopes = [
      {
        cloud: 'azure',
        account: SUB,
        region: 'global',
        state: 'error',
        error: { name: 'AuthorizationFailed', message: 'denied' },
      },
    ];
    expect(status(inv, 'rsv-customer-managed-key')).toBe('unknown');
  });
  it('Z4 pass / fail / unknown: soft delete and purge protection on the key vault', () => {
    expect(status(azure(), 'rsv-key-vault-recoverable')).toBe('pass');
    expect(
      status(
        azure({ keyVaults: [keyVault({ enablePurgeProtection: false })] }),
        'rsv-key-vault-recoverable',
      ),
    ).toBe('fail');
    expect(
      status(
        azure({
          keyVaults: [
            keyVault({ error: { name: 'Forbidden', message: 'no access' } }),
          ],
        }),
        'rsv-key-vault-recoverable',
      ),
    ).toBe('unknown');
  });
  it('Z1/Z3 pass / fail / unknown: key enabled, RSA, same region', () => {
    expect(status(azure(), 'rsv-key-usable')).toBe('pass');
    // The key was read but its key vault was not, so the identity's grant is unknown: not a pass.
    const kvUnread = checkResult(azure({ keyVaults: [] }), 'rsv-key-usable');
    expect(kvUnread.status).toBe('unknown');
    expect(kvUnread.findings[0].message).toContain(
      'permissions on key vault payments-kv not determined',
    );
    expect(
      status(
        azure({ vaults: [rsv({ systemAssignedPrincipalId: undefined })] }),
        'rsv-key-usable',
      ),
    ).toBe('unknown');
    expect(
      status(azure({ keys: [key({ enabled: false })] }), 'rsv-key-usable'),
    ).toBe('fail');
    expect(
      status(
        azure({ keyVaults: [keyVault({ location: 'westeurope' })] }),
        'rsv-key-usable',
      ),
    ).toBe('fail');
    expect(
      status(
        azure({ keys: [key({ expiresOn: '2026-01-01T00:00:00Z' })] }),
        'rsv-key-usable',
      ),
    ).toBe('fail');
    expect(status(azure({ keys: [] }), 'rsv-key-usable')).toBe('unknown');
  });
  it('Z5 pass / warn: versionless vs pinned key URI', () => {
    expect(status(azure(), 'rsv-key-rotation')).toBe('pass');
    expect(
      status(
        azure({ vaults: [rsv({ keyUri: `${KEY_URI}/0123abcd` })] }),
        'rsv-key-rotation',
      ),
    ).toBe('warn');
    expect(
      status(
        azure({ vaults: [rsv({ keyUri: undefined })] }),
        'rsv-key-rotation',
      ),
    ).toBe('not-applicable');
  });
  it('Z6 pass / fail / unknown: user-assigned identity with private endpoints', () => {
    expect(status(azure(), 'rsv-identity')).toBe('pass');
    expect(
      status(
        azure({
          vaults: [
            rsv({
              useSystemAssignedIdentity: false,
              userAssignedIdentity: '/id/ua',
              privateEndpointCount: 1,
            }),
          ],
        }),
        'rsv-identity',
      ),
    ).toBe('fail');
    expect(
      status(
        azure({ vaults: [rsv({ useSystemAssignedIdentity: undefined })] }),
        'rsv-identity',
      ),
    ).toBe('unknown');
  });
  it('security settings pass / warn / fail / unknown', () => {
    expect(status(azure(), 'rsv-immutability')).toBe('pass');
    expect(
      status(
        azure({ vaults: [rsv({ immutabilityState: 'Unlocked' })] }),
        'rsv-immutability',
      ),
    ).toBe('warn');
    expect(
      status(
        azure({ vaults: [rsv({ immutabilityState: 'Disabled' })] }),
        'rsv-immutability',
      ),
    ).toBe('fail');
    expect(
      status(
        azure({ vaults: [rsv({ softDeleteState: undefined })] }),
        'rsv-soft-delete',
      ),
    ).toBe('unknown');
    expect(
      status(
        azure({ vaults: [rsv({ multiUserAuthorization: 'Disabled' })] }),
        'rsv-multi-user-auth',
      ),
    ).toBe('fail');
    expect(
      status(
        azure({ vaults: [rsv({ infrastructureEncryption: 'Disabled' })] }),
        'rsv-infrastructure-encryption',
      ),
    ).toBe('fail');
  });
  it('an Azure-only entity runs no AWS checks', () => {
    const ids = checkResult(azure(), 'rsv-customer-managed-key') && true;
    expect(ids).toBe(true);
  });
});
