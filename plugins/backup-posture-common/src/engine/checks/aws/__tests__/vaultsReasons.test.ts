import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  cmk,
  daysAgo,
  daysAhead,
  entity,
  errorScope,
  hoursAgo,
  plan,
  PROD,
  protecting,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import {
  AwsBackupVaultFact,
  AwsCopyActionFact,
  AwsLifecycleFact,
} from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';

/** vault-lock, lock-vs-plan-retention (C1) and lifecycle-cold-storage-valid (B6): reasons and evidence. */
const key = cmk(PROD, TOKYO, 'vault-key');
const oneVault = (
  extra: Partial<AwsBackupVaultFact>,
  scopes = [] as ReturnType<typeof errorScope>[],
) => {
  const v = vault(PROD, TOKYO, 'a', key, extra);
  return {
    v,
    inv: entity(
      awsInventory({ ...protecting(v), vaults: [v], keys: [key] }),
      scopes,
    ),
  };
};

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

describe('lock-vs-plan-retention (C1): reasons and evidence', () => {
  const central = vault(CENTRAL, TOKYO, 'central', cmk(CENTRAL, TOKYO, 'c'));
  const withRetention = (
    lock: Partial<AwsBackupVaultFact>,
    lifecycle: AwsLifecycleFact | undefined,
    copy?: AwsCopyActionFact,
  ) => {
    const target = vault(PROD, TOKYO, 'a', key, lock);
    return {
      target,
      inv: entity(
        awsInventory({
          resources: [resource('S3', PROD, TOKYO, 'b')],
          vaults: [target, central],
          keys: [key],
          plans: [
            plan(PROD, TOKYO, [
              rule('a', { lifecycle, copyActions: copy ? [copy] : [] }),
            ]),
          ],
        }),
      ),
    };
  };
  const ruleFinding = (inv: ReturnType<typeof entity>) =>
    checkResult(inv, 'lock-vs-plan-retention').findings[0];

  it('C1 pass: says the retention and the lock range, with both as evidence', () => {
    const { target, inv } = withRetention(
      { locked: true, minRetentionDays: 7, maxRetentionDays: 365 },
      { deleteAfterDays: 7 },
    );
    expect(ruleFinding(inv)).toMatchObject({
      status: 'pass',
      message: 'retention 7 within the lock range 7–365',
      evidence: {
        vaultArn: target.arn,
        deleteAfterDays: 7,
        minRetentionDays: 7,
        maxRetentionDays: 365,
      },
    });
    expect(
      ruleFinding(
        withRetention(
          { locked: true, maxRetentionDays: 35 },
          { deleteAfterDays: 35 },
        ).inv,
      ),
    ).toMatchObject({
      status: 'pass',
      message: 'retention 35 within the lock range 0–35',
    });
    expect(
      ruleFinding(withRetention({ locked: true }, undefined).inv),
    ).toMatchObject({
      status: 'pass',
      message: 'retention forever within the lock range 0–∞',
      evidence: { deleteAfterDays: null },
    });
  });

  it('C1 fail: above the lock maximum names both numbers', () => {
    expect(
      ruleFinding(
        withRetention(
          { locked: true, maxRetentionDays: 365 },
          { deleteAfterDays: 366 },
        ).inv,
      ),
    ).toMatchObject({
      status: 'fail',
      message: 'retention 366 days exceeds the lock maximum 365',
    });
    expect(
      ruleFinding(
        withRetention({ locked: true, maxRetentionDays: 365 }, {}).inv,
      ),
    ).toMatchObject({
      status: 'fail',
      message: 'no expiry (keep forever) exceeds the lock maximum 365 days',
    });
    expect(
      ruleFinding(
        withRetention(
          { locked: true, minRetentionDays: 7 },
          { deleteAfterDays: 6 },
        ).inv,
      ),
    ).toMatchObject({
      status: 'fail',
      message: 'retention 6 days is below the lock minimum 7',
    });
  });

  it('C1: an air-gapped target is judged even without a reported lock; an unreported lock elsewhere is unknown', () => {
    expect(
      ruleFinding(
        withRetention(
          {
            vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
            locked: undefined,
            minRetentionDays: 30,
          },
          { deleteAfterDays: 7 },
        ).inv,
      ).status,
    ).toBe('fail');
    expect(
      ruleFinding(
        withRetention({ locked: undefined }, { deleteAfterDays: 7 }).inv,
      ),
    ).toMatchObject({ status: 'unknown', message: 'lock state not reported' });
    expect(
      ruleFinding(withRetention({ locked: false }, { deleteAfterDays: 7 }).inv),
    ).toMatchObject({
      status: 'not-applicable',
      message: 'target vault is not locked',
    });
  });

  it('C1: a copy action is judged against its destination vault’s lock with its own lifecycle', () => {
    const lockedCentral = {
      ...central,
      locked: true,
      lockDate: daysAgo(5),
      minRetentionDays: 30,
    };
    const { inv } = withRetention(
      { locked: false },
      { deleteAfterDays: 35 },
      {
        destinationBackupVaultArn: central.arn,
        lifecycle: { deleteAfterDays: 14 },
      },
    );
    const withLocked = entity({
      ...inv.aws!,
      vaults: inv.aws!.vaults.map(v =>
        v.arn === central.arn ? lockedCentral : v,
      ),
    });
    const copy = checkResult(
      withLocked,
      'lock-vs-plan-retention',
    ).findings.find(f => f.subject.endsWith(`→ ${central.arn}`));
    expect(copy).toMatchObject({
      status: 'fail',
      message: 'retention 14 days is below the lock minimum 30',
      evidence: { vaultArn: central.arn, deleteAfterDays: 14 },
    });
  });

  it('C1 unknown: a target vault not discovered says so, or gives the scan error of its scope', () => {
    const { inv, target } = withRetention({}, { deleteAfterDays: 35 });
    const missing = entity({
      ...inv.aws!,
      vaults: inv.aws!.vaults.filter(v => v.arn !== target.arn),
    });
    expect(ruleFinding(missing)).toMatchObject({
      status: 'unknown',
      message: 'target vault not discovered',
      evidence: { vaultArn: target.arn, deleteAfterDays: 35 },
    });
    const failed = entity(missing.aws, [errorScope(PROD, TOKYO)]);
    expect(
      checkResult(failed, 'lock-vs-plan-retention').findings.find(f =>
        f.subject.endsWith('#daily'),
      )?.message,
    ).toContain('AccessDeniedException');
  });
});

