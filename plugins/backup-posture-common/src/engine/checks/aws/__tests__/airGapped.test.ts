import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  copyPoint,
  daysAgo,
  entity,
  errorScope,
  MGMT,
  plan,
  PROD,
  protecting,
  RECOVERY,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  vaultArn,
} from '../../../__fixtures__/builders';
import {
  AwsBackupVaultFact,
  AwsGlobalSettingsFact,
} from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';

const key = cmk(PROD, TOKYO, 'vault-key');
const lagVault = (extra: Partial<AwsBackupVaultFact> = {}) =>
  vault(PROD, TOKYO, 'lag', undefined, {
    vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    locked: true,
    mpaApprovalTeamArn: 'arn:aws:mpa::111111111111:approval-team/team-1',
    ...extra,
  });

function withLagCopy(ageDays: number | undefined, lag = lagVault()) {
  const bucket = resource('S3', PROD, TOKYO, 'b');
  const primaryVault = vault(PROD, TOKYO, 'a', key);
  const primary = recoveryPoint(bucket, primaryVault, key);
  const points = [primary];
  if (ageDays !== undefined)
    points.push(
      copyPoint(primary, lag, undefined, {
        isEncrypted: true,
        encryptionKeyType: 'AWS_OWNED_KMS_KEY',
        creationDate: daysAgo(ageDays),
      }),
    );
  return awsInventory({
    resources: [bucket],
    vaults: [primaryVault, lag],
    keys: [key],
    plans: [
      plan(PROD, TOKYO, [
        rule('a', { copyActions: [{ destinationBackupVaultArn: lag.arn }] }),
      ]),
    ],
    recoveryPoints: points,
  });
}

describe('air-gapped-copy-present (C1, C2)', () => {
  it('C2 pass: an air-gapped copy within the age limit, saying when it was made', () => {
    expect(
      checkResult(entity(withLagCopy(2)), 'air-gapped-copy-present')
        .findings[0],
    ).toMatchObject({
      status: 'pass',
      message: 'air-gapped copy from 2026-11-21 12:00 UTC, within 7 days',
    });
  });
  it('C2 fail: the newest air-gapped copy is too old (limit configurable)', () => {
    expect(
      checkResult(entity(withLagCopy(10)), 'air-gapped-copy-present')
        .findings[0],
    ).toMatchObject({
      status: 'fail',
      message:
        'newest air-gapped copy is from 2026-11-13 12:00 UTC, older than the limit of 7 days',
    });
    expect(
      checkResult(entity(withLagCopy(10)), 'air-gapped-copy-present', {
        limits: { maxAirGappedCopyAgeDays: 14 },
      }).status,
    ).toBe('pass');
  });
  it('C2 fail: no air-gapped copy at all', () => {
    expect(
      checkResult(entity(withLagCopy(undefined)), 'air-gapped-copy-present')
        .status,
    ).toBe('fail');
  });
  it('C2 unknown: the LAG vault scope failed', () => {
    expect(
      checkResult(
        entity(withLagCopy(undefined), [errorScope(PROD, TOKYO)]),
        'air-gapped-copy-present',
      ).status,
    ).toBe('unknown');
  });
});

describe('air-gapped-vault-recovery-ready (C3, C4)', () => {
  const settings = (
    s: Partial<AwsGlobalSettingsFact>,
  ): AwsGlobalSettingsFact => ({
    accountId: MGMT,
    isCrossAccountBackupEnabled: true,
    ...s,
  });
  const inv = (lag: AwsBackupVaultFact, s: AwsGlobalSettingsFact) =>
    entity({ ...withLagCopy(1, lag), globalSettings: s });
  it('C3/C4 pass: MPA opted in and a team assigned', () => {
    expect(
      checkResult(
        inv(lagVault(), settings({ isMpaEnabled: true })),
        'air-gapped-vault-recovery-ready',
      ).status,
    ).toBe('pass');
  });
  it('C4 fail: "MPA is not opted-in" explained in plain words', () => {
    const lag = lagVault({
      mpaApprovalTeamArn: undefined,
      latestMpaApprovalTeamUpdate: {
        status: 'FAILED',
        statusMessage:
          'MPA is not opted-in. The settings is available in AWS Backup from management account.',
      },
    });
    const r = checkResult(
      inv(lag, settings({ isMpaEnabled: false })),
      'air-gapped-vault-recovery-ready',
    );
    const optIn = findingAbout(r, 'C4');
    expect(optIn.status).toBe('fail');
    expect(optIn.explanation).toContain('management account');
    const team = findingAbout(r, 'C3');
    expect(team.status).toBe('fail');
    expect(team.explanation).toContain('opt in');
  });
  it('C3 fail: no approval team assigned', () => {
    const r = checkResult(
      inv(
        lagVault({ mpaApprovalTeamArn: undefined }),
        settings({ isMpaEnabled: true }),
      ),
      'air-gapped-vault-recovery-ready',
    );
    expect(findingAbout(r, 'C3').status).toBe('fail');
  });
  it('C4 unknown: global settings could not be read', () => {
    const r = checkResult(
      inv(
        lagVault(),
        settings({
          error: { name: 'AccessDeniedException', message: 'denied' },
        }),
      ),
      'air-gapped-vault-recovery-ready',
    );
    expect(findingAbout(r, 'C4').status).toBe('unknown');
    expect(r.status).toBe('unknown');
  });
});

