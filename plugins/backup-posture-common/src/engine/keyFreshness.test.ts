import { describe, expect, it } from '@jest/globals';
import {
  failedKeyReadReason,
  keyReadEvidence,
  lineageKeyRead,
  readTimeWords,
  staleKeySuffix,
  withKeyReads,
} from './keyFreshness';
import { Finding } from '../posture';

const THROTTLED = { name: 'ThrottlingException', message: 'Rate exceeded' };
const DENIED = { name: 'AccessDeniedException', message: 'denied' };
const staleAt = (readAt?: string) => ({
  ...(readAt ? { readAt } : {}),
  staleError: THROTTLED,
  lastAttemptAt: '2026-11-23T12:00:00.000Z',
});
const pass: Finding = {
  subject: 'k',
  status: 'pass',
  message: 'fine',
  evidence: { keyManager: 'customer' },
};

describe('key read freshness helpers (issue 15 item 3)', () => {
  it('says when a key was last read in UTC minutes; an unparseable time as it is; none as an earlier scan', () => {
    expect(readTimeWords('2026-11-22T09:05:59.999Z')).toBe(
      '2026-11-22 09:05 UTC',
    );
    expect(readTimeWords('yesterday')).toBe('yesterday');
    expect(readTimeWords(undefined)).toBe('in an earlier scan');
  });

  it('a fresh key, or no key fact, leaves a finding as it is', () => {
    expect(withKeyReads(pass, [{ fact: { readAt: 'x' } }])).toBe(pass);
    expect(withKeyReads(pass, [{ fact: undefined }])).toBe(pass);
    expect(staleKeySuffix([{ fact: { readAt: 'x' } }])).toBe('');
  });

  it('a stale key keeps the status and adds the read time and error; one relied on twice is named once, without a label', () => {
    const fact = staleAt('2026-11-22T12:00:00.000Z');
    expect(
      withKeyReads(pass, [
        { fact, label: 'alias/a' },
        { fact, label: 'alias/a' },
      ]),
    ).toEqual({
      ...pass,
      message:
        "fine (key last read 2026-11-22 12:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded)",
      evidence: {
        keyManager: 'customer',
        keyReadAt: '2026-11-22T12:00:00.000Z',
        keyReadError: 'ThrottlingException: Rate exceeded',
      },
    });
  });

  it('several failed keys: each is named, keyReadAt is the oldest good read, keyReadError names each key', () => {
    const keys = [
      { fact: staleAt('2026-11-22T12:00:00.000Z'), label: 'alias/new' },
      { fact: staleAt('2026-11-20T12:00:00.000Z'), label: 'alias/old' },
      { fact: { error: DENIED }, label: 'alias/never' },
    ];
    expect(keyReadEvidence(keys)).toEqual({
      keyReadAt: '2026-11-20T12:00:00.000Z',
      keyReadError:
        'alias/new: ThrottlingException: Rate exceeded; alias/old: ThrottlingException: Rate exceeded; alias/never: AccessDeniedException: denied',
    });
    expect(staleKeySuffix(keys)).toBe(
      " (key alias/new last read 2026-11-22 12:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded; key alias/old last read 2026-11-20 12:00 UTC; this scan's read failed: ThrottlingException: Rate exceeded)",
    );
    expect(staleKeySuffix(keys, true)).toContain(
      '; key alias/never could not be read and no earlier read succeeded: AccessDeniedException: denied)',
    );
  });

  it('a key never read has no last read time: the evidence gets no keyReadAt entry at all', () => {
    const f = withKeyReads(pass, [{ fact: { error: DENIED } }]);
    expect(Object.keys(f.evidence)).toEqual(['keyManager', 'keyReadError']);
    expect(f.evidence).not.toHaveProperty('keyReadAt');
  });

  it('a key never read: an unknown finding gets the evidence only (its reason names the read); another verdict also gets the words', () => {
    const unknown: Finding = {
      ...pass,
      status: 'unknown',
      message: `key manager unknown (${failedKeyReadReason(DENIED)})`,
    };
    expect(withKeyReads(unknown, [{ fact: { error: DENIED } }])).toEqual({
      ...unknown,
      evidence: {
        keyManager: 'customer',
        keyReadError: 'AccessDeniedException: denied',
      },
    });
    expect(withKeyReads(pass, [{ fact: { error: DENIED } }]).message).toBe(
      'fine (key could not be read and no earlier read succeeded: AccessDeniedException: denied)',
    );
  });

  it('a stale key without a recorded read time says it was read in an earlier scan', () => {
    expect(withKeyReads(pass, [{ fact: staleAt() }])).toMatchObject({
      message:
        "fine (key last read in an earlier scan; this scan's read failed: ThrottlingException: Rate exceeded)",
      evidence: { keyReadError: 'ThrottlingException: Rate exceeded' },
    });
  });

  it('lineage keys get the read error, and the last good read when there is one', () => {
    expect(lineageKeyRead(staleAt('2026-11-22T12:00:00.000Z'))).toEqual({
      readError: 'ThrottlingException: Rate exceeded',
      lastReadAt: '2026-11-22T12:00:00.000Z',
    });
    expect(lineageKeyRead(staleAt())).toEqual({
      readError: 'ThrottlingException: Rate exceeded',
    });
    expect(lineageKeyRead({ error: DENIED })).toEqual({
      readError: 'AccessDeniedException: denied',
    });
    expect(lineageKeyRead({ readAt: 'x' })).toEqual({});
    expect(lineageKeyRead(undefined)).toEqual({});
  });
});
