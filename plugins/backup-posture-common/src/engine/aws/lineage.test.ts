import { describe, expect, it } from '@jest/globals';
import { LineageChain } from '../../posture';
import { evaluatePosture } from '../index';
import {
  auroraCrossRegionIntoAwsBackupVault,
  auroraCrossRegionIntoReplicaVault,
  rdsWithAwsManagedKeyCrossAccount,
} from '../__fixtures__/scenarios';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyPoint,
  entity,
  NOW,
  orgCopyPolicy,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../__fixtures__/builders';

const lineageOf = (inv: ReturnType<typeof entity>): LineageChain[] =>
  evaluatePosture(inv, { now: NOW }).lineage;

describe('key lineage', () => {
  it('A4: Aurora copied into an aws/backup vault is expected and observed as aws/rds, replica unused', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const [chain] = lineageOf(s.inventory);
    expect(chain.encryptionModel).toBe('source-dependent');
    expect(chain.links.map(l => l.kind)).toEqual(['source', 'primary', 'copy']);
    const [source, primary, copy] = chain.links;
    expect(source.observedKey?.keyArn).toBe(s.sourceKey.arn);
    expect(source.observedKey?.manager).toBe('customer');
    // A1: source-dependent primary keeps the source key, not the vault key
    expect(primary.expectedKey?.keyArn).toBe(s.sourceKey.arn);
    expect(primary.observedKey?.keyArn).toBe(s.sourceKey.arn);
    expect(primary.issues).toEqual([]);
    expect(copy.region).toBe('ap-northeast-3');
    expect(copy.expectedKey).toMatchObject({
      alias: 'alias/aws/rds',
      manager: 'aws-managed',
      keyArn: s.awsRdsOsaka.arn,
    });
    expect(copy.observedKey?.keyArn).toBe(s.awsRdsOsaka.arn);
    expect(copy.copyState).toBe('completed');
    const a4 = copy.issues.find(i => i.rule === 'A4');
    expect(a4?.message).toContain('alias/aws/rds');
    expect(a4?.message).toContain(s.replica.arn);
  });

  it('A1: an unknown source key of a source-dependent type is inferred from its primary point, no false mismatch', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const aws = s.inventory.aws!;
    // Discovery calls no RDS API, so the resource's own key is usually unknown.
    const inv = entity({
      ...aws,
      resources: aws.resources.map(r => ({
        ...r,
        encryptionKeyArn: undefined,
      })),
    });
    const [source, primary, copy] = lineageOf(inv)[0].links;
    expect(source.observedKey).toMatchObject({
      keyArn: s.sourceKey.arn,
      manager: 'customer',
      inferred: true,
    });
    expect(primary.expectedKey?.keyArn).toBe(s.sourceKey.arn);
    expect(primary.issues).toEqual([]);
    // The prediction for the copy still follows A4 from the inferred source key.
    expect(copy.expectedKey?.alias).toBe('alias/aws/rds');
  });

  it('A4: the vault created with the multi-region replica gives the copy the replica key, no issue', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const copy = lineageOf(s.inventory)[0].links[2];
    expect(copy.expectedKey?.keyArn).toBe(s.replica.arn);
    expect(copy.observedKey?.keyArn).toBe(s.replica.arn);
    expect(copy.issues).toEqual([]);
  });

  it('A5: flags a mismatch between the predicted CMK and an observed aws/rds copy', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const aws = s.inventory.aws!;
    const wrongCopy = { ...s.copy, encryptionKeyArn: s.awsRdsOsaka.arn };
    const inv = entity({ ...aws, recoveryPoints: [s.primary, wrongCopy] });
    const copy = lineageOf(inv)[0].links[2];
    expect(copy.issues).toEqual([
      expect.objectContaining({
        rule: 'A5',
        message: expect.stringContaining('got alias/aws/rds'),
      }),
    ]);
  });

  it('B4: cross-account copy of an RDS resource encrypted with aws/rds is blocked and failed', () => {
    const s = rdsWithAwsManagedKeyCrossAccount();
    const copy = lineageOf(s.inventory)[0].links.find(l => l.kind === 'copy')!;
    expect(copy.account).toBe(CENTRAL);
    expect(copy.expectedKey).toBeUndefined();
    expect(copy.copyState).toBe('failed');
    expect(copy.copyStatusMessage).toContain('cannot be shared');
    expect(copy.issues.map(i => i.rule)).toEqual(
      expect.arrayContaining(['B4']),
    );
  });

  it('A1/B5: an independent type uses each vault key; a cross-account aws/backup destination is flagged', () => {
    const vaultKey = cmk(PROD, TOKYO, 'vault-key');
    const centralManaged = awsManagedKey(CENTRAL, TOKYO, 'backup');
    const bucket = resource('S3', PROD, TOKYO, 'payments-bucket');
    const primaryVault = vault(PROD, TOKYO, 'payments', vaultKey);
    const centralVault = vault(CENTRAL, TOKYO, 'central', centralManaged, {
      accessPolicy: orgCopyPolicy(),
    });
    const primary = recoveryPoint(bucket, primaryVault, vaultKey);
    const copy = copyPoint(primary, centralVault, centralManaged);
    const inv = entity(
      awsInventory({
        resources: [bucket],
        vaults: [primaryVault, centralVault],
        keys: [vaultKey, centralManaged],
        plans: [
          plan(PROD, TOKYO, [
            rule('payments', {
              copyActions: [{ destinationBackupVaultArn: centralVault.arn }],
            }),
          ]),
        ],
        recoveryPoints: [primary, copy],
      }),
    );
    const [chain] = lineageOf(inv);
    expect(chain.encryptionModel).toBe('independent');
    expect(chain.links[0].observedKey).toBeUndefined();
    expect(chain.links[1].expectedKey?.keyArn).toBe(vaultKey.arn);
    expect(chain.links[2].expectedKey?.keyArn).toBe(centralManaged.arn);
    expect(chain.links[2].issues.map(i => i.rule)).toEqual(['B5']);
  });

  it('A2: an unencrypted primary point is an issue on its link', () => {
    const vol = resource('EBS', PROD, TOKYO, 'vol-1');
    const primaryVault = vault(
      PROD,
      TOKYO,
      'payments',
      cmk(PROD, TOKYO, 'vault-key'),
    );
    const inv = entity(
      awsInventory({
        resources: [vol],
        vaults: [primaryVault],
        keys: [],
        plans: [plan(PROD, TOKYO, [rule('payments')])],
        recoveryPoints: [recoveryPoint(vol, primaryVault, undefined)],
      }),
    );
    const primary = lineageOf(inv)[0].links[1];
    expect(primary.issues.map(i => i.rule)).toContain('A2');
  });

  it('a configured copy without a copied point (primary exists) is missing', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const inv = entity({
      ...s.inventory.aws!,
      recoveryPoints: [s.primary],
      copyJobs: [],
    });
    expect(lineageOf(inv)[0].links[2].copyState).toBe('missing');
  });

  it('LAG: copies into an air-gapped vault get the vault key even for source-dependent types', () => {
    const s = auroraCrossRegionIntoReplicaVault();
    const lag = vault(PROD, TOKYO, 'lag', undefined, {
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
      locked: true,
    });
    const aws = s.inventory.aws!;
    const inv = entity({
      ...aws,
      vaults: [...aws.vaults, lag],
      plans: [
        plan(PROD, TOKYO, [
          rule('payments', {
            copyActions: [{ destinationBackupVaultArn: lag.arn }],
          }),
        ]),
      ],
    });
    const link = lineageOf(inv)[0].links.find(l => l.vaultArn === lag.arn)!;
    expect(link.expectedKey?.manager).toBe('aws-owned');
    expect(link.issues).toEqual([]);
  });
});

