/**
 * air-gapped-copy-present (C1, C2): what the user reads (status, message, evidence) for each
 * resource, and which recovery points and vaults may decide it.
 */
import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  cmk,
  copyJob,
  copyPoint,
  daysAgo,
  entity,
  errorScope,
  plan,
  PROD,
  RECOVERY,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../../../__fixtures__/builders';
import { AwsBackupVaultFact } from '../../../../inventory';
import { checkResult, findingAbout } from '../../../__fixtures__/run';

const CHECK = 'air-gapped-copy-present';
const key = cmk(PROD, TOKYO, 'vault-key');
const LAG = 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT';
const lagVault = (account = PROD, name = 'lag', extra = {}) =>
  vault(account, TOKYO, name, undefined, {
    vaultType: LAG,
    encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    locked: true,
    ...extra,
  });
const bucket = resource('S3', PROD, TOKYO, 'orders-bucket');
const table = resource('DynamoDB', PROD, TOKYO, 'orders-table');
const primaryVault = vault(PROD, TOKYO, 'primary', key);

/** The bucket (and the table) backed up to the primary vault, copied to `copyTo`. */
function estate(opts: {
  lag?: AwsBackupVaultFact[];
  points?: (
    primary: ReturnType<typeof recoveryPoint>,
  ) => ReturnType<typeof recoveryPoint>[];
}) {
  const primary = recoveryPoint(bucket, primaryVault, key);
  const lag = opts.lag ?? [lagVault()];
  return awsInventory({
    resources: [bucket, table],
    vaults: [primaryVault, ...lag],
    keys: [key],
    plans: [
      plan(PROD, TOKYO, [
        rule('daily', {
          copyActions: lag.map(v => ({ destinationBackupVaultArn: v.arn })),
        }),
      ]),
    ],
    recoveryPoints: [primary, ...(opts.points?.(primary) ?? [])],
  });
}

