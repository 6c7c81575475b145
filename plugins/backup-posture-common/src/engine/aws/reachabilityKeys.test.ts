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
  resource,
  rule,
  selection,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import { AwsInventory, AwsKmsKeyFact } from '../../inventory';

/**
 * Which keys belong to an entity (engine/aws/reachability.ts): the keys of its vaults, points, copy
 * jobs and resources, and the keys a prediction may name — the AWS-managed fallback keys (A4:
 * aws/rds, aws/ebs… where copies land) and the multi-region relatives of reached keys (A4: the
 * unused replica). Nothing else in the estate.
 */
const vaultKey = cmk(PROD, TOKYO, 'vault-key');
const primary = vault(PROD, TOKYO, 'orders', vaultKey);
const copyVault = vault(PROD, OSAKA, 'orders-copy', undefined);
const orders = resource('RDS', PROD, TOKYO, 'orders');
const copying = plan(PROD, TOKYO, [
  rule('orders', {
    copyActions: [{ destinationBackupVaultArn: copyVault.arn }],
  }),
]);

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

describe('reachability: vaults and scopes', () => {
  it('A5: a copied recovery point brings the vault it was copied from, even one no plan or copy job names any more', () => {
    const earlier = vault(PROD, TOKYO, 'earlier', undefined);
    const copy = recoveryPoint(orders, copyVault, undefined, {
      sourceBackupVaultArn: earlier.arn,
    });
    const r = reachableFrom(
      [orders],
      lookupOf(
        awsInventory({
          resources: [orders],
          vaults: [earlier, copyVault],
          recoveryPoints: [copy],
        }),
      ),
    );
    expect(r.vaultArns).toEqual([earlier.arn, copyVault.arn].sort());
    expect(r.vaults.map(v => v.name).sort()).toEqual([
      'earlier',
      'orders-copy',
    ]);
  });

  it('restore access vaults are reached both from their source vault and from the vault’s own list', () => {
    const bySource = vault(PROD, TOKYO, 'restore-a', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: primary.arn,
    });
    const listed = vault(PROD, TOKYO, 'restore-b', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
    });
    const withList = {
      ...primary,
      restoreAccessVaults: [{ restoreAccessBackupVaultArn: listed.arn }],
    };
    const neighbour = vault(PROD, TOKYO, 'restore-c', undefined, {
      vaultType: 'RESTORE_ACCESS_BACKUP_VAULT',
      sourceBackupVaultArn: vault(PROD, TOKYO, 'other', undefined).arn,
    });
    const r = reachableFrom(
      [orders],
      lookupOf(
        awsInventory({
          resources: [orders],
          plans: [copying],
          vaults: [withList, copyVault, bySource, listed, neighbour],
        }),
      ),
    );
    expect(r.vaults.map(v => v.name).sort()).toEqual([
      'orders',
      'orders-copy',
      'restore-a',
      'restore-b',
    ]);
  });

  it('a plan without an ARN is still told apart by account, region and id; a plan covering two resources is listed once', () => {
    const other = resource('RDS', PROD, TOKYO, 'orders-replica');
    const noArn = { ...copying, planArn: '' };
    const second = { ...copying, planArn: '', planId: 'second' };
    const r = reachableFrom(
      [orders, other],
      lookupOf(
        awsInventory({
          resources: [orders, other],
          plans: [noArn, second],
          vaults: [primary, copyVault],
        }),
      ),
    );
    expect(r.plans.map(p => p.planId)).toEqual([copying.planId, 'second']);
    expect(r.excludingPlans).toEqual([]);
    expect(r.scopeKeys).toEqual([`${PROD}/${TOKYO}`, `${PROD}/${OSAKA}`]);
  });

  it('the scopes of evidence come from resources, plans and every named vault, found or not, and never from an ARN without account or region', () => {
    const s3 = resource('S3', PROD, TOKYO, 'bucket');
    const missing = 'arn:aws:backup:us-east-1:555555555555:backup-vault:gone';
    const r = reachableFrom(
      [s3],
      lookupOf(
        awsInventory({
          resources: [s3],
          plans: [
            plan(PROD, TOKYO, [
              rule('orders', {
                copyActions: [
                  { destinationBackupVaultArn: missing },
                  { destinationBackupVaultArn: 'not-an-arn' },
                ],
              }),
            ]),
          ],
          vaults: [primary],
        }),
      ),
    );
    expect(r.vaultArns).toEqual([missing, primary.arn, 'not-an-arn'].sort());
    expect(r.scopeKeys).toEqual([`${PROD}/${TOKYO}`, '555555555555/us-east-1']);
  });
});

describe('reachability: plans that protect or explain', () => {
  it('the scopes of evidence are listed in order, whatever order they were met in', () => {
    const osaka = resource('RDS', PROD, OSAKA, 'orders-osaka');
    const osakaPlan = plan(PROD, OSAKA, [
      rule('orders', {
        copyActions: [{ destinationBackupVaultArn: primary.arn }],
      }),
    ]);
    const r = reachableFrom(
      [osaka],
      lookupOf(awsInventory({ resources: [osaka], plans: [osakaPlan] })),
    );
    expect(r.scopeKeys).toEqual([`${PROD}/${TOKYO}`, `${PROD}/${OSAKA}`]);
  });

  it('a plan that protects one resource of the entity and leaves out another is no excluding plan, whichever comes first', () => {
    const left = resource('RDS', PROD, TOKYO, 'left-out');
    const both = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          resources: ['arn:aws:rds:*:*:db:*'],
          notResources: [left.arn],
          listOfTags: [],
        }),
      ],
    );
    const lookup = lookupOf(
      awsInventory({ resources: [orders, left], plans: [both] }),
    );
    for (const order of [
      [orders, left],
      [left, orders],
    ]) {
      const r = reachableFrom(order, lookup);
      expect(r.plans).toEqual([both]);
      expect(r.excludingPlans).toEqual([]);
    }
  });

  it('a plan that selects the resource in one of its selections covers it', () => {
    const covering = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          selectionName: 'by-team-tag',
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'team',
              conditionValue: 'search',
            },
          ],
        }),
        selection(),
      ],
    );
    const r = reachableFrom(
      [orders],
      lookupOf(awsInventory({ resources: [orders], plans: [covering] })),
    );
    expect(r.plans).toEqual([covering]);
    expect(r.vaultArns).toEqual([primary.arn]);
  });

  it('a plan with one selection that names the resource and leaves it out, beside another selection, still explains', () => {
    const excluding = plan(
      PROD,
      TOKYO,
      [rule('orders')],
      [
        selection({
          selectionName: 'by-team-tag',
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'team',
              conditionValue: 'search',
            },
          ],
        }),
        selection({
          selectionName: 'all-databases',
          resources: ['arn:aws:rds:*:*:db:*'],
          notResources: [orders.arn],
          listOfTags: [],
        }),
      ],
      'databases',
    );
    const r = reachableFrom(
      [orders],
      lookupOf(awsInventory({ resources: [orders], plans: [excluding] })),
    );
    expect(r.plans).toEqual([]);
    expect(r.excludingPlans.map(p => p.planName)).toEqual(['databases']);
  });
});