describe('key lineage without alias mapping', () => {
  it('A4/A5: a predicted aws/rds key known only by alias matches an AWS-managed observed key and mismatches a CMK', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const aws = s.inventory.aws!;
    // Discovery could not map alias/aws/rds to its key (ListAliases without TargetKeyId).
    const keys = aws.keys.map(k =>
      k.arn === s.awsRdsOsaka.arn ? { ...k, aliases: [] } : k,
    );
    const copy = lineageOf(entity({ ...aws, keys }))[0].links[2];
    expect(copy.expectedKey).toMatchObject({
      alias: 'alias/aws/rds',
      keyArn: undefined,
    });
    expect(copy.issues.map(i => i.rule)).toEqual(['A4']);
    const a4Only = evaluatePosture(entity({ ...aws, keys }), {
      now: NOW,
    }).checks.find(c => c.checkId === 'key-lineage-consistent')!;
    // as predicted (warn for A4), not unknown: the observed key is AWS-managed like the prediction
    expect(
      a4Only.findings.find(f => f.subject.includes(s.drVault.arn))?.status,
    ).toBe('warn');
    const wrong = { ...s.copy, encryptionKeyArn: s.replica.arn };
    const copy2 = lineageOf(
      entity({ ...aws, keys, recoveryPoints: [s.primary, wrong] }),
    )[0].links[2];
    expect(copy2.issues.map(i => i.rule)).toEqual(['A4', 'A5']);
  });
});
