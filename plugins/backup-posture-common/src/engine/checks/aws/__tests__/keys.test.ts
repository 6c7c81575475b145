import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  cmk,
  entity,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  protecting,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';

describe('vault-key-customer-managed (A3)', () => {
  const cmkKey = cmk(PROD, TOKYO, 'vault-key');
  const managed = awsManagedKey(PROD, TOKYO, 'backup');
  it('A3 pass: a vault with a customer-managed key', () => {
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', cmkKey)),
          vaults: [vault(PROD, TOKYO, 'a', cmkKey)],
          keys: [cmkKey],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('pass');
  });
  it('A3 fail: a vault with aws/backup, even though EncryptionKeyType says CUSTOMER_MANAGED', () => {
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', managed)),
          vaults: [vault(PROD, TOKYO, 'a', managed)],
          keys: [managed],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain('alias/aws/backup');
  });
  it('A3 unknown: the key could not be described (access denied), never a pass', () => {
    const denied = {
      ...cmkKey,
      keyManager: undefined,
      error: {
        name: 'AccessDeniedException',
        message: 'kms:DescribeKey denied',
      },
    };
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', cmkKey)),
          vaults: [vault(PROD, TOKYO, 'a', cmkKey)],
          keys: [denied],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('unknown');
    expect(r.findings[0].message).toContain('AccessDeniedException');
  });
  it('A3 unknown: the key was not described at all', () => {
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', cmkKey)),
          vaults: [vault(PROD, TOKYO, 'a', cmkKey)],
          keys: [],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('unknown');
  });
});

describe('backup-key-healthy (A3)', () => {
  const build = (over: Parameters<typeof cmk>[3]) => {
    const key = cmk(PROD, TOKYO, 'vault-key', over);
    const v = vault(PROD, TOKYO, 'a', key);
    const vol = resource('S3', PROD, TOKYO, 'b');
    return entity(
      awsInventory({
        resources: [vol],
        vaults: [v],
        keys: [key],
        plans: [plan(PROD, TOKYO, [rule('a')])],
        recoveryPoints: [recoveryPoint(vol, v, key)],
      }),
    );
  };
  it('A3 pass: enabled, rotated, policy lets the account use it', () => {
    expect(checkResult(build({}), 'backup-key-healthy').status).toBe('pass');
  });
  it('A3 fail: pending deletion, with the recovery points that become unrestorable', () => {
    const r = checkResult(
      build({ keyState: 'PendingDeletion', enabled: false }),
      'backup-key-healthy',
    );
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain('1 recovery point(s)');
    expect(r.findings[0].evidence.affectedRecoveryPointArns).toHaveLength(1);
  });
  it('A3 warn: rotation off', () => {
    expect(
      checkResult(build({ rotationEnabled: false }), 'backup-key-healthy')
        .status,
    ).toBe('warn');
  });
  it('A3 unknown: DescribeKey denied', () => {
    const r = checkResult(
      build({ error: { name: 'AccessDeniedException', message: 'denied' } }),
      'backup-key-healthy',
    );
    expect(r.status).toBe('unknown');
  });
});
