import { describe, expect, it } from '@jest/globals';
import { callOf, quotasOf } from './quotas';
import { ScopeQuotas } from './scopeQuotas';

const at = (quotas: ScopeQuotas, service: string, op: string, n: number) =>
  Array.from({ length: n }, () => quotas.reserve(service, op));

describe('the quotas of one account × region', () => {
  it("holds DescribeBackupVault to AWS's 5/s at the configured share", () => {
    const now = 0;
    const quotas = new ScopeQuotas(
      { quotaShare: 0.5, requestsInFlight: 10 },
      () => now,
    );
    // 2.5/s: a burst of 2, then one every 400 ms.
    expect(at(quotas, 'backup', 'DescribeBackupVault', 4)).toEqual([
      0, 0, 400, 800,
    ]);
  });

  it('holds the List calls to 20/s together, and all Backup calls to 50/s', () => {
    const now = 0;
    const quotas = new ScopeQuotas(
      { quotaShare: 1, requestsInFlight: 10 },
      () => now,
    );
    // 10 ListBackupVaults and 10 ListBackupPlans go at once (the List family's burst of 20)…
    expect(
      at(quotas, 'backup', 'ListBackupVaults', 10).every(w => w === 0),
    ).toBe(true);
    expect(
      at(quotas, 'backup', 'ListBackupPlans', 10).every(w => w === 0),
    ).toBe(true);
    // …the 21st List call of any kind waits for the family's bucket (50 ms at 20/s),
    expect(quotas.reserve('backup', 'ListCopyJobs')).toBe(50);
    // 15 Get calls go at once, then 14 more Backup calls of other kinds reach the 50 of the
    // service's burst: the next waits for the service's bucket, not its own family's.
    expect(at(quotas, 'backup', 'GetBackupPlan', 15).every(w => w === 0)).toBe(
      true,
    );
    expect(
      at(quotas, 'backup', 'DescribeRegionSettings', 14).every(w => w === 0),
    ).toBe(true);
    expect(quotas.reserve('backup', 'DescribeRegionSettings')).toBe(20);
    // KMS is another service: not slowed by Backup's calls.
    expect(quotas.reserve('kms', 'DescribeKey')).toBe(0);
  });

  it('adds the configured cap on all calls of the scope', () => {
    const now = 0;
    const quotas = new ScopeQuotas(
      { quotaShare: 1, requestsInFlight: 10, callsPerSecondPerScope: 2 },
      () => now,
    );
    expect([
      quotas.reserve('kms', 'DescribeKey'),
      quotas.reserve('ec2', 'DescribeVolumes'),
      quotas.reserve('backup', 'ListBackupVaults'),
    ]).toEqual([0, 0, 500]);
  });

  it("names calls by the SDK's client and command", () => {
    expect(callOf('BackupClient', 'DescribeBackupVaultCommand')).toEqual({
      service: 'backup',
      operation: 'DescribeBackupVault',
    });
    expect(callOf('KMSClient', 'GetKeyPolicyCommand')).toEqual({
      service: 'kms',
      operation: 'GetKeyPolicy',
    });
    expect(callOf('EC2Client', 'DescribeVolumesCommand')).toEqual({
      service: 'ec2',
      operation: 'DescribeVolumes',
    });
    expect(quotasOf('backup', 'DescribeBackupVault').map(q => q.key)).toEqual([
      'backup',
      'backup:DescribeBackupVault',
    ]);
    expect(
      quotasOf('backup', 'DescribeRegionSettings').map(q => q.key),
    ).toEqual(['backup']);
    expect(quotasOf('ec2', 'DescribeVolumes')).toEqual([]);
  });
});
