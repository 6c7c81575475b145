import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  cmk,
  denyDeletePolicy,
  entity,
  errorScope,
  ORG_ID,
  orgCopyPolicy,
  OUTSIDE,
  PROD,
  protecting,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';

/** vault-policy-protects-deletion and vault-policy-trusted-principals (B2, B8): reasons and evidence. */
const key = cmk(PROD, TOKYO, 'vault-key');
const withPolicy = (
  accessPolicy: string | null | undefined,
  extra: Partial<AwsBackupVaultFact> = {},
  scopes = [] as ReturnType<typeof errorScope>[],
) => {
  const v = vault(PROD, TOKYO, 'a', key, { accessPolicy, ...extra });
  return {
    v,
    inv: entity(
      awsInventory({ ...protecting(v), vaults: [v], keys: [key] }),
      scopes,
    ),
  };
};
const statement = (s: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [s] });
const deletionOf = (inv: ReturnType<typeof entity>, arn: string) =>
  checkResult(inv, 'vault-policy-protects-deletion').findings.find(
    f => f.subject === arn,
  );
const trustOf = (inv: ReturnType<typeof entity>, arn: string) =>
  checkResult(inv, 'vault-policy-trusted-principals').findings.find(
    f => f.subject === arn,
  );

describe('vault-policy-protects-deletion: reasons and evidence', () => {
  it('pass: says what is denied to everyone, with the policy as evidence', () => {
    const { v, inv } = withPolicy(denyDeletePolicy);
    expect(deletionOf(inv, v.arn)).toEqual({
      subject: v.arn,
      status: 'pass',
      message: 'deletion, lifecycle and policy changes are denied to everyone',
      evidence: { accessPolicy: denyDeletePolicy },
    });
  });

  it('fail: names every action not denied, and a missing policy says so', () => {
    const onlyDelete = statement({
      Effect: 'Deny',
      Principal: '*',
      Action: 'backup:DeleteRecoveryPoint',
      Resource: '*',
    });
    const { v, inv } = withPolicy(onlyDelete);
    expect(deletionOf(inv, v.arn)).toMatchObject({
      status: 'fail',
      message:
        'not denied: backup:UpdateRecoveryPointLifecycle, backup:PutBackupVaultAccessPolicy',
      evidence: {
        accessPolicy: onlyDelete,
        notDenied: [
          'backup:UpdateRecoveryPointLifecycle',
          'backup:PutBackupVaultAccessPolicy',
        ],
      },
    });
    const allowAll = statement({
      Effect: 'Allow',
      Principal: '*',
      Action: 'backup:*',
      Resource: '*',
    });
    expect(deletionOf(withPolicy(allowAll).inv, v.arn)?.status).toBe('fail');
    expect(deletionOf(withPolicy(null).inv, v.arn)).toMatchObject({
      status: 'fail',
      message: 'vault has no access policy',
      evidence: { accessPolicy: null },
    });
  });

  it('pass: a Deny of backup:* covers every protected action', () => {
    const { v, inv } = withPolicy(
      statement({ Effect: 'Deny', Principal: '*', Action: 'backup:*' }),
    );
    expect(deletionOf(inv, v.arn)?.status).toBe('pass');
  });

  it('warn: a deny for some principals only, or under a condition, names the actions', () => {
    const some = statement({
      Effect: 'Deny',
      Principal: { AWS: `arn:aws:iam::${PROD}:role/ops` },
      Action: [
        'backup:DeleteRecoveryPoint',
        'backup:UpdateRecoveryPointLifecycle',
        'backup:PutBackupVaultAccessPolicy',
      ],
    });
    const { v, inv } = withPolicy(some);
    expect(deletionOf(inv, v.arn)).toMatchObject({
      status: 'warn',
      message:
        'denied only for some principals or under conditions: backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle, backup:PutBackupVaultAccessPolicy',
      evidence: {
        conditionallyDenied: [
          'backup:DeleteRecoveryPoint',
          'backup:UpdateRecoveryPointLifecycle',
          'backup:PutBackupVaultAccessPolicy',
        ],
      },
    });
  });

  it('unknown: a policy that is not valid JSON, or not read, says so; only standard backup vaults are judged', () => {
    const { v, inv } = withPolicy('{"Statement": [');
    expect(deletionOf(inv, v.arn)).toMatchObject({
      status: 'unknown',
      message: 'access policy is not valid JSON',
    });
    expect(deletionOf(withPolicy(undefined).inv, v.arn)).toMatchObject({
      status: 'unknown',
      message: 'access policy not read',
      evidence: { accessPolicy: null },
    });
    const lag = withPolicy(null, {
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    });
    expect(
      checkResult(lag.inv, 'vault-policy-protects-deletion').findings,
    ).toEqual([]);
  });
});