describe('air-gapped-copy-present: reasons and evidence (C1, C2)', () => {
  it('C2 pass names the newest air-gapped copy, its vault and when it was made', () => {
    const lag = lagVault();
    let newest = '';
    const inv = estate({
      lag: [lag],
      points: primary => {
        const older = copyPoint(primary, lag, undefined, {
          creationDate: daysAgo(5),
        });
        const recent = copyPoint(primary, lag, undefined, {
          creationDate: daysAgo(2),
        });
        newest = recent.recoveryPointArn;
        // The older first: the newest must be picked, not the first listed.
        return [older, recent];
      },
    });
    const f = findingAbout(checkResult(entity(inv), CHECK), 'orders-bucket');
    expect(f).toEqual({
      subject: bucket.arn,
      status: 'pass',
      message: 'air-gapped copy from 2026-11-21 12:00 UTC, within 7 days',
      evidence: {
        recoveryPointArn: newest,
        backupVaultArn: lag.arn,
        creationDate: daysAgo(2),
        maxAgeDays: 7,
      },
    });
  });

  it('C2 pass at exactly the age limit, fail just past it, with the limit in the message', () => {
    const at = (days: number) => {
      const lag = lagVault();
      return findingAbout(
        checkResult(
          entity(
            estate({
              lag: [lag],
              points: p => [
                copyPoint(p, lag, undefined, { creationDate: daysAgo(days) }),
              ],
            }),
          ),
          CHECK,
        ),
        'orders-bucket',
      );
    };
    expect(at(7)).toMatchObject({
      status: 'pass',
      message: 'air-gapped copy from 2026-11-16 12:00 UTC, within 7 days',
    });
    expect(at(7.5)).toMatchObject({
      status: 'fail',
      message:
        'newest air-gapped copy is from 2026-11-16 00:00 UTC, older than the limit of 7 days',
      evidence: { creationDate: daysAgo(7.5), maxAgeDays: 7 },
    });
  });

  it("C2 counts only the resource's own points: the table fails while the bucket passes", () => {
    const lag = lagVault();
    const r = checkResult(
      entity(
        estate({
          lag: [lag],
          points: p => [
            copyPoint(p, lag, undefined, { creationDate: daysAgo(1) }),
          ],
        }),
      ),
      CHECK,
    );
    expect(findingAbout(r, 'orders-bucket').status).toBe('pass');
    expect(findingAbout(r, 'orders-table')).toEqual({
      subject: table.arn,
      status: 'fail',
      message: 'no recovery point in a logically air-gapped vault',
      evidence: { maxAgeDays: 7 },
    });
    expect(r.status).toBe('fail');
  });

  it("C1 a point in a standard vault is not an air-gapped copy, whatever its vault's name", () => {
    const standard = vault(PROD, TOKYO, 'lag-like', key);
    const f = findingAbout(
      checkResult(
        entity(
          estate({
            lag: [standard],
            points: p => [copyPoint(p, standard, key)],
          }),
        ),
        CHECK,
      ),
      'orders-bucket',
    );
    expect(f).toMatchObject({
      status: 'fail',
      message: 'no recovery point in a logically air-gapped vault',
    });
  });

  it("C1 the point's own VaultType decides, and its vault's type when the point has none", () => {
    const lag = lagVault();
    // The point says it is air-gapped; its vault's description is not in the inventory.
    const selfDescribed = estate({
      lag: [lag],
      points: p => [copyPoint(p, lag, undefined, { vaultType: LAG })],
    });
    selfDescribed.vaults = selfDescribed.vaults.filter(v => v.arn !== lag.arn);
    expect(
      findingAbout(checkResult(entity(selfDescribed), CHECK), 'orders-bucket')
        .status,
    ).toBe('pass');
    // The point has no VaultType (older API answers): its vault says air-gapped.
    const byVault = estate({
      lag: [lag],
      points: p => [copyPoint(p, lag, undefined, { vaultType: undefined })],
    });
    expect(
      findingAbout(checkResult(entity(byVault), CHECK), 'orders-bucket').status,
    ).toBe('pass');
  });

  it('C2 unknown, not fail, when an air-gapped vault of the entity sits in an unread scope', () => {
    const remote = lagVault(RECOVERY, 'recovery-lag');
    const f = findingAbout(
      checkResult(
        entity(estate({ lag: [remote] }), [errorScope(RECOVERY, TOKYO)]),
        CHECK,
      ),
      'orders-bucket',
    );
    expect(f).toEqual({
      subject: bucket.arn,
      status: 'unknown',
      message: `no air-gapped copy seen, but data is missing: scan of account ${RECOVERY} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
      evidence: { maxAgeDays: 7 },
    });
  });

  it('C2 unknown names the unread air-gapped vault, though another air-gapped vault was read', () => {
    const local = lagVault(PROD, 'local-lag');
    const remote = lagVault(RECOVERY, 'recovery-lag');
    const f = findingAbout(
      checkResult(
        entity(estate({ lag: [local, remote] }), [errorScope(RECOVERY, TOKYO)]),
        CHECK,
      ),
      'orders-bucket',
    );
    expect(f).toMatchObject({
      status: 'unknown',
      message: `no air-gapped copy seen, but data is missing: scan of account ${RECOVERY} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
    });
  });

  it('C2 a standard vault in an unread scope leaves the verdict a fail', () => {
    const remoteStandard = vault(RECOVERY, TOKYO, 'recovery-std', key);
    const f = findingAbout(
      checkResult(
        entity(estate({ lag: [remoteStandard] }), [
          errorScope(RECOVERY, TOKYO),
        ]),
        CHECK,
      ),
      'orders-bucket',
    );
    expect(f).toMatchObject({
      status: 'fail',
      message: 'no recovery point in a logically air-gapped vault',
    });
  });

  it('C2 unknown when a copy destination that may be air-gapped was never read', () => {
    const unread = lagVault(RECOVERY, 'never-read');
    const inv = estate({ lag: [unread] });
    // The copy action names it; its account's scan failed and no snapshot holds it.
    inv.vaults = inv.vaults.filter(v => v.arn !== unread.arn);
    const f = findingAbout(
      checkResult(entity(inv, [errorScope(RECOVERY, TOKYO)]), CHECK),
      'orders-bucket',
    );
    expect(f.status).toBe('unknown');
    expect(f.message).toBe(
      `no air-gapped copy seen, but data is missing: vault not read: scan of account ${RECOVERY} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
    );
  });

  it('C2 an unread copy destination known to be a standard vault leaves the verdict a fail', () => {
    const unread = vault(RECOVERY, TOKYO, 'never-read-std', key);
    const inv = estate({ lag: [unread] });
    inv.vaults = inv.vaults.filter(v => v.arn !== unread.arn);
    // A copy job recorded the destination's type: it is not air-gapped.
    inv.copyJobs = [
      copyJob(bucket, primaryVault, unread.arn, 'COMPLETED', {
        destinationVaultType: 'BACKUP_VAULT',
      }),
    ];
    const f = findingAbout(
      checkResult(entity(inv, [errorScope(RECOVERY, TOKYO)]), CHECK),
      'orders-bucket',
    );
    expect(f).toMatchObject({
      status: 'fail',
      message: 'no recovery point in a logically air-gapped vault',
    });
  });

  it("C2 unknown when the resource's own scope failed, naming that scope first", () => {
    const f = findingAbout(
      checkResult(entity(estate({}), [errorScope(PROD, TOKYO)]), CHECK),
      'orders-table',
    );
    expect(f).toMatchObject({
      status: 'unknown',
      message: `no air-gapped copy seen, but data is missing: scan of account ${PROD} in ${TOKYO} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`,
    });
  });
});
