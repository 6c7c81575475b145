import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  entity,
  MGMT,
  ORG_ID,
  orgCopyPolicy,
  plan,
  PROD,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsInventory, AwsResourceFact } from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';

/**
 * cross-account-copy-ready (B1–B6): each prerequisite's status together with the reason and the
 * evidence the user reads. One source resource in PROD copied to the central account's vault.
 */
const keyPolicy = (...statements: object[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${PROD}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...statements,
    ],
  });
const shareWithCentral = (actions: string[] | string) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${CENTRAL}:root` },
  Action: actions,
  Resource: '*',
});

function copyToCentral(
  over: {
    source?: AwsResourceFact;
    sourceKeyPolicy?: string;
    accessPolicy?: string | null;
    aws?: Partial<AwsInventory>;
  } = {},
) {
  const sourceKey = cmk(PROD, TOKYO, 'source-key', {
    policy:
      over.sourceKeyPolicy ??
      keyPolicy(shareWithCentral(['kms:Decrypt', 'kms:CreateGrant'])),
  });
  const vaultKey = cmk(PROD, TOKYO, 'vault-key');
  const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
  const source =
    over.source ??
    resource('Aurora', PROD, TOKYO, 'payments-db', {
      encryptionKeyArn: sourceKey.arn,
    });
  const primaryVault = vault(PROD, TOKYO, 'payments', vaultKey);
  const central = vault(CENTRAL, TOKYO, 'central', centralKey, {
    accessPolicy:
      over.accessPolicy === undefined ? orgCopyPolicy() : over.accessPolicy,
  });
  const inventory = entity(
    awsInventory({
      resources: [source],
      vaults: [primaryVault, central],
      keys: [sourceKey, vaultKey, centralKey],
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [{ destinationBackupVaultArn: central.arn }],
          }),
        ]),
      ],
      ...over.aws,
    }),
  );
  return { inventory, source, sourceKey, central, centralKey };
}
const prereq = (inv: ReturnType<typeof entity>, tag: string) =>
  findingAbout(checkResult(inv, 'cross-account-copy-ready'), `[${tag}`);

describe('cross-account-copy-ready (B1–B6): reasons and evidence', () => {
  it('B1 pass: says both accounts are in the organization, with the accounts as evidence', () => {
    expect(prereq(copyToCentral().inventory, 'B1 organization')).toMatchObject({
      status: 'pass',
      message: `both accounts are in organization ${ORG_ID}`,
      evidence: {
        sourceAccount: PROD,
        destinationAccount: CENTRAL,
        organizationId: ORG_ID,
      },
    });
    expect(
      prereq(copyToCentral().inventory, 'B1 cross-account setting'),
    ).toMatchObject({
      status: 'pass',
      message: 'cross-account backup is enabled',
      evidence: {
        isCrossAccountBackupEnabled: true,
        managementAccount: MGMT,
      },
    });
  });

  it('B1 fail: names the account outside the organization', () => {
    const { inventory } = copyToCentral({
      aws: {
        organization: {
          organizationId: ORG_ID,
          managementAccountId: MGMT,
          memberAccountIds: [MGMT, PROD],
        },
      },
    });
    expect(prereq(inventory, 'B1 organization')).toMatchObject({
      status: 'fail',
      message: `account(s) ${CENTRAL} not in organization ${ORG_ID}`,
    });
  });

  it('B1 unknown: global settings that do not say whether cross-account backup is on, or an organization not read', () => {
    const { inventory } = copyToCentral({
      aws: {
        globalSettings: { accountId: MGMT },
        organization: undefined,
      },
    });
    expect(prereq(inventory, 'B1 cross-account setting')).toMatchObject({
      status: 'unknown',
      message: 'global settings not read',
      evidence: {},
    });
    expect(prereq(inventory, 'B1 organization')).toMatchObject({
      status: 'unknown',
      message: 'organization not read',
      evidence: { sourceAccount: PROD, destinationAccount: CENTRAL },
    });
  });

  it('B3: the destination vault is named when it is not Default, with its ARN as evidence', () => {
    const { inventory, central } = copyToCentral();
    expect(prereq(inventory, 'B3 not Default')).toEqual(
      expect.objectContaining({
        status: 'pass',
        message: 'destination vault central',
        evidence: { destinationBackupVaultArn: central.arn },
      }),
    );
  });

  it('B1: without an organization id the message has no dangling words; settings not read at all are unknown', () => {
    const { inventory } = copyToCentral({
      aws: {
        organization: {
          managementAccountId: MGMT,
          memberAccountIds: [MGMT, PROD, CENTRAL],
        },
        globalSettings: undefined,
      },
    });
    expect(prereq(inventory, 'B1 organization').message).toBe(
      'both accounts are in organization',
    );
    expect(prereq(inventory, 'B1 cross-account setting')).toMatchObject({
      status: 'unknown',
      message: 'global settings not read',
    });
    const outside = copyToCentral({
      aws: {
        organization: { managementAccountId: MGMT, memberAccountIds: [MGMT] },
      },
    }).inventory;
    expect(prereq(outside, 'B1 organization').message).toBe(
      `account(s) ${PROD}, ${CENTRAL} not in organization`,
    );
  });

  it('B2 pass: names the source account the policy lets copy in, with the policy as evidence', () => {
    const { inventory, central } = copyToCentral();
    expect(prereq(inventory, 'B2 access policy')).toEqual(
      expect.objectContaining({
        status: 'pass',
        message: `destination policy allows backup:CopyIntoBackupVault for ${PROD}`,
        evidence: {
          destinationBackupVaultArn: central.arn,
          accessPolicy: orgCopyPolicy(),
        },
      }),
    );
  });

  it('B2 fail: an unconditional Deny of CopyIntoBackupVault for the source wins over the Allow', () => {
    const deny = {
      Effect: 'Deny',
      Principal: { AWS: `arn:aws:iam::${PROD}:root` },
      Action: 'backup:CopyIntoBackupVault',
      Resource: '*',
    };
    const { inventory } = copyToCentral({
      accessPolicy: orgCopyPolicy([deny]),
    });
    expect(prereq(inventory, 'B2 access policy')).toMatchObject({
      status: 'fail',
      message: `destination policy does not allow backup:CopyIntoBackupVault for ${PROD}`,
    });
  });

  it('B2 pass: a Deny with conditions, of another action or for another account does not block the copy', () => {
    for (const deny of [
      {
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${PROD}:root` },
        Action: 'backup:CopyIntoBackupVault',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'backup:DeleteRecoveryPoint',
        Resource: '*',
      },
      {
        Effect: 'Deny',
        Principal: { AWS: 'arn:aws:iam::999999999999:root' },
        Action: 'backup:CopyIntoBackupVault',
        Resource: '*',
      },
    ]) {
      const { inventory } = copyToCentral({
        accessPolicy: orgCopyPolicy([deny]),
      });
      expect(prereq(inventory, 'B2 access policy').status).toBe('pass');
    }
  });

  it('B2 fail: an Allow of another action only does not let the source copy in', () => {
    const { inventory } = copyToCentral({
      accessPolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'backup:DescribeBackupVault',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } },
          },
        ],
      }),
    });
    expect(prereq(inventory, 'B2 access policy').status).toBe('fail');
  });

  it('B2 unknown: an access policy that was not read says so (the vault itself was read)', () => {
    const { inventory, central } = copyToCentral({ accessPolicy: null });
    const unread = entity({
      ...inventory.aws!,
      vaults: inventory.aws!.vaults.map(v =>
        v.arn === central.arn ? { ...v, accessPolicy: undefined } : v,
      ),
    });
    expect(prereq(unread, 'B2 access policy')).toMatchObject({
      status: 'unknown',
      message: 'destination access policy not read',
      evidence: { destinationBackupVaultArn: central.arn },
    });
  });

  it('B2 fail: an organization-wide Allow does not let in a source account outside the organization', () => {
    const { inventory } = copyToCentral({
      aws: {
        organization: {
          organizationId: ORG_ID,
          managementAccountId: MGMT,
          memberAccountIds: [MGMT, CENTRAL],
        },
      },
    });
    expect(prereq(inventory, 'B2 access policy')).toMatchObject({
      status: 'fail',
      message: `destination policy does not allow backup:CopyIntoBackupVault for ${PROD}`,
    });
  });

  it('B4: a source key policy shared with the organization shares the key with a destination inside it only', () => {
    const orgShared = keyPolicy({
      Effect: 'Allow',
      Principal: '*',
      Action: ['kms:Decrypt', 'kms:CreateGrant'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } },
    });
    expect(
      prereq(copyToCentral({ sourceKeyPolicy: orgShared }).inventory, 'B4')
        .status,
    ).toBe('pass');
    const outside = copyToCentral({
      sourceKeyPolicy: orgShared,
      aws: {
        organization: {
          organizationId: ORG_ID,
          managementAccountId: MGMT,
          memberAccountIds: [MGMT, PROD],
        },
      },
    }).inventory;
    expect(prereq(outside, 'B4')).toMatchObject({
      status: 'fail',
      message: `source CMK policy does not allow account ${CENTRAL}`,
    });
  });

  it('B6: a lifecycle read from the wire with a null cold-storage setting has no cold storage', () => {
    const { inventory, central } = copyToCentral();
    const inv = entity({
      ...inventory.aws!,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: central.arn,
                lifecycle: {
                  moveToColdStorageAfterDays: null as unknown as number,
                  deleteAfterDays: 35,
                },
              },
            ],
          }),
        ]),
      ],
    });
    expect(prereq(inv, 'B6 cold storage')).toMatchObject({
      status: 'pass',
      message: 'no cold storage on the copy',
      evidence: { moveToColdStorageAfterDays: null },
    });
  });

  it('B2 unknown: a policy that is not valid JSON says so, never a pass or a fail', () => {
    const { inventory, central } = copyToCentral({
      accessPolicy: '{"Version": "2012-10-17", "Statement": [',
    });
    expect(prereq(inventory, 'B2 access policy')).toMatchObject({
      status: 'unknown',
      message: 'destination access policy is not valid JSON',
      evidence: { destinationBackupVaultArn: central.arn },
    });
  });

  it('B2 and B5 unknown: a destination vault not discovered says so, and why when its scope failed', () => {
    const { inventory, central } = copyToCentral();
    const withoutCentral = entity({
      ...inventory.aws!,
      vaults: inventory.aws!.vaults.filter(v => v.arn !== central.arn),
    });
    expect(prereq(withoutCentral, 'B2 access policy')).toMatchObject({
      status: 'unknown',
      message: 'destination vault not discovered',
    });
    expect(prereq(withoutCentral, 'B5 destination key')).toMatchObject({
      status: 'unknown',
      message: 'destination vault not discovered',
      evidence: { destinationBackupVaultArn: central.arn },
    });
    const failedScope = entity(withoutCentral.aws, [
      {
        cloud: 'aws',
        account: CENTRAL,
        region: TOKYO,
        state: 'error',
        lastAttemptAt: withoutCentral.collectedAt,
        error: { name: 'AccessDeniedException', message: 'denied' },
      },
    ]);
    expect(prereq(failedScope, 'B5 destination key').message).toBe(
      `destination vault not discovered (scan of account ${CENTRAL} in ${TOKYO} failed: AccessDeniedException: denied)`,
    );
  });

  it('B5: the destination key and its manager are the evidence; aws/backup fails and an undescribed key is unknown', () => {
    const { inventory, centralKey } = copyToCentral();
    expect(prereq(inventory, 'B5 destination key')).toMatchObject({
      status: 'pass',
      message: 'destination vault key is alias/central-key (customer-managed)',
      evidence: {
        destinationKeyArn: centralKey.arn,
        destinationKeyManager: 'customer',
      },
    });
    const managed = awsManagedKey(CENTRAL, TOKYO, 'backup');
    const onManaged = entity({
      ...inventory.aws!,
      keys: [...inventory.aws!.keys, managed],
      vaults: inventory.aws!.vaults.map(v =>
        v.accountId === CENTRAL ? { ...v, encryptionKeyArn: managed.arn } : v,
      ),
    });
    expect(prereq(onManaged, 'B5 destination key')).toMatchObject({
      status: 'fail',
      evidence: { destinationKeyManager: 'aws-managed' },
    });
    const undescribed = entity({
      ...inventory.aws!,
      keys: inventory.aws!.keys.filter(k => k.arn !== centralKey.arn),
    });
    expect(prereq(undescribed, 'B5 destination key').status).toBe('unknown');
  });

  it('B4 pass: the source CMK policy lets the destination account use it; the evidence names the key', () => {
    const { inventory, source, sourceKey } = copyToCentral();
    expect(prereq(inventory, 'B4 source key')).toEqual(
      expect.objectContaining({
        status: 'pass',
        message: `source CMK policy allows account ${CENTRAL}`,
        evidence: {
          resourceArn: source.arn,
          sourceKeyArn: sourceKey.arn,
          sourceKeyManager: 'customer',
        },
      }),
    );
  });

  it('B4 fail: a key policy that denies the destination account, or allows it only other actions, does not share the key', () => {
    for (const policy of [
      keyPolicy({
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${CENTRAL}:root` },
        Action: ['kms:Decrypt', 'kms:CreateGrant'],
        Resource: '*',
      }),
      keyPolicy(shareWithCentral(['kms:DescribeKey', 'kms:Encrypt'])),
      keyPolicy({
        ...shareWithCentral(['kms:Decrypt', 'kms:CreateGrant']),
        Principal: { AWS: 'arn:aws:iam::999999999999:root' },
      }),
    ]) {
      const { inventory } = copyToCentral({ sourceKeyPolicy: policy });
      expect(prereq(inventory, 'B4 source key')).toMatchObject({
        status: 'fail',
        message: `source CMK policy does not allow account ${CENTRAL}`,
      });
    }
  });

  it('B4 fail: a source key policy that is not valid JSON shares nothing', () => {
    const { inventory } = copyToCentral({ sourceKeyPolicy: 'not json' });
    expect(prereq(inventory, 'B4 source key').status).toBe('fail');
  });

  it('B4 unknown: a source key that was not described, or whose policy was not read, says which', () => {
    const { inventory, sourceKey } = copyToCentral();
    const notDescribed = entity({
      ...inventory.aws!,
      keys: inventory.aws!.keys.filter(k => k.arn !== sourceKey.arn),
    });
    expect(prereq(notDescribed, 'B4 source key')).toMatchObject({
      status: 'unknown',
      message: 'source key not described',
      evidence: { sourceKeyManager: 'unknown' },
    });
    const policyUnread = entity({
      ...inventory.aws!,
      keys: inventory.aws!.keys.map(k =>
        k.arn === sourceKey.arn ? { ...k, policy: undefined } : k,
      ),
    });
    expect(prereq(policyUnread, 'B4 source key')).toMatchObject({
      status: 'unknown',
      message: 'source key policy not read',
      evidence: { sourceKeyManager: 'customer' },
    });
    const denied = entity({
      ...inventory.aws!,
      keys: inventory.aws!.keys.map(k =>
        k.arn === sourceKey.arn
          ? {
              ...k,
              keyManager: undefined,
              policy: undefined,
              error: { name: 'AccessDeniedException', message: 'denied' },
            }
          : k,
      ),
    });
    expect(prereq(denied, 'B4 source key').message).toBe(
      'source key could not be read and no earlier read succeeded: AccessDeniedException: denied',
    );
  });

  it('B4 fail: an AWS-managed source key names the key and says it cannot be shared', () => {
    const rdsKey = awsManagedKey(PROD, TOKYO, 'rds');
    const db = resource('RDS', PROD, TOKYO, 'orders', {
      encryptionKeyArn: rdsKey.arn,
    });
    const { inventory } = copyToCentral({ source: db });
    const inv = entity({
      ...inventory.aws!,
      keys: [...inventory.aws!.keys, rdsKey],
    });
    expect(prereq(inv, 'B4 source key')).toMatchObject({
      status: 'fail',
      message:
        'RDS uses alias/aws/rds (AWS-managed): AWS-managed keys cannot be shared across accounts',
      evidence: { sourceKeyArn: rdsKey.arn, sourceKeyManager: 'aws-managed' },
    });
  });

  it('B4 does not apply to S3, EFS or DynamoDB sources: they are re-encrypted with the destination vault key (B5)', () => {
    for (const type of ['S3', 'EFS', 'DynamoDB']) {
      const managed = awsManagedKey(PROD, TOKYO, 'backup');
      const source = resource(type, PROD, TOKYO, `payments-${type}`, {
        encryptionKeyArn: managed.arn,
      });
      const { inventory } = copyToCentral({ source });
      const r = checkResult(inventory, 'cross-account-copy-ready');
      expect(r.findings.filter(f => f.subject.includes('[B4'))).toEqual([]);
      expect(r.status).toBe('pass');
    }
  });

  it('B6: the copy lifecycle is the evidence; cold storage on the copy fails and says after how many days', () => {
    const { inventory, central } = copyToCentral();
    expect(prereq(inventory, 'B6 cold storage')).toMatchObject({
      status: 'pass',
      message: 'no cold storage on the copy',
      evidence: { moveToColdStorageAfterDays: null },
    });
    const cold = entity({
      ...inventory.aws!,
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [
              {
                destinationBackupVaultArn: central.arn,
                lifecycle: {
                  moveToColdStorageAfterDays: 0,
                  deleteAfterDays: 120,
                },
              },
            ],
          }),
        ]),
      ],
    });
    expect(prereq(cold, 'B6 cold storage')).toMatchObject({
      status: 'fail',
      message:
        'copy lifecycle moves to cold storage after 0 days: not supported for cross-account copies',
      evidence: { moveToColdStorageAfterDays: 0 },
    });
  });

  it('B5 fail: an AWS-owned key on the destination (an air-gapped vault) is not a customer-managed key', () => {
    const { inventory, central } = copyToCentral();
    const inv = entity({
      ...inventory.aws!,
      vaults: inventory.aws!.vaults.map(v =>
        v.arn === central.arn
          ? {
              ...v,
              vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' as const,
              encryptionKeyArn: undefined,
              encryptionKeyType: 'AWS_OWNED_KMS_KEY' as const,
            }
          : v,
      ),
    });
    expect(prereq(inv, 'B5 destination key')).toMatchObject({
      status: 'fail',
      message: 'destination vault key is an AWS-owned key',
      evidence: { destinationKeyManager: 'aws-owned' },
    });
  });

  it('not-applicable: a same-account copy (cross-region only) is no cross-account copy', () => {
    const { inventory } = copyToCentral();
    const osakaVault = vault(PROD, 'ap-northeast-3', 'osaka', undefined);
    const inv = entity({
      ...inventory.aws!,
      vaults: [...inventory.aws!.vaults, osakaVault],
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [{ destinationBackupVaultArn: osakaVault.arn }],
          }),
        ]),
      ],
    });
    const r = checkResult(inv, 'cross-account-copy-ready');
    expect(r.status).toBe('not-applicable');
    expect(r.findings).toEqual([]);
  });
});

describe('cross-account-copy-ready (B2, B3): what a policy and a vault name decide', () => {
  const allowSource = {
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${PROD}:root` },
    Action: 'backup:CopyIntoBackupVault',
    Resource: '*',
  };
  const policyOf = (...statements: object[]) =>
    JSON.stringify({ Version: '2012-10-17', Statement: statements });

  it('B3 fail: a copy into the Default vault says its key cannot be shared', () => {
    const { inventory } = copyToCentral();
    const plans = inventory.aws!.plans;
    const defaultArn = `arn:aws:backup:${TOKYO}:${CENTRAL}:backup-vault:Default`;
    plans[0].rules[0].copyActions = [{ destinationBackupVaultArn: defaultArn }];
    expect(prereq(inventory, 'B3 not Default')).toEqual(
      expect.objectContaining({
        status: 'fail',
        message: 'destination is the Default vault (its key cannot be shared)',
        evidence: { destinationBackupVaultArn: defaultArn },
      }),
    );
  });

  it('B2 pass: an unconditional Allow for the source account root lets it copy in', () => {
    const { inventory } = copyToCentral({
      accessPolicy: policyOf(allowSource),
    });
    expect(prereq(inventory, 'B2 access policy')).toMatchObject({
      status: 'pass',
      message: `destination policy allows backup:CopyIntoBackupVault for ${PROD}`,
    });
  });

  it('B2 fail: a policy whose only statement about the source is a conditional Deny allows nothing', () => {
    const { inventory } = copyToCentral({
      accessPolicy: policyOf({
        ...allowSource,
        Effect: 'Deny',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    });
    expect(prereq(inventory, 'B2 access policy')).toMatchObject({
      status: 'fail',
      message: `destination policy does not allow backup:CopyIntoBackupVault for ${PROD}`,
    });
  });

  it('B2 pass: with the organization not read, an Allow for the source account and a Deny for another account still pass', () => {
    const { inventory } = copyToCentral({
      accessPolicy: policyOf(allowSource, {
        ...allowSource,
        Effect: 'Deny',
        Principal: { AWS: 'arn:aws:iam::999999999999:root' },
      }),
      aws: { organization: undefined },
    });
    expect(prereq(inventory, 'B2 access policy')).toMatchObject({
      status: 'pass',
      message: `destination policy allows backup:CopyIntoBackupVault for ${PROD}`,
    });
    expect(prereq(inventory, 'B1 organization')).toMatchObject({
      status: 'unknown',
      message: 'organization not read',
    });
  });

  it('B5 pass: a destination key of another account is customer-managed even when its read failed, and the reason names the failed read once', () => {
    const shared = cmk(MGMT, TOKYO, 'shared-key', {
      error: { name: 'AccessDeniedException', message: 'not authorized' },
    });
    const { inventory, central } = copyToCentral();
    const aws = inventory.aws!;
    aws.keys.push(shared);
    aws.vaults = aws.vaults.map(v =>
      v.arn === central.arn ? { ...v, encryptionKeyArn: shared.arn } : v,
    );
    expect(prereq(inventory, 'B5 destination key')).toEqual(
      expect.objectContaining({
        status: 'pass',
        message:
          'destination vault key is alias/shared-key (customer-managed) (key could not be read and no earlier read succeeded: AccessDeniedException: not authorized)',
        evidence: {
          destinationKeyArn: shared.arn,
          destinationKeyManager: 'customer',
          keyReadError: 'AccessDeniedException: not authorized',
        },
      }),
    );
  });

  it('B4 unknown: a source key whose description failed is unknown even when its key policy was read', () => {
    const { inventory, sourceKey } = copyToCentral();
    const inv = entity({
      ...inventory.aws!,
      keys: inventory.aws!.keys.map(k =>
        k.arn === sourceKey.arn
          ? {
              ...k,
              keyManager: undefined,
              error: { name: 'ThrottlingException', message: 'rate exceeded' },
            }
          : k,
      ),
    });
    expect(prereq(inv, 'B4 source key')).toMatchObject({
      status: 'unknown',
      message:
        'source key could not be read and no earlier read succeeded: ThrottlingException: rate exceeded',
      evidence: { sourceKeyManager: 'unknown' },
    });
  });

  it('B6 pass: a copy without a cold-storage setting says so, with null as evidence', () => {
    const { inventory } = copyToCentral();
    expect(prereq(inventory, 'B6 cold storage')).toEqual(
      expect.objectContaining({
        status: 'pass',
        message: 'no cold storage on the copy',
        evidence: { moveToColdStorageAfterDays: null },
      }),
    );
  });

  it('B4 pass: a key policy that allows the destination account kms:Decrypt alone, or kms:CreateGrant alone, shares the key', () => {
    for (const actions of ['kms:Decrypt', 'kms:CreateGrant']) {
      const { inventory } = copyToCentral({
        sourceKeyPolicy: keyPolicy(shareWithCentral(actions)),
      });
      expect(prereq(inventory, 'B4 source key')).toMatchObject({
        status: 'pass',
        message: `source CMK policy allows account ${CENTRAL}`,
      });
    }
  });
});
