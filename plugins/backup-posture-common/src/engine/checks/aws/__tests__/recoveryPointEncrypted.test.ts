import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  entity,
  PROD,
  recoveryPoint,
  resource,
  TOKYO,
  vault,
  daysAhead,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';

describe('recovery-point-encrypted (A1, A2)', () => {
  const key = cmk(PROD, TOKYO, 'vault-key');
  const v = vault(PROD, TOKYO, 'a', key);
  const unencrypted = (extra: Parameters<typeof recoveryPoint>[3]) => {
    const bucket = resource('S3', PROD, TOKYO, 'bucket');
    const point = recoveryPoint(bucket, v, undefined, extra);
    const r = checkResult(
      entity(
        awsInventory({
          resources: [bucket],
          vaults: [v],
          keys: [key],
          recoveryPoints: [point],
        }),
      ),
      'recovery-point-encrypted',
    );
    return r.findings[0];
  };
  it('A2: without CalculatedLifecycle, expiry is CreationDate + Lifecycle.DeleteAfterDays', () => {
    const f = unencrypted({
      creationDate: '2026-11-01T00:00:00.000Z',
      lifecycle: { deleteAfterDays: 35 },
    });
    expect(f.status).toBe('fail');
    expect(f.message).toBe(
      'not encrypted: the point was created unencrypted; it stays unencrypted until it expires on 2026-12-06T00:00:00.000Z',
    );
    expect(f.evidence.deleteAt).toBe('2026-12-06T00:00:00.000Z');
  });
  it('A2: CalculatedLifecycle.DeleteAt wins over the lifecycle', () => {
    const f = unencrypted({
      creationDate: '2026-11-01T00:00:00.000Z',
      lifecycle: { deleteAfterDays: 35 },
      calculatedLifecycle: { deleteAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(f.evidence.deleteAt).toBe('2026-12-01T00:00:00.000Z');
    expect(f.message).toContain('expires on 2026-12-01T00:00:00.000Z');
  });
  it('A2: "never expires" only when neither the calculated nor the rule lifecycle says otherwise', () => {
    const f = unencrypted({ lifecycle: { moveToColdStorageAfterDays: 30 } });
    expect(f.message).toBe(
      'not encrypted: the point was created unencrypted; it never expires: delete it once an encrypted point exists',
    );
    expect(f.evidence.deleteAt).toBeNull();
  });
  it('A1 pass: an encrypted point says which key', () => {
    const vol = resource('EBS', PROD, TOKYO, 'vol-1');
    const r = checkResult(
      entity(
        awsInventory({
          resources: [vol],
          vaults: [v],
          keys: [key],
          recoveryPoints: [recoveryPoint(vol, v, key)],
        }),
      ),
      'recovery-point-encrypted',
    );
    expect(r.status).toBe('pass');
    expect(r.findings[0].message).toContain('alias/vault-key');
  });
  it('A1/A2 fail: an unencrypted EBS point blames the source and shows when it expires', () => {
    const vol = resource('EBS', PROD, TOKYO, 'vol-1');
    const deleteAt = daysAhead(20);
    const point = recoveryPoint(vol, v, undefined, {
      calculatedLifecycle: { deleteAt },
    });
    const r = checkResult(
      entity(
        awsInventory({
          resources: [vol],
          vaults: [v],
          keys: [key],
          recoveryPoints: [point],
        }),
      ),
      'recovery-point-encrypted',
    );
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain(
      'source EBS resource is not encrypted',
    );
    expect(r.findings[0].message).toContain(deleteAt);
  });
  it('A2 not-applicable: no recovery points at all', () => {
    expect(
      checkResult(entity(awsInventory({})), 'recovery-point-encrypted').status,
    ).toBe('not-applicable');
  });
});
