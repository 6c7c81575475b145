import { describe, expect, it } from '@jest/globals';
import {
  awsManagedKey,
  CENTRAL,
  entity,
  MGMT,
  ORG_ID,
  PROD,
  resource,
  TOKYO,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';
import {
  copyToCentral,
  keyPolicy,
  prereq,
  shareWithCentral,
} from '../__testUtils__/crossAccount';

describe('cross-account-copy-ready (B1–B6): reasons and evidence', () => {
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
});
