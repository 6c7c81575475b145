import { describe, expect, it } from '@jest/globals';
import {
  CENTRAL,
  cmk,
  entity,
  MGMT,
  OUTSIDE,
  plan,
  PROD,
  rule,
  TOKYO,
  vaultArn,
  orgCopyPolicy,
} from '../../../__fixtures__/builders';
import { checkResult, findingAbout } from '../../../__fixtures__/run';
import {
  auroraCrossRegionIntoReplicaVault,
  rdsWithAwsManagedKeyCrossAccount,
} from '../../../__fixtures__/scenarios';
import { readyCrossAccount } from '../__testUtils__/readyCrossAccount';

const prereq = (inv: ReturnType<typeof entity>, tag: string) =>
  findingAbout(checkResult(inv, 'cross-account-copy-ready'), `[${tag}`);

describe('cross-account-copy-ready (B1–B6)', () => {
  it('B1–B6 pass: every prerequisite met', () => {
    const r = checkResult(
      entity(readyCrossAccount().aws),
      'cross-account-copy-ready',
    );
    expect(
      r.findings.map(f => [f.subject.replace(/.*\[/, '['), f.status]),
    ).toEqual([
      ['[B1 organization]', 'pass'],
      ['[B1 cross-account setting]', 'pass'],
      ['[B3 not Default]', 'pass'],
      ['[B2 access policy]', 'pass'],
      ['[B5 destination key]', 'pass'],
      [`[B4 source key] ${readyCrossAccount().db.arn}`, 'pass'],
      ['[B6 cold storage]', 'pass'],
    ]);
  });
  it('B1 fail: destination outside the organization; B1 fail: setting off', () => {
    const { aws } = readyCrossAccount();
    const outsideVault = vaultArn(OUTSIDE, TOKYO, 'x');
    const inv = entity({
      ...aws,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [{ destinationBackupVaultArn: outsideVault }],
          }),
        ]),
      ],
      globalSettings: { accountId: MGMT, isCrossAccountBackupEnabled: false },
    });
    expect(prereq(inv, 'B1 organization').status).toBe('fail');
    expect(prereq(inv, 'B1 organization').message).toContain(OUTSIDE);
    expect(prereq(inv, 'B1 cross-account').status).toBe('fail');
    expect(prereq(inv, 'B2 access').status).toBe('unknown');
  });
  it('B1 unknown: global settings or organization could not be read', () => {
    const { aws } = readyCrossAccount();
    const inv = entity({
      ...aws,
      globalSettings: {
        accountId: MGMT,
        error: { name: 'AccessDeniedException', message: 'denied' },
      },
      organization: {
        memberAccountIds: [],
        error: { name: 'AWSOrganizationsNotInUseException', message: 'no org' },
      },
    });
    expect(prereq(inv, 'B1 organization').status).toBe('unknown');
    expect(prereq(inv, 'B1 cross-account').status).toBe('unknown');
    expect(prereq(inv, 'B1 cross-account').message).toContain(
      'AccessDeniedException',
    );
  });
  it('B2 fail: destination policy does not allow CopyIntoBackupVault; B2 unknown when not read', () => {
    const { aws, central } = readyCrossAccount();
    const withPolicy = (p: string | null | undefined) =>
      entity({
        ...aws,
        vaults: aws.vaults.map(v =>
          v.arn === central.arn ? { ...v, accessPolicy: p } : v,
        ),
      });
    expect(prereq(withPolicy(null), 'B2').status).toBe('fail');
    expect(
      prereq(
        withPolicy(orgCopyPolicy().replace('o-demo12345', 'o-other')),
        'B2',
      ).status,
    ).toBe('fail');
    expect(prereq(withPolicy(undefined), 'B2').status).toBe('unknown');
  });
  it('B3 fail: destination is the Default vault', () => {
    const { aws } = readyCrossAccount();
    const inv = entity({
      ...aws,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: vaultArn(CENTRAL, TOKYO, 'Default'),
              },
            ],
          }),
        ]),
      ],
    });
    expect(prereq(inv, 'B3').status).toBe('fail');
  });
  it('B4 fail: RDS encrypted with aws/rds cannot be copied across accounts', () => {
    const s = rdsWithAwsManagedKeyCrossAccount();
    const f = prereq(s.inventory, 'B4');
    expect(f.status).toBe('fail');
    expect(f.message).toContain('alias/aws/rds');
  });
  it('B4 fail: source CMK policy does not allow the destination account; unknown when the policy was not read', () => {
    const { aws, sourceKey } = readyCrossAccount();
    const unshared = cmk(PROD, TOKYO, 'aurora-key');
    const inv = entity({
      ...aws,
      keys: aws.keys.map(k => (k.arn === sourceKey.arn ? unshared : k)),
    });
    expect(prereq(inv, 'B4').status).toBe('fail');
    const unread = entity({
      ...aws,
      keys: aws.keys.map(k =>
        k.arn === sourceKey.arn ? { ...unshared, policy: undefined } : k,
      ),
    });
    expect(prereq(unread, 'B4').status).toBe('unknown');
  });
  it('B4 unknown: the source key could not be read says why; not read at all says so', () => {
    const { aws, db } = readyCrossAccount();
    const denied = entity({
      ...aws,
      resources: [
        {
          ...db,
          encryptionKeyArn: undefined,
          encryptionKeyError: {
            name: 'AccessDenied',
            message: 'not authorized to perform rds:DescribeDBClusters',
          },
        },
      ],
    });
    expect(prereq(denied, 'B4')).toMatchObject({
      status: 'unknown',
      message:
        "source resource key not known: the resource's key could not be read: AccessDenied: not authorized to perform rds:DescribeDBClusters",
      evidence: { resourceArn: db.arn, sourceKeyManager: 'unknown' },
    });
    const unread = entity({
      ...aws,
      resources: [{ ...db, encryptionKeyArn: undefined }],
    });
    expect(prereq(unread, 'B4').message).toBe(
      'source resource key not known: discovery did not read it',
    );
  });
  it('B4 not-applicable: a source read and found without a KMS key has nothing to share', () => {
    const { aws, db } = readyCrossAccount();
    const plain = entity({
      ...aws,
      resources: [
        {
          ...db,
          encryptionKeyArn: undefined,
          encryptionKeySource: 'rds:DescribeDBClusters',
        },
      ],
    });
    expect(prereq(plain, 'B4')).toMatchObject({
      status: 'not-applicable',
      message:
        'rds:DescribeDBClusters shows no KMS key on the source: nothing to share (recovery-point-encrypted flags unencrypted points)',
      evidence: { sourceKeyReadWith: 'rds:DescribeDBClusters' },
    });
  });
  it('B5 fail: destination vault uses aws/backup', () => {
    const { aws, central } = readyCrossAccount();
    const managed = {
      ...cmk(CENTRAL, TOKYO, 'managed'),
      keyManager: 'AWS' as const,
      aliases: ['alias/aws/backup'],
    };
    const inv = entity({
      ...aws,
      keys: [...aws.keys, managed],
      vaults: aws.vaults.map(v =>
        v.arn === central.arn ? { ...v, encryptionKeyArn: managed.arn } : v,
      ),
    });
    expect(prereq(inv, 'B5').status).toBe('fail');
  });
  it('B6 fail: cold storage on a cross-account copy', () => {
    const { aws, central } = readyCrossAccount();
    const inv = entity({
      ...aws,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: central.arn,
                lifecycle: {
                  moveToColdStorageAfterDays: 30,
                  deleteAfterDays: 120,
                },
              },
            ],
          }),
        ]),
      ],
    });
    expect(prereq(inv, 'B6').status).toBe('fail');
  });
  it('B1 not-applicable: no cross-account copy actions', () => {
    expect(
      checkResult(
        auroraCrossRegionIntoReplicaVault().inventory,
        'cross-account-copy-ready',
      ).status,
    ).toBe('not-applicable');
  });
});