describe('lifecycle-cold-storage-valid (B6): reasons and evidence', () => {
  const withLifecycle = (
    types: string[],
    lifecycle: AwsLifecycleFact | undefined,
    copy?: AwsCopyActionFact,
  ) =>
    entity(
      awsInventory({
        resources: types.map((t, i) => resource(t, PROD, TOKYO, `r${i}`)),
        vaults: [vault(PROD, TOKYO, 'a', key)],
        keys: [key],
        plans: [
          plan(PROD, TOKYO, [
            rule('a', { lifecycle, copyActions: copy ? [copy] : [] }),
          ]),
        ],
      }),
    );
  const findings = (inv: ReturnType<typeof entity>) =>
    checkResult(inv, 'lifecycle-cold-storage-valid').findings;

  it('B6 pass: says when points go cold and are deleted, with the types as evidence', () => {
    expect(
      findings(
        withLifecycle(['EFS', 'EBS', 'EFS'], {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 120,
        }),
      )[0],
    ).toMatchObject({
      status: 'pass',
      message: 'cold after 30 days, deleted after 120',
      evidence: {
        moveToColdStorageAfterDays: 30,
        deleteAfterDays: 120,
        resourceTypes: ['EBS', 'EFS'],
      },
    });
    expect(
      findings(withLifecycle(['EFS'], { moveToColdStorageAfterDays: 0 }))[0],
    ).toMatchObject({
      status: 'pass',
      message: 'cold after 0 days, deleted after never',
      evidence: { deleteAfterDays: null },
    });
  });

  it('B6 fail: exactly 90 days in cold passes, one day less fails', () => {
    expect(
      findings(
        withLifecycle(['EFS'], {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 120,
        }),
      )[0].status,
    ).toBe('pass');
    expect(
      findings(
        withLifecycle(['EFS'], {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 119,
        }),
      )[0],
    ).toMatchObject({
      status: 'fail',
      message: 'DeleteAfterDays 119 < MoveToColdStorageAfterDays 30 + 90',
    });
  });

  it('B6 warn: names the types that ignore cold storage', () => {
    expect(
      findings(
        withLifecycle(['RDS', 'EFS', 'S3'], {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 200,
        }),
      )[0],
    ).toMatchObject({
      status: 'warn',
      message:
        'RDS, S3 do(es) not support cold storage: the setting is ignored for them',
    });
  });

  it('B6 not-applicable: no transition says so, with the retention as evidence', () => {
    expect(
      findings(withLifecycle(['EFS'], { deleteAfterDays: 35 }))[0],
    ).toMatchObject({
      status: 'not-applicable',
      message: 'no cold storage transition',
      evidence: {
        moveToColdStorageAfterDays: null,
        deleteAfterDays: 35,
        resourceTypes: ['EFS'],
      },
    });
  });

  it('B6 fail: a cross-account copy with cold storage names both problems; a same-account copy is judged like a rule', () => {
    const central = vault(CENTRAL, TOKYO, 'central', key);
    const cross = findings(
      withLifecycle(
        ['EFS'],
        { deleteAfterDays: 35 },
        {
          destinationBackupVaultArn: central.arn,
          lifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 100 },
        },
      ),
    );
    expect(cross[1]).toMatchObject({
      subject: expect.stringContaining(`→ ${central.arn}`),
      status: 'fail',
      message:
        'DeleteAfterDays 100 < MoveToColdStorageAfterDays 30 + 90; cold storage is not supported for cross-account copies',
    });
    const local = vault(PROD, 'ap-northeast-3', 'dr', undefined);
    const sameAccount = findings(
      withLifecycle(
        ['EFS'],
        { deleteAfterDays: 35 },
        {
          destinationBackupVaultArn: local.arn,
          lifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 120 },
        },
      ),
    );
    expect(sameAccount[1].status).toBe('pass');
  });
});

describe('fixtures', () => {
  it('daysAhead is the future', () => {
    expect(Date.parse(daysAhead(1))).toBeGreaterThan(Date.parse(daysAgo(0)));
  });
});
