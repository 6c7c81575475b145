import { describe, expect, it } from '@jest/globals';
import {
  CENTRAL,
  entity,
  MGMT,
  ORG_ID,
  plan,
  PROD,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { checkResult } from '../../../__fixtures__/run';
import { copyToCentral, prereq } from '../__testUtils__/crossAccount';

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
