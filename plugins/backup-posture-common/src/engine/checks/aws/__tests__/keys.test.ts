import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  cmk,
  copyPoint,
  entity,
  errorScope,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  daysAhead,
  protecting,
} from '../../../__fixtures__/builders';
import { checkResult, findingAbout } from '../../../__fixtures__/run';
import {
  auroraCrossRegionIntoAwsBackupVault,
  auroraCrossRegionIntoReplicaVault,
} from '../../../__fixtures__/scenarios';

describe('vault-key-customer-managed (A3)', () => {
  const cmkKey = cmk(PROD, TOKYO, 'vault-key');
  const managed = awsManagedKey(PROD, TOKYO, 'backup');
  it('A3 pass: a vault with a customer-managed key', () => {
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', cmkKey)),
          vaults: [vault(PROD, TOKYO, 'a', cmkKey)],
          keys: [cmkKey],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('pass');
  });
  it('A3 fail: a vault with aws/backup, even though EncryptionKeyType says CUSTOMER_MANAGED', () => {
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', managed)),
          vaults: [vault(PROD, TOKYO, 'a', managed)],
          keys: [managed],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain('alias/aws/backup');
  });
  it('A3 unknown: the key could not be described (access denied), never a pass', () => {
    const denied = {
      ...cmkKey,
      keyManager: undefined,
      error: {
        name: 'AccessDeniedException',
        message: 'kms:DescribeKey denied',
      },
    };
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', cmkKey)),
          vaults: [vault(PROD, TOKYO, 'a', cmkKey)],
          keys: [denied],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('unknown');
    expect(r.findings[0].message).toContain('AccessDeniedException');
  });
  it('A3 unknown: the key was not described at all', () => {
    const r = checkResult(
      entity(
        awsInventory({
          ...protecting(vault(PROD, TOKYO, 'a', cmkKey)),
          vaults: [vault(PROD, TOKYO, 'a', cmkKey)],
          keys: [],
        }),
      ),
      'vault-key-customer-managed',
    );
    expect(r.status).toBe('unknown');
  });
});