describe('vault-policy-trusted-principals (B2, B8): reasons and evidence', () => {
  const allow = (principal: unknown, condition?: object) =>
    statement({
      Effect: 'Allow',
      Principal: principal,
      Action: 'backup:CopyIntoBackupVault',
      Resource: '*',
      ...(condition ? { Condition: condition } : {}),
    });

  it('B2 pass: says only organization principals are allowed, with the policy and organization as evidence', () => {
    const { v, inv } = withPolicy(orgCopyPolicy());
    expect(trustOf(inv, v.arn)).toEqual({
      subject: v.arn,
      status: 'pass',
      message: 'allows only principals inside the organization',
      evidence: { accessPolicy: orgCopyPolicy(), organizationId: ORG_ID },
    });
  });

  it('B8 fail: "*" without an organization condition; a "*" limited by org paths or accounts passes', () => {
    const { v, inv } = withPolicy(allow('*'));
    expect(trustOf(inv, v.arn)).toMatchObject({
      status: 'fail',
      message: 'allows any principal ("*") without an organization condition',
    });
    expect(
      trustOf(withPolicy(allow({ AWS: 'arn:aws:iam::*:root' })).inv, v.arn)
        ?.status,
    ).toBe('fail');
    expect(
      trustOf(
        withPolicy(
          allow('*', {
            'ForAnyValue:StringLike': {
              'aws:PrincipalOrgPaths': [`${ORG_ID}/r-ab12/*`],
            },
          }),
        ).inv,
        v.arn,
      )?.status,
    ).toBe('pass');
    expect(
      trustOf(
        withPolicy(
          allow('*', { StringEquals: { 'aws:PrincipalAccount': CENTRAL } }),
        ).inv,
        v.arn,
      )?.status,
    ).toBe('pass');
  });

  it('B8 fail: another organization is named', () => {
    const { v, inv } = withPolicy(
      allow('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-other' } }),
    );
    expect(trustOf(inv, v.arn)).toMatchObject({
      status: 'fail',
      message: 'allows another organization: o-other',
    });
  });

  it('B8 fail: accounts outside the organization are listed once each; a Deny naming them is not an allow', () => {
    const twice = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: [OUTSIDE, `arn:aws:iam::${OUTSIDE}:root`] },
          Action: 'backup:CopyIntoBackupVault',
        },
        {
          Effect: 'Deny',
          Principal: { AWS: 'arn:aws:iam::888888888888:root' },
          Action: 'backup:*',
        },
      ],
    });
    const { v, inv } = withPolicy(twice);
    expect(trustOf(inv, v.arn)).toMatchObject({
      status: 'fail',
      message: `allows account(s) outside the organization: ${OUTSIDE}`,
      evidence: { outsideAccounts: [OUTSIDE] },
    });
  });

  it('B8 unknown: members not known names the accounts it cannot check; a vault without a policy is left out', () => {
    const { v, inv } = withPolicy(
      allow({ AWS: [CENTRAL, `arn:aws:iam::${CENTRAL}:role/copy`] }),
    );
    const noOrg = entity({ ...inv.aws!, organization: undefined });
    expect(trustOf(noOrg, v.arn)).toMatchObject({
      status: 'unknown',
      message: `organization members not known; cannot check ${CENTRAL}`,
    });
    expect(
      checkResult(withPolicy(null).inv, 'vault-policy-trusted-principals')
        .findings,
    ).toEqual([]);
  });

  it('unknown: a policy not read gives the scan error or says so; invalid JSON says so with the policy', () => {
    const { v, inv } = withPolicy(undefined);
    expect(trustOf(inv, v.arn)).toEqual({
      subject: v.arn,
      status: 'unknown',
      message: 'access policy not read',
      evidence: {},
    });
    expect(
      trustOf(withPolicy(undefined, {}, [errorScope(PROD, TOKYO)]).inv, v.arn)
        ?.message,
    ).toContain('AccessDeniedException');
    expect(trustOf(withPolicy('nope').inv, v.arn)).toMatchObject({
      status: 'unknown',
      message: 'access policy is not valid JSON',
      evidence: { accessPolicy: 'nope' },
    });
  });
});
