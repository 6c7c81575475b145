import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  entity,
  errorScope,
  MGMT,
  PROD,
  protecting,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import {
  AwsBackupVaultFact,
  AwsGlobalSettingsFact,
} from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';

/** air-gapped-vault-recovery-ready (C3, C4): what each finding says and carries. */
const TEAM = 'arn:aws:mpa::111111111111:approval-team/team-1';
const key = cmk(PROD, TOKYO, 'vault-key');
const lagVault = (extra: Partial<AwsBackupVaultFact> = {}) =>
  vault(PROD, TOKYO, 'lag', undefined, {
    vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    locked: true,
    mpaApprovalTeamArn: TEAM,
    ...extra,
  });

function recoveryReady(
  lag: AwsBackupVaultFact,
  globalSettings: AwsGlobalSettingsFact | undefined,
  scopes = [] as ReturnType<typeof errorScope>[],
) {
  const standard = vault(PROD, TOKYO, 'a', key);
  return checkResult(
    entity(
      awsInventory({
        ...protecting(standard, lag),
        vaults: [standard, lag],
        keys: [key],
        globalSettings,
      }),
      scopes,
    ),
    'air-gapped-vault-recovery-ready',
  );
}
const settings = (s: Partial<AwsGlobalSettingsFact> = {}) => ({
  accountId: MGMT,
  isCrossAccountBackupEnabled: true,
  isMpaEnabled: true,
  ...s,
});

describe('air-gapped-vault-recovery-ready (C3, C4): reasons and evidence', () => {
  it('C3/C4 pass: one opt-in and one team finding per air-gapped vault only, each with its evidence', () => {
    const lag = lagVault();
    const r = recoveryReady(lag, settings());
    expect(r.findings).toEqual([
      {
        subject: `${lag.arn} [C4 MPA opt-in]`,
        status: 'pass',
        message: 'MPA is opted in',
        evidence: { isMpaEnabled: true },
      },
      {
        subject: `${lag.arn} [C3 approval team]`,
        status: 'pass',
        message: `approval team ${TEAM} assigned`,
        evidence: { mpaApprovalTeamArn: TEAM },
      },
    ]);
  });

  it('C4 fail: MPA not opted in names the management account and explains the AWS message', () => {
    const f = findingAbout(
      recoveryReady(lagVault(), settings({ isMpaEnabled: false })),
      'C4',
    );
    expect(f).toMatchObject({
      status: 'fail',
      message:
        'MPA is not opted in in the management account: assigning an approval team fails with "MPA is not opted-in."',
      evidence: { isMpaEnabled: false, managementAccount: MGMT },
    });
    expect(f.explanation).toContain('management account');
  });

  it('C4 unknown: isMpaEnabled not reported, settings not read at all, or read with an error', () => {
    const notReported = findingAbout(
      recoveryReady(lagVault(), settings({ isMpaEnabled: undefined })),
      'C4',
    );
    expect(notReported).toMatchObject({
      status: 'unknown',
      message: 'global settings not read',
      evidence: {},
    });
    expect(
      findingAbout(recoveryReady(lagVault(), undefined), 'C4'),
    ).toMatchObject({ status: 'unknown', message: 'global settings not read' });
    const denied = recoveryReady(
      lagVault(),
      settings({
        isMpaEnabled: true,
        error: { name: 'AccessDeniedException', message: 'denied' },
      }),
    );
    expect(findingAbout(denied, 'C4')).toMatchObject({
      status: 'unknown',
      message: 'global settings not read: AccessDeniedException: denied',
    });
    expect(denied.status).toBe('unknown');
  });

  it('C3 fail: a failed latest team update says its status and message, with both as evidence', () => {
    const lag = lagVault({
      latestMpaApprovalTeamUpdate: {
        status: 'FAILED',
        statusMessage: 'approval team not found',
      },
    });
    expect(findingAbout(recoveryReady(lag, settings()), 'C3')).toMatchObject({
      status: 'fail',
      message: 'latest approval-team update FAILED: approval team not found',
      evidence: {
        mpaApprovalTeamArn: TEAM,
        latestUpdateStatus: 'FAILED',
        latestUpdateStatusMessage: 'approval team not found',
      },
    });
    const silent = lagVault({
      latestMpaApprovalTeamUpdate: { status: 'UPDATE_FAILED' },
    });
    expect(findingAbout(recoveryReady(silent, settings()), 'C3').message).toBe(
      'latest approval-team update UPDATE_FAILED',
    );
  });

  it('C3 pass: a pending or completed update with a team assigned is fine', () => {
    const lag = lagVault({
      latestMpaApprovalTeamUpdate: { status: 'COMPLETED' },
    });
    expect(findingAbout(recoveryReady(lag, settings()), 'C3')).toMatchObject({
      status: 'pass',
      evidence: { mpaApprovalTeamArn: TEAM, latestUpdateStatus: 'COMPLETED' },
    });
  });

  it('C3 fail: no team assigned says so; unknown instead when the vault’s scope failed', () => {
    const lag = lagVault({ mpaApprovalTeamArn: undefined });
    expect(findingAbout(recoveryReady(lag, settings()), 'C3')).toMatchObject({
      status: 'fail',
      message: 'no multi-party approval team assigned',
      evidence: {},
    });
    const r = recoveryReady(lag, settings(), [errorScope(PROD, TOKYO)]);
    expect(
      r.findings.find(f => f.subject === `${lag.arn} [C3 approval team]`),
    ).toMatchObject({
      status: 'unknown',
      message: `scan of account ${PROD} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
    });
  });
});
