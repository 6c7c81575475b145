import { describe, expect, it } from '@jest/globals';
import { checkResult } from '../../../__fixtures__/run';
import {
  SUB,
  KEY_URI,
  rsv,
  keyVault,
  key,
  azure,
  status,
} from '../__testUtils__/azureVaults';

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
