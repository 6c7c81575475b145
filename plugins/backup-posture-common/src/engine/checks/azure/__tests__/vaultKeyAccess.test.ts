import { describe, expect, it } from '@jest/globals';
import { AzureKeyRoleAssignment } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';
import {
  SUB,
  rsv,
  keyVault,
  key,
  azure,
  status,
} from '../__testUtils__/azureVaults';

describe('Azure Recovery Services vault checks', () => {
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
});
