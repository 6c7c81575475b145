import { describe, expect, it } from '@jest/globals';
import {
  CENTRAL,
  cmk,
  entity,
  MGMT,
  PROD,
  TOKYO,
} from '../../../__fixtures__/builders';
import {
  copyToCentral,
  keyPolicy,
  prereq,
  shareWithCentral,
} from '../__testUtils__/crossAccount';

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
