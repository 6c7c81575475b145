import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  cmk,
  daysAgo,
  daysAhead,
  denyDeletePolicy,
  entity,
  errorScope,
  ORG_ID,
  OUTSIDE,
  plan,
  PROD,
  protecting,
  resource,
  rule,
  TOKYO,
  vault,
  orgCopyPolicy,
  organization,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';

const key = cmk(PROD, TOKYO, 'vault-key');
const oneVault = (
  extra: Partial<AwsBackupVaultFact>,
  scopes = [] as ReturnType<typeof errorScope>[],
) => {
  const v = vault(PROD, TOKYO, 'a', key, extra);
  return entity(
    awsInventory({ ...protecting(v), vaults: [v], keys: [key] }),
    scopes,
  );
};

describe('vault-lock (C1)', () => {
  it('C1 pass: compliance lock past its lock date', () => {
    expect(
      checkResult(
        oneVault({ locked: true, lockDate: daysAgo(10), minRetentionDays: 7 }),
        'vault-lock',
      ).status,
    ).toBe('pass');
  });
  it('C1 warn: compliance lock in its grace period shows the days left', () => {
    const f = checkResult(
      oneVault({ locked: true, lockDate: daysAhead(2) }),
      'vault-lock',
    ).findings[0];
    expect(f.status).toBe('warn');
    expect(f.evidence.graceDaysLeft).toBe(2);
  });
  it('C1 warn: governance mode', () => {
    expect(
      checkResult(oneVault({ locked: true }), 'vault-lock').findings[0].message,
    ).toContain('governance');
  });
  it('C1 fail: not locked', () => {
    expect(checkResult(oneVault({ locked: false }), 'vault-lock').status).toBe(
      'fail',
    );
  });
  it('C1 unknown: lock state not reported', () => {
    expect(
      checkResult(oneVault({ locked: undefined }), 'vault-lock').status,
    ).toBe('unknown');
  });
  it('C1 pass: air-gapped vaults are always compliance-locked', () => {
    expect(
      checkResult(
        oneVault({
          vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
          locked: undefined,
        }),
        'vault-lock',
      ).status,
    ).toBe('pass');
  });
});

describe('lock-vs-plan-retention (C1)', () => {
  const withPlan = (
    deleteAfterDays: number | undefined,
    lock: Partial<AwsBackupVaultFact>,
    vaults = true,
  ) =>
    entity(
      awsInventory({
        resources: [resource('S3', PROD, TOKYO, 'b')],
        vaults: vaults ? [vault(PROD, TOKYO, 'a', key, lock)] : [],
        keys: [key],
        plans: [
          plan(PROD, TOKYO, [
            rule('a', {
              lifecycle:
                deleteAfterDays === undefined ? undefined : { deleteAfterDays },
            }),
          ]),
        ],
      }),
    );
  it('C1 pass: retention within the lock range', () => {
    expect(
      checkResult(
        withPlan(35, {
          locked: true,
          minRetentionDays: 7,
          maxRetentionDays: 365,
        }),
        'lock-vs-plan-retention',
      ).status,
    ).toBe('pass');
  });
  it('C1 fail: retention below the lock minimum', () => {
    const f = checkResult(
      withPlan(3, { locked: true, minRetentionDays: 7 }),
      'lock-vs-plan-retention',
    ).findings[0];
    expect(f.status).toBe('fail');
    expect(f.message).toContain('below the lock minimum 7');
  });
  it('C1 fail: keep forever breaks the lock maximum', () => {
    expect(
      checkResult(
        withPlan(undefined, { locked: true, maxRetentionDays: 365 }),
        'lock-vs-plan-retention',
      ).status,
    ).toBe('fail');
  });
  it('C1 unknown: target vault not discovered', () => {
    expect(
      checkResult(withPlan(35, {}, false), 'lock-vs-plan-retention').status,
    ).toBe('unknown');
  });
  it('C1 not-applicable: target vault not locked', () => {
    expect(
      checkResult(withPlan(3, { locked: false }), 'lock-vs-plan-retention')
        .status,
    ).toBe('not-applicable');
  });
});

