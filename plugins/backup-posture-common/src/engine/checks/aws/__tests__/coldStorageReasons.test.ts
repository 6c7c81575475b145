import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  entity,
  plan,
  PROD,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsCopyActionFact, AwsLifecycleFact } from '../../../../inventory';
import { checkResult } from '../../../__fixtures__/run';
import { key } from '../__testUtils__/vaultsReasons';

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
