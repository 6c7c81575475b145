import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  cmk,
  daysAgo,
  entity,
  errorScope,
  plan,
  PROD,
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
import { key } from '../__testUtils__/vaultsReasons';

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