describe('recovery-point-encrypted (A1, A2)', () => {
  const key = cmk(PROD, TOKYO, 'vault-key');
  const v = vault(PROD, TOKYO, 'a', key);
  const unencrypted = (extra: Parameters<typeof recoveryPoint>[3]) => {
    const bucket = resource('S3', PROD, TOKYO, 'bucket');
    const point = recoveryPoint(bucket, v, undefined, extra);
    const r = checkResult(
      entity(
        awsInventory({
          resources: [bucket],
          vaults: [v],
          keys: [key],
          recoveryPoints: [point],
        }),
      ),
      'recovery-point-encrypted',
    );
    return r.findings[0];
  };
  it('A2: without CalculatedLifecycle, expiry is CreationDate + Lifecycle.DeleteAfterDays', () => {
    const f = unencrypted({
      creationDate: '2026-11-01T00:00:00.000Z',
      lifecycle: { deleteAfterDays: 35 },
    });
    expect(f.status).toBe('fail');
    expect(f.message).toBe(
      'not encrypted: the point was created unencrypted; it stays unencrypted until it expires on 2026-12-06T00:00:00.000Z',
    );
    expect(f.evidence.deleteAt).toBe('2026-12-06T00:00:00.000Z');
  });
  it('A2: CalculatedLifecycle.DeleteAt wins over the lifecycle', () => {
    const f = unencrypted({
      creationDate: '2026-11-01T00:00:00.000Z',
      lifecycle: { deleteAfterDays: 35 },
      calculatedLifecycle: { deleteAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(f.evidence.deleteAt).toBe('2026-12-01T00:00:00.000Z');
    expect(f.message).toContain('expires on 2026-12-01T00:00:00.000Z');
  });
  it('A2: "never expires" only when neither the calculated nor the rule lifecycle says otherwise', () => {
    const f = unencrypted({ lifecycle: { moveToColdStorageAfterDays: 30 } });
    expect(f.message).toBe(
      'not encrypted: the point was created unencrypted; it never expires: delete it once an encrypted point exists',
    );
    expect(f.evidence.deleteAt).toBeNull();
  });
  it('A1 pass: an encrypted point says which key', () => {
    const vol = resource('EBS', PROD, TOKYO, 'vol-1');
    const r = checkResult(
      entity(
        awsInventory({
          resources: [vol],
          vaults: [v],
          keys: [key],
          recoveryPoints: [recoveryPoint(vol, v, key)],
        }),
      ),
      'recovery-point-encrypted',
    );
    expect(r.status).toBe('pass');
    expect(r.findings[0].message).toContain('alias/vault-key');
  });
  it('A1/A2 fail: an unencrypted EBS point blames the source and shows when it expires', () => {
    const vol = resource('EBS', PROD, TOKYO, 'vol-1');
    const deleteAt = daysAhead(20);
    const point = recoveryPoint(vol, v, undefined, {
      calculatedLifecycle: { deleteAt },
    });
    const r = checkResult(
      entity(
        awsInventory({
          resources: [vol],
          vaults: [v],
          keys: [key],
          recoveryPoints: [point],
        }),
      ),
      'recovery-point-encrypted',
    );
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain(
      'source EBS resource is not encrypted',
    );
    expect(r.findings[0].message).toContain(deleteAt);
  });
  it('A2 not-applicable: no recovery points at all', () => {
    expect(
      checkResult(entity(awsInventory({})), 'recovery-point-encrypted').status,
    ).toBe('not-applicable');
  });
});

describe('key-lineage-consistent (A1, A4, A5)', () => {
  it('A5 pass: copy into a vault created with the multi-region replica', () => {
    const r = checkResult(
      auroraCrossRegionIntoReplicaVault().inventory,
      'key-lineage-consistent',
    );
    expect(r.status).toBe('pass');
  });
  it('A5 fail: expected the replica CMK, observed aws/rds', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const inv = entity({
      ...s.inventory.aws!,
      recoveryPoints: [
        s.primary,
        { ...s.copy, encryptionKeyArn: s.awsRdsOsaka.arn },
      ],
    });
    const f = findingAbout(
      checkResult(inv, 'key-lineage-consistent'),
      s.drVault.arn,
    );
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(
      /expected alias\/mrk-aurora .*got alias\/aws\/rds/,
    );
  });
  it('A4 warn: aws/rds observed as predicted for a copy into an aws/backup vault', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const f = findingAbout(
      checkResult(s.inventory, 'key-lineage-consistent'),
      s.drVault.arn,
    );
    expect(f.status).toBe('warn');
    expect(f.message).toContain('alias/aws/rds');
  });
  it('A5 unknown: the observed key could not be described', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const aws = s.inventory.aws!;
    const inv = entity({
      ...aws,
      keys: aws.keys.map(k =>
        k.arn === s.replica.arn && k.region === OSAKA
          ? {
              ...k,
              keyManager: undefined,
              aliases: [],
              error: { name: 'AccessDeniedException', message: 'denied' },
            }
          : k,
      ),
    });
    const f = findingAbout(
      checkResult(inv, 'key-lineage-consistent'),
      s.drVault.arn,
    );
    expect(f.status).toBe('unknown');
  });
  it('A5 unknown: the copy vault scope failed, so the missing copy point is not a pass', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const inv = entity({ ...s.inventory.aws!, recoveryPoints: [s.primary] }, [
      errorScope(PROD, OSAKA),
    ]);
    expect(
      findingAbout(checkResult(inv, 'key-lineage-consistent'), s.drVault.arn)
        .status,
    ).toBe('unknown');
  });
});

