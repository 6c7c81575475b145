import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  daysAgo,
  daysAhead,
  entity,
  errorScope,
  hoursAgo,
  PROD,
  protecting,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';
import { key, oneVault } from '../__testUtils__/vaultsReasons';

describe('vault-lock (C1): reasons and evidence', () => {
  it('C1 pass: a compliance lock past its lock date says since when, with the lock settings as evidence', () => {
    const lockDate = daysAgo(10);
    const { v, inv } = oneVault({
      locked: true,
      lockDate,
      minRetentionDays: 7,
      maxRetentionDays: 365,
    });
    expect(checkResult(inv, 'vault-lock').findings).toEqual([
      {
        subject: v.arn,
        status: 'pass',
        message: `compliance-mode lock since ${lockDate}`,
        evidence: {
          vaultType: 'BACKUP_VAULT',
          locked: true,
          minRetentionDays: 7,
          maxRetentionDays: 365,
          lockDate,
        },
      },
    ]);
  });

  it('C1 warn: the grace period counts whole days up, and a lock date reached now is no longer in grace', () => {
    const lockDate = hoursAgo(-30);
    const { inv } = oneVault({ locked: true, lockDate });
    expect(checkResult(inv, 'vault-lock').findings[0]).toMatchObject({
      status: 'warn',
      message: `compliance lock in its grace period: immutable in 2 day(s) (${lockDate})`,
      evidence: { graceDaysLeft: 2, locked: true },
    });
    const now = oneVault({ locked: true, lockDate: hoursAgo(0) }).inv;
    expect(checkResult(now, 'vault-lock').findings[0].status).toBe('pass');
  });

  it('C1 warn: governance mode says privileged users can still remove it', () => {
    const { inv } = oneVault({ locked: true });
    expect(checkResult(inv, 'vault-lock').findings[0]).toMatchObject({
      status: 'warn',
      message: 'governance-mode lock: privileged users can still remove it',
    });
  });

  it('C1 fail and unknown: not locked says so; a lock state not reported says why, with the scan error when there is one', () => {
    expect(
      checkResult(oneVault({ locked: false }).inv, 'vault-lock').findings[0],
    ).toMatchObject({
      status: 'fail',
      message: 'vault is not locked',
      evidence: { locked: false },
    });
    expect(
      checkResult(oneVault({ locked: undefined }).inv, 'vault-lock')
        .findings[0],
    ).toMatchObject({
      status: 'unknown',
      message: 'lock state not reported',
      evidence: { locked: null },
    });
    const { v, inv } = oneVault({ locked: undefined }, [
      errorScope(PROD, TOKYO),
    ]);
    expect(
      checkResult(inv, 'vault-lock').findings.find(f => f.subject === v.arn),
    ).toMatchObject({
      status: 'unknown',
      message: `scan of account ${PROD} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
    });
  });

  it('C1: restore access vaults are left out', () => {
    const v = vault(PROD, TOKYO, 'a', key, {
      locked: true,
      lockDate: daysAgo(1),
    });
    const restore = vault(PROD, TOKYO, 'restore', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: v.arn,
      locked: false,
    });
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(v, restore),
          vaults: [v, restore],
          keys: [key],
        }),
      ),
      'vault-lock',
    );
    expect(r.findings.map(f => f.subject)).toEqual([v.arn]);
    expect(r.status).toBe('pass');
  });
});

describe('fixtures', () => {
  it('daysAhead is the future', () => {
    expect(Date.parse(daysAhead(1))).toBeGreaterThan(Date.parse(daysAgo(0)));
  });
});
