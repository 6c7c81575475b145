import { describe, expect, it } from '@jest/globals';
import {
  CENTRAL,
  entity,
  MGMT,
  ORG_ID,
  orgCopyPolicy,
  PROD,
  TOKYO,
} from '../../../__fixtures__/builders';
import { copyToCentral, prereq } from '../__testUtils__/crossAccount';

describe('cross-account-copy-ready (B1–B6): reasons and evidence', () => {
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
});
