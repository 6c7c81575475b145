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
} from '../../../__fixtures__/builders';
import { checkResult, findingAbout } from '../../../__fixtures__/run';
import {
  auroraCrossRegionIntoAwsBackupVault,
  auroraCrossRegionIntoReplicaVault,
} from '../../../__fixtures__/scenarios';

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