describe('copy-destination-key (A4)', () => {
  it('A4 fail: names the aws/rds substitution and the unused replica before it happens', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const aws = s.inventory.aws!;
    // No copy has happened yet: the prediction alone fails.
    const inv = entity({ ...aws, recoveryPoints: [], copyJobs: [] });
    const r = checkResult(inv, 'copy-destination-key');
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain('Aurora → alias/aws/rds');
    expect(r.findings[0].evidence.unusedReplicaKeyArns).toEqual([
      s.replica.arn,
    ]);
  });
  it('A4 pass: destination vault has the replica CMK', () => {
    expect(
      checkResult(
        auroraCrossRegionIntoReplicaVault().inventory,
        'copy-destination-key',
      ).status,
    ).toBe('pass');
  });
  it('A4 warn: independent types into an aws/backup vault keep aws/backup', () => {
    const key = cmk(PROD, TOKYO, 'k');
    const managed = awsManagedKey(PROD, OSAKA, 'backup');
    const src = vault(PROD, TOKYO, 'a', key);
    const dest = vault(PROD, OSAKA, 'dr', managed);
    const inv = entity(
      awsInventory({
        resources: [resource('S3', PROD, TOKYO, 'b')],
        vaults: [src, dest],
        keys: [key, managed],
        plans: [
          plan(PROD, TOKYO, [
            rule('a', {
              copyActions: [{ destinationBackupVaultArn: dest.arn }],
            }),
          ]),
        ],
      }),
    );
    expect(checkResult(inv, 'copy-destination-key').status).toBe('warn');
  });
  it('A4 unknown: the destination vault was not discovered (scope error)', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const aws = s.inventory.aws!;
    const inv = entity({ ...aws, vaults: [s.primaryVault] }, [
      errorScope(PROD, OSAKA),
    ]);
    const r = checkResult(inv, 'copy-destination-key');
    expect(r.status).toBe('unknown');
    expect(r.findings[0].message).toContain('AccessDeniedException');
  });
});

describe('backup-key-healthy (A3)', () => {
  const build = (over: Parameters<typeof cmk>[3]) => {
    const key = cmk(PROD, TOKYO, 'vault-key', over);
    const v = vault(PROD, TOKYO, 'a', key);
    const vol = resource('S3', PROD, TOKYO, 'b');
    return entity(
      awsInventory({
        resources: [vol],
        vaults: [v],
        keys: [key],
        plans: [plan(PROD, TOKYO, [rule('a')])],
        recoveryPoints: [recoveryPoint(vol, v, key)],
      }),
    );
  };
  it('A3 pass: enabled, rotated, policy lets the account use it', () => {
    expect(checkResult(build({}), 'backup-key-healthy').status).toBe('pass');
  });
  it('A3 fail: pending deletion, with the recovery points that become unrestorable', () => {
    const r = checkResult(
      build({ keyState: 'PendingDeletion', enabled: false }),
      'backup-key-healthy',
    );
    expect(r.status).toBe('fail');
    expect(r.findings[0].message).toContain('1 recovery point(s)');
    expect(r.findings[0].evidence.affectedRecoveryPointArns).toHaveLength(1);
  });
  it('A3 warn: rotation off', () => {
    expect(
      checkResult(build({ rotationEnabled: false }), 'backup-key-healthy')
        .status,
    ).toBe('warn');
  });
  it('A3 unknown: DescribeKey denied', () => {
    const r = checkResult(
      build({ error: { name: 'AccessDeniedException', message: 'denied' } }),
      'backup-key-healthy',
    );
    expect(r.status).toBe('unknown');
  });
});

describe('copy lineage helpers', () => {
  it('copyPoint links to its parent', () => {
    const key = cmk(PROD, TOKYO, 'k');
    const v = vault(PROD, TOKYO, 'a', key);
    const p = recoveryPoint(resource('S3', PROD, TOKYO, 'b'), v, key);
    expect(copyPoint(p, v, key).parentRecoveryPointArn).toBe(
      p.recoveryPointArn,
    );
  });
});