describe('restore-access-vault-hygiene (C3)', () => {
  const restoreVault = (extra: Partial<AwsBackupVaultFact>) =>
    vault(RECOVERY, TOKYO, 'restore', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: vaultArn(PROD, TOKYO, 'lag'),
      ...extra,
    });
  const run = (v: AwsBackupVaultFact) =>
    checkResult(
      entity(
        awsInventory({ ...protecting(lagVault()), vaults: [lagVault(), v] }),
      ),
      'restore-access-vault-hygiene',
    );
  it('C3 pass: recent, source known', () => {
    expect(run(restoreVault({ creationDate: daysAgo(2) })).status).toBe('pass');
  });
  it('C3 warn: open longer than the limit', () => {
    expect(run(restoreVault({ creationDate: daysAgo(45) })).status).toBe(
      'warn',
    );
  });
  it('C3 unknown: creation date missing', () => {
    expect(run(restoreVault({ creationDate: undefined })).status).toBe(
      'unknown',
    );
  });
  it('C3: restore access vaults listed under a LAG vault count too', () => {
    const lag = lagVault({
      restoreAccessVaults: [
        {
          restoreAccessBackupVaultArn: vaultArn(RECOVERY, TOKYO, 'r2'),
          creationDate: daysAgo(60),
        },
      ],
    });
    const r = checkResult(
      entity(awsInventory({ ...protecting(lag), vaults: [lag] })),
      'restore-access-vault-hygiene',
    );
    expect(findingAbout(r, 'r2').status).toBe('warn');
  });
});

describe('missing data is unknown: the air-gapped vault’s account could not be scanned', () => {
  // The plan copies to an air-gapped vault in the recovery account, whose scan was denied: no
  // vault facts, no recovery points there.
  const lagArn = vaultArn(RECOVERY, TOKYO, 'lag');
  const v = vault(PROD, TOKYO, 'a', key, {
    locked: true,
    lockDate: daysAgo(10),
    minRetentionDays: 7,
  });
  const db = resource('S3', PROD, TOKYO, 'data');
  const denied = () =>
    entity(
      awsInventory({
        resources: [db],
        vaults: [v],
        keys: [key],
        plans: [
          plan(PROD, TOKYO, [
            rule('a', { copyActions: [{ destinationBackupVaultArn: lagArn }] }),
          ]),
        ],
        recoveryPoints: [recoveryPoint(db, v, key)],
      }),
      [errorScope(RECOVERY, TOKYO)],
    );
  const reason = `vault not read: scan of account ${RECOVERY} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`;

  it('C1/C2 unknown, not fail: air-gapped-copy-present names the scope that failed', () => {
    const r = checkResult(denied(), 'air-gapped-copy-present');
    expect(r.status).toBe('unknown');
    expect(r.findings[0]).toMatchObject({
      subject: db.arn,
      status: 'unknown',
      message: `no air-gapped copy seen, but data is missing: ${reason}`,
    });
  });

  it('C3/C4 unknown, not not-applicable: air-gapped-vault-recovery-ready says which vault was not read', () => {
    const r = checkResult(denied(), 'air-gapped-vault-recovery-ready');
    expect(r.status).toBe('unknown');
    expect(r.findings).toEqual([
      {
        subject: lagArn,
        status: 'unknown',
        message: reason,
        evidence: { backupVaultArn: lagArn },
      },
    ]);
  });

  it('A3 and C1: vault checks add the unread vault as unknown beside the vault they could read', () => {
    for (const id of ['vault-key-customer-managed', 'vault-lock']) {
      const r = checkResult(denied(), id);
      expect(r.status).toBe('unknown');
      expect(findingAbout(r, ':backup-vault:a').status).toBe('pass');
      expect(findingAbout(r, ':backup-vault:lag')).toMatchObject({
        status: 'unknown',
        message: reason,
      });
    }
  });
});
