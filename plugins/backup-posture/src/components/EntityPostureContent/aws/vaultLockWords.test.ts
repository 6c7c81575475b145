import { lockWords } from './vaultLockWords';

const base = {
  arn: 'arn:aws:backup:ap-northeast-1:666666666666:backup-vault:v',
  name: 'v',
  accountId: '666666666666',
  region: 'ap-northeast-1',
  vaultType: 'BACKUP_VAULT' as const,
};
const now = new Date('2026-11-29T00:00:00.000Z');

describe('vault lock words (C1)', () => {
  it('a lock date in the past is compliance mode since then, with the retention range', () => {
    expect(
      lockWords(
        {
          ...base,
          locked: true,
          lockDate: '2026-05-13T00:00:00.000Z',
          minRetentionDays: 7,
          maxRetentionDays: 400,
        },
        now,
      ),
    ).toBe('Compliance since 2026-05-13 00:00 UTC (min 7d, max 400d)');
  });
  it('a lock date ahead is a grace period before compliance', () => {
    expect(
      lockWords(
        { ...base, locked: true, lockDate: '2026-12-01T00:00:00.000Z' },
        now,
      ),
    ).toBe('Grace period: compliance from 2026-12-01 00:00 UTC');
  });
  it('a lock without a lock date is governance mode; no lock says so', () => {
    expect(lockWords({ ...base, locked: true }, now)).toBe('Governance mode');
    expect(lockWords({ ...base, locked: false }, now)).toBe('Not locked');
  });
  it('an air-gapped vault is always compliance-locked, whatever the lock fields say', () => {
    expect(
      lockWords(
        {
          ...base,
          vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
          locked: true,
          lockDate: '2026-12-24T00:00:00.000Z',
          minRetentionDays: 7,
          maxRetentionDays: 3650,
        },
        now,
      ),
    ).toBe('Compliance (air-gapped vaults always are) (min 7d, max 3650d)');
  });
});
