import { describe, expect, it } from '@jest/globals';
import { lookupOf, reachableFrom } from './reachability';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyJob,
  keyArn,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  rule,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import { AwsInventory, AwsKmsKeyFact } from '../../inventory';
import {
  vaultKey,
  primary,
  copyVault,
  orders,
  copying,
} from './__testUtils__/reachabilityEstate';

/**
 * Which keys belong to an entity (engine/aws/reachability.ts): the keys of its vaults, points, copy
 * jobs and resources, and the keys a prediction may name — the AWS-managed fallback keys (A4:
 * aws/rds, aws/ebs… where copies land) and the multi-region relatives of reached keys (A4: the
 * unused replica). Nothing else in the estate.
 */
const reachedKeys = (parts: Partial<AwsInventory>, keys: AwsKmsKeyFact[]) =>
  reachableFrom(
    parts.resources ?? [orders],
    lookupOf(
      awsInventory({
        resources: [orders],
        plans: [copying],
        vaults: [primary, copyVault],
        ...parts,
        keys,
      }),
    ),
  )
    .keys.map(k => k.keyId)
    .sort();

describe('reachability: which keys are the entity’s', () => {
  it('A4: the AWS-managed fallback keys in every scope the entity names are reached; another CMK there is not', () => {
    const rdsOsaka = awsManagedKey(PROD, OSAKA, 'rds', {
      aliases: ['alias/legacy-db', 'alias/aws/rds'],
    });
    const ebsTokyo = awsManagedKey(PROD, TOKYO, 'ebs');
    const stranger = cmk(PROD, OSAKA, 'someone-elses');
    const elsewhere = awsManagedKey(CENTRAL, OSAKA, 'rds');
    expect(
      reachedKeys({}, [vaultKey, rdsOsaka, ebsTokyo, stranger, elsewhere]),
    ).toEqual([ebsTokyo.keyId, rdsOsaka.keyId, 'vault-key'].sort());
  });

  it('A4: a multi-region relative is reached by the replica list either way, by a shared primary, or by its mrk- id in the same account', () => {
    const mrk = cmk(PROD, TOKYO, 'mrk-1', {
      replicaKeyArns: [keyArn(PROD, OSAKA, 'listed-replica')],
    });
    const listed = cmk(PROD, OSAKA, 'listed-replica');
    const sameId = cmk(PROD, OSAKA, 'mrk-1');
    const pointsBack = cmk(PROD, OSAKA, 'points-back', {
      replicaKeyArns: [vaultKey.arn],
    });
    const sharesPrimary = cmk(PROD, OSAKA, 'shares-primary', {
      primaryKeyArn: mrk.arn,
    });
    const mrkVault = vault(PROD, TOKYO, 'orders', mrk);
    expect(
      reachedKeys({ vaults: [mrkVault, copyVault] }, [
        mrk,
        listed,
        sameId,
        sharesPrimary,
      ]),
    ).toEqual(['listed-replica', 'mrk-1', 'mrk-1', 'shares-primary']);
    expect(reachedKeys({}, [vaultKey, pointsBack])).toEqual([
      'points-back',
      'vault-key',
    ]);
  });

  it('A4: keys that are not relatives stay out — a single-region key, a replica of another primary, an mrk- id of another account', () => {
    const mrk = cmk(PROD, TOKYO, 'mrk-1');
    const mrkVault = vault(PROD, TOKYO, 'orders', mrk);
    const copyInCentral = vault(CENTRAL, OSAKA, 'orders-copy', undefined);
    const centralPlan = plan(PROD, TOKYO, [
      rule('orders', {
        copyActions: [{ destinationBackupVaultArn: copyInCentral.arn }],
      }),
    ]);
    const otherPrimary = cmk(PROD, OSAKA, 'replica-of-other', {
      primaryKeyArn: keyArn(PROD, TOKYO, 'mrk-other'),
    });
    const singleRegion = cmk(PROD, OSAKA, 'plain', { multiRegion: false });
    const otherAccount = cmk(CENTRAL, OSAKA, 'mrk-1');
    expect(
      reachedKeys({ vaults: [mrkVault, copyVault] }, [
        mrk,
        otherPrimary,
        singleRegion,
      ]),
    ).toEqual(['mrk-1']);
    expect(
      reachedKeys({ vaults: [mrkVault, copyInCentral], plans: [centralPlan] }, [
        mrk,
        otherAccount,
      ]),
    ).toEqual(['mrk-1']);
  });

  it('A4: a primary key (multiRegion, no primaryKeyArn) and its replica naming it are relatives', () => {
    const mrk = cmk(PROD, TOKYO, 'primary-mrk', { multiRegion: true });
    const replica = cmk(PROD, OSAKA, 'its-replica', {
      primaryKeyArn: mrk.arn,
    });
    expect(
      reachedKeys({ vaults: [vault(PROD, TOKYO, 'orders', mrk), copyVault] }, [
        mrk,
        replica,
      ]),
    ).toEqual(['its-replica', 'primary-mrk']);
  });

  it('A1/A2: the keys of recovery points, copy jobs and the resource itself are reached', () => {
    const pointKey = cmk(PROD, TOKYO, 'point-key');
    const jobKey = cmk(CENTRAL, OSAKA, 'job-key');
    const sourceKey = cmk(PROD, TOKYO, 'source-key');
    const unrelated = cmk(CENTRAL, OSAKA, 'unrelated');
    const withKey = { ...orders, encryptionKeyArn: sourceKey.arn };
    const point = recoveryPoint(withKey, primary, pointKey);
    const job = copyJob(withKey, primary, copyVault, 'COMPLETED', {
      destinationEncryptionKeyArn: jobKey.arn,
    });
    expect(
      reachedKeys(
        {
          resources: [withKey],
          recoveryPoints: [point],
          copyJobs: [job],
        },
        [vaultKey, pointKey, jobKey, sourceKey, unrelated],
      ),
    ).toEqual(['job-key', 'point-key', 'source-key', 'vault-key']);
  });
});
