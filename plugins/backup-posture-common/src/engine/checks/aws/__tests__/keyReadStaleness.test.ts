import { describe, expect, it } from '@jest/globals';
import {
  awsManagedKey,
  CENTRAL,
  cmk,
  NOW,
  PROD,
  TOKYO,
} from '../../../__fixtures__/builders';
import { checkResult, findingAbout } from '../../../__fixtures__/run';
import {
  STALE_NOTE,
  NEVER_READ,
  stale,
  unread,
  staleEvidence,
  backedUp,
} from '../__testUtils__/keyReadStaleness';

describe('backup-key-healthy (A3): a key whose read failed in this scan', () => {
  it('A3 stale: the verdict of the last good read stands, with when it was read and why this read failed', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { inventory } = backedUp(key, stale(key));
    const f = checkResult(inventory, 'backup-key-healthy').findings[0];
    expect(f).toMatchObject({
      subject: key.arn,
      status: 'pass',
      message: `customer-managed key enabled and rotated${STALE_NOTE}`,
      evidence: { keyState: 'Enabled', ...staleEvidence },
    });
  });

  it('A3 stale: a key disabled at its last good read still fails, and says the read is old', () => {
    const key = cmk(PROD, TOKYO, 'vault-key', {
      keyState: 'Disabled',
      enabled: false,
    });
    const { inventory } = backedUp(key, stale(key));
    expect(
      checkResult(inventory, 'backup-key-healthy').findings[0],
    ).toMatchObject({
      status: 'fail',
      message: `key is Disabled: 1 recovery point(s) and 1 vault(s) depend on it and become unrestorable${STALE_NOTE}`,
      evidence: staleEvidence,
    });
  });

  it('A3 unknown: a key with no good read at all is unknown, naming the failed read', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { inventory } = backedUp(key, unread(key));
    const r = checkResult(inventory, 'backup-key-healthy');
    expect(r.status).toBe('unknown');
    expect(r.findings[0]).toMatchObject({
      status: 'unknown',
      message: `key health unknown: ${NEVER_READ}`,
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
    expect(r.findings[0].evidence.keyReadAt).toBeUndefined();
  });

  it('A3: a key read in this scan carries no read note', () => {
    const key = cmk(PROD, TOKYO, 'vault-key', { readAt: NOW });
    const { inventory } = backedUp(key, key);
    const f = checkResult(inventory, 'backup-key-healthy').findings[0];
    expect(f.message).toBe('customer-managed key enabled and rotated');
    expect(Object.keys(f.evidence)).not.toContain('keyReadError');
  });
});

describe('vault-key-customer-managed (A3): a vault key whose read failed in this scan', () => {
  it('A3 stale: a customer-managed key from the last good read passes and says the read is old', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { inventory, v } = backedUp(key, stale(key));
    expect(
      findingAbout(checkResult(inventory, 'vault-key-customer-managed'), v.arn),
    ).toMatchObject({
      status: 'pass',
      message: `uses alias/vault-key (customer-managed)${STALE_NOTE}`,
      evidence: { keyManager: 'customer', ...staleEvidence },
    });
  });

  it('A3 stale: aws/backup from the last good read still fails, and says the read is old', () => {
    const key = awsManagedKey(PROD, TOKYO, 'backup');
    const { inventory, v } = backedUp(key, stale(key));
    expect(
      findingAbout(checkResult(inventory, 'vault-key-customer-managed'), v.arn),
    ).toMatchObject({
      status: 'fail',
      message: `uses alias/aws/backup (AWS-managed): not shareable, not under your key policy${STALE_NOTE}`,
      evidence: staleEvidence,
    });
  });

  it('A3 unknown: a vault key with no good read is unknown, naming the failed read', () => {
    const key = cmk(PROD, TOKYO, 'vault-key');
    const { inventory, v } = backedUp(key, unread(key));
    expect(
      findingAbout(checkResult(inventory, 'vault-key-customer-managed'), v.arn),
    ).toMatchObject({
      status: 'unknown',
      message: `key manager unknown (${NEVER_READ})`,
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
  });
});

describe('vault-key-customer-managed (A3): a key in another account never read', () => {
  it('A3: a key in another account than its vault is customer-managed by its ARN; the verdict names the failed read', () => {
    const key = cmk(CENTRAL, TOKYO, 'shared-key');
    const { inventory, v } = backedUp(key, unread(key));
    expect(
      findingAbout(checkResult(inventory, 'vault-key-customer-managed'), v.arn),
    ).toMatchObject({
      status: 'pass',
      message: `uses ${key.arn} (customer-managed) (${NEVER_READ})`,
      evidence: {
        keyManager: 'customer',
        keyReadError: 'ThrottlingException: Rate exceeded',
      },
    });
  });
});
