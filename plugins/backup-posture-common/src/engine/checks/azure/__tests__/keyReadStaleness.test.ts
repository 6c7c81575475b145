import { describe, expect, it } from '@jest/globals';
import { AzureKeyFact } from '../../../../inventory';
import { daysAgo, entity, NOW } from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';
import { evaluatePosture } from '../../../evaluate';
import { KEY_URI, keyVault, rsv } from '../__testUtils__/azureVaults';

/**
 * Issue 15 item 3 for Key Vault keys: a check relying on a key whose read failed in this scan (a
 * Key Vault 500) keeps the verdict of the last good read and says so; with no good read at all it
 * is unknown, naming the failed read.
 */
const SERVER_ERROR = {
  name: 'InternalServerError',
  message: 'Key Vault service error',
};
const LAST_READ = daysAgo(1);
const STALE_NOTE = ` (key last read 2026-11-22 12:00 UTC; this scan's read failed: InternalServerError: Key Vault service error)`;
const NEVER_READ =
  'key could not be read and no earlier read succeeded: InternalServerError: Key Vault service error';

const key = (extra: Partial<AzureKeyFact> = {}): AzureKeyFact => ({
  keyUri: KEY_URI,
  keyVaultName: 'payments-kv',
  keyName: 'backup',
  keyType: 'RSA',
  enabled: true,
  rotationPolicyEnabled: true,
  rotationTrigger: 'timeAfterCreate P18M',
  ...extra,
});
/** The last good read, marked as the store marks a key whose read failed in this scan. */
const stale = (fact: AzureKeyFact): AzureKeyFact => ({
  ...fact,
  readAt: LAST_READ,
  staleError: SERVER_ERROR,
  lastAttemptAt: NOW,
});
/** A key never read successfully: only the error, as the key reader records it. */
const unread: AzureKeyFact = {
  keyUri: KEY_URI,
  keyVaultName: 'payments-kv',
  keyName: 'backup',
  error: SERVER_ERROR,
  lastAttemptAt: NOW,
};
const withKey = (fact: AzureKeyFact) =>
  entity(undefined, [], {
    azure: { vaults: [rsv()], keyVaults: [keyVault()], keys: [fact] },
  });

describe('rsv-key-usable (Z1, Z3): a key whose read failed in this scan', () => {
  it('Z1 stale: a key usable at its last good read passes and says the read is old', () => {
    expect(
      checkResult(withKey(stale(key())), 'rsv-key-usable').findings[0],
    ).toMatchObject({
      subject: rsv().id,
      status: 'pass',
      message: `key enabled, RSA, in the vault region${STALE_NOTE}`,
      evidence: {
        enabled: true,
        keyReadAt: LAST_READ,
        keyReadError: 'InternalServerError: Key Vault service error',
      },
    });
  });

  it('Z1 stale: a key disabled at its last good read still fails, and says the read is old', () => {
    expect(
      checkResult(withKey(stale(key({ enabled: false }))), 'rsv-key-usable')
        .findings[0],
    ).toMatchObject({
      status: 'fail',
      message: `key is disabled${STALE_NOTE}`,
      evidence: { keyReadAt: LAST_READ },
    });
  });

  it('Z1 unknown: a key with no good read is unknown, naming the failed read', () => {
    const r = checkResult(withKey(unread), 'rsv-key-usable');
    expect(r.status).toBe('unknown');
    expect(r.findings[0]).toMatchObject({
      status: 'unknown',
      message: `key not usable-checked: ${NEVER_READ}`,
      evidence: {
        keyReadError: 'InternalServerError: Key Vault service error',
      },
    });
  });
});

describe('rsv-key-rotation (Z5): a key whose read failed in this scan', () => {
  it('Z5 stale: the rotation policy from the last good read is shown, and the read is said to be old', () => {
    expect(
      checkResult(withKey(stale(key())), 'rsv-key-rotation').findings[0],
    ).toMatchObject({
      status: 'pass',
      message: `versionless key URI: the vault follows new key versions; rotation policy timeAfterCreate P18M${STALE_NOTE}`,
      evidence: {
        keyReadAt: LAST_READ,
        keyReadError: 'InternalServerError: Key Vault service error',
      },
    });
  });

  it('Z5: a versionless URI follows new versions without reading the key, and says the key read failed', () => {
    expect(
      checkResult(withKey(unread), 'rsv-key-rotation').findings[0],
    ).toMatchObject({
      status: 'pass',
      message: `versionless key URI: the vault follows new key versions (${NEVER_READ})`,
      evidence: {
        keyReadError: 'InternalServerError: Key Vault service error',
      },
    });
  });
});

describe('Azure key lineage (Z1): the key node says when its read failed', () => {
  it('Z1 stale: the key node keeps its last good state with the read error; a key never read has the error alone', () => {
    const keyOf = (fact: AzureKeyFact) =>
      evaluatePosture(withKey(fact), { now: NOW }).lineage[0].links[0]
        .expectedKey!;
    expect(keyOf(stale(key({ enabled: false })))).toMatchObject({
      keyState: 'Disabled',
      readError: 'InternalServerError: Key Vault service error',
      lastReadAt: LAST_READ,
    });
    const never = keyOf(unread);
    expect(never.readError).toBe(
      'InternalServerError: Key Vault service error',
    );
    expect([never.keyState, never.lastReadAt]).toEqual([undefined, undefined]);
  });
});