describe('vault-policy-protects-deletion', () => {
  it('pass: deletion, lifecycle and policy changes denied to everyone', () => {
    expect(
      checkResult(
        oneVault({ accessPolicy: denyDeletePolicy }),
        'vault-policy-protects-deletion',
      ).status,
    ).toBe('pass');
  });
  it('fail: no policy, or a policy that only allows copies', () => {
    expect(
      checkResult(
        oneVault({ accessPolicy: null }),
        'vault-policy-protects-deletion',
      ).status,
    ).toBe('fail');
    const f = checkResult(
      oneVault({ accessPolicy: orgCopyPolicy() }),
      'vault-policy-protects-deletion',
    ).findings[0];
    expect(f.status).toBe('fail');
    expect(f.evidence.notDenied).toContain('backup:DeleteRecoveryPoint');
  });
  it('warn: deny limited by a condition', () => {
    const conditional = JSON.parse(denyDeletePolicy);
    conditional.Statement[0].Condition = {
      StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' },
    };
    expect(
      checkResult(
        oneVault({ accessPolicy: JSON.stringify(conditional) }),
        'vault-policy-protects-deletion',
      ).status,
    ).toBe('warn');
  });
  it('unknown: access policy not read (scope error)', () => {
    const f = checkResult(
      oneVault({ accessPolicy: undefined }, [errorScope(PROD, TOKYO)]),
      'vault-policy-protects-deletion',
    ).findings[0];
    expect(f.status).toBe('unknown');
    expect(f.message).toContain('AccessDeniedException');
  });
});

describe('vault-policy-trusted-principals (B2, B8)', () => {
  const allow = (principal: unknown, condition?: object) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: principal,
          Action: 'backup:CopyIntoBackupVault',
          Resource: '*',
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
  it('B2 pass: org-restricted "*" and a member account', () => {
    expect(
      checkResult(
        oneVault({ accessPolicy: orgCopyPolicy() }),
        'vault-policy-trusted-principals',
      ).status,
    ).toBe('pass');
    expect(
      checkResult(
        oneVault({
          accessPolicy: allow({ AWS: `arn:aws:iam::${CENTRAL}:root` }),
        }),
        'vault-policy-trusted-principals',
      ).status,
    ).toBe('pass');
  });
  it('B8 fail: an account outside the organization', () => {
    const f = checkResult(
      oneVault({ accessPolicy: allow({ AWS: OUTSIDE }) }),
      'vault-policy-trusted-principals',
    ).findings[0];
    expect(f.status).toBe('fail');
    expect(f.evidence.outsideAccounts).toEqual([OUTSIDE]);
  });
  it('B8 fail: "*" without an organization condition', () => {
    expect(
      checkResult(
        oneVault({ accessPolicy: allow('*') }),
        'vault-policy-trusted-principals',
      ).status,
    ).toBe('fail');
  });
  it('B8 unknown: organization members not known', () => {
    const inv = oneVault({ accessPolicy: allow({ AWS: CENTRAL }) });
    inv.aws!.organization = {
      memberAccountIds: [],
      error: { name: 'AccessDeniedException', message: 'denied' },
    };
    expect(checkResult(inv, 'vault-policy-trusted-principals').status).toBe(
      'unknown',
    );
  });
  it('fixtures: organization id', () => {
    expect(organization().organizationId).toBe(ORG_ID);
  });
});

describe('lifecycle-cold-storage-valid (B6)', () => {
  const withLifecycle = (
    type: string,
    lifecycle: {
      moveToColdStorageAfterDays?: number;
      deleteAfterDays?: number;
    },
  ) =>
    entity(
      awsInventory({
        resources: [resource(type, PROD, TOKYO, 'r')],
        vaults: [vault(PROD, TOKYO, 'a', key)],
        keys: [key],
        plans: [plan(PROD, TOKYO, [rule('a', { lifecycle })])],
      }),
    );
  it('B6 pass: EFS cold after 30, deleted after 120', () => {
    expect(
      checkResult(
        withLifecycle('EFS', {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 120,
        }),
        'lifecycle-cold-storage-valid',
      ).status,
    ).toBe('pass');
  });
  it('B6 fail: deleted fewer than 90 days after moving to cold', () => {
    const f = checkResult(
      withLifecycle('EFS', {
        moveToColdStorageAfterDays: 30,
        deleteAfterDays: 100,
      }),
      'lifecycle-cold-storage-valid',
    ).findings[0];
    expect(f.status).toBe('fail');
    expect(f.message).toContain(
      'DeleteAfterDays 100 < MoveToColdStorageAfterDays 30 + 90',
    );
  });
  it('B6 warn: RDS does not support cold storage', () => {
    expect(
      checkResult(
        withLifecycle('RDS', {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 200,
        }),
        'lifecycle-cold-storage-valid',
      ).status,
    ).toBe('warn');
  });
  it('B6 not-applicable: no cold storage anywhere', () => {
    expect(
      checkResult(
        withLifecycle('EFS', { deleteAfterDays: 35 }),
        'lifecycle-cold-storage-valid',
      ).status,
    ).toBe('not-applicable');
  });
});
