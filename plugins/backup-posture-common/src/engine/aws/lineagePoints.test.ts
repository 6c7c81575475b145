import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  copyPoint,
  daysAgo,
  entity,
  hoursAgo,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import {
  lineageOf,
  node,
  prodKey,
  oldKey,
  osakaKey,
  centralKey,
  primaryVault,
  osakaVault,
  centralVault,
} from './__testUtils__/lineageEvidence';

describe('key lineage follows the newest point of each vault (A5)', () => {
  it('A5: the newest primary and copy points show the key, whatever order discovery listed them in', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    // Discovery lists the older points first: the vault's key changed since (old-key → prod-key).
    const olderPrimary = recoveryPoint(fs, primaryVault, oldKey, {
      creationDate: daysAgo(30),
    });
    const newerPrimary = recoveryPoint(fs, primaryVault, prodKey, {
      creationDate: hoursAgo(6),
    });
    const olderCopy = copyPoint(olderPrimary, osakaVault, oldKey);
    const newerCopy = copyPoint(newerPrimary, osakaVault, osakaKey);
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, osakaVault],
          keys: [prodKey, oldKey, osakaKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: osakaVault.arn }],
              }),
            ]),
          ],
          recoveryPoints: [olderPrimary, olderCopy, newerPrimary, newerCopy],
        }),
      ),
    );
    expect(node(chain, 'primary')).toMatchObject({
      recoveryPointArn: newerPrimary.recoveryPointArn,
      recoveryPointCreatedAt: newerPrimary.creationDate,
      observedKey: { keyArn: prodKey.arn, manager: 'customer' },
      issues: [],
    });
    expect(node(chain, 'dr')).toMatchObject({
      recoveryPointArn: newerCopy.recoveryPointArn,
      observedKey: { keyArn: osakaKey.arn },
      issues: [],
    });
  });

  it('A1: the source key of a source-dependent type is inferred from the newest primary point, not an older one', () => {
    const db = resource('RDS', PROD, TOKYO, 'orders');
    const older = recoveryPoint(db, primaryVault, oldKey, {
      creationDate: daysAgo(30),
    });
    const newer = recoveryPoint(db, primaryVault, prodKey, {
      creationDate: hoursAgo(6),
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [db],
          vaults: [primaryVault],
          keys: [prodKey, oldKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
          recoveryPoints: [older, newer],
        }),
      ),
    );
    expect(chain.links[0].observedKey).toMatchObject({
      keyArn: prodKey.arn,
      inferred: true,
    });
    expect(node(chain, 'primary').issues).toEqual([]);
  });
});

describe('key lineage of recovery points whose resource is not listed (A5)', () => {
  it('A5: a copy in the central account of a resource the entity does not list gets no chain (points reach lineage only through the entity’s resources)', () => {
    const db = resource('RDS', PROD, TOKYO, 'orders');
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const primaryPoint = recoveryPoint(db, primaryVault, prodKey);
    const copy = copyPoint(primaryPoint, centralVault, centralKey);
    const chains = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [centralVault],
          keys: [centralKey],
          recoveryPoints: [copy],
        }),
      ),
    );
    expect(chains.map(c => c.resourceArn)).toEqual([fs.arn]);
    expect(chains[0].links.map(l => l.kind)).toEqual(['source']);
  });
});

describe('key lineage when recorded copies contradict each other (A5)', () => {
  it('A5: two vaults whose points say each was copied from the other still hang under the configured copy on the last hop', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const primaryPoint = recoveryPoint(fs, primaryVault, prodKey);
    const third = vault(PROD, OSAKA, 'third', osakaKey);
    // Points say dr came from third and third from dr (e.g. points of a loop of copy jobs); the
    // plan copies primary → dr.
    const drPoint = recoveryPoint(fs, osakaVault, osakaKey, {
      sourceBackupVaultArn: third.arn,
    });
    const thirdPoint = recoveryPoint(fs, third, osakaKey, {
      sourceBackupVaultArn: osakaVault.arn,
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, osakaVault, third],
          keys: [prodKey, osakaKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: osakaVault.arn }],
              }),
            ]),
          ],
          recoveryPoints: [primaryPoint, drPoint, thirdPoint],
        }),
      ),
    );
    expect(node(chain, 'dr')).toMatchObject({
      kind: 'copy',
      parentId: primaryVault.arn,
      via: { kind: 'copy-action', label: 'payments-plan / daily' },
      recoveryPointArn: drPoint.recoveryPointArn,
      copyState: 'completed',
    });
    expect(chain.links.some(l => l.vaultName === 'third')).toBe(false);
  });
});

describe('the source node of key lineage (A1)', () => {
  it('A1: the source key is inferred from the newest encrypted primary point in a standard vault, not from an air-gapped vault’s, an unencrypted one or one in an unread vault', () => {
    const db = resource('RDS', PROD, TOKYO, 'orders', {
      encryptionKeySource: 'rds:DescribeDBInstances',
    });
    const lag = vault(PROD, TOKYO, 'lag', undefined, {
      vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    });
    const unread = vault(PROD, TOKYO, 'unread', prodKey);
    const inStandard = recoveryPoint(db, primaryVault, prodKey, {
      creationDate: daysAgo(3),
    });
    const inLag = recoveryPoint(db, lag, undefined, {
      creationDate: daysAgo(1),
      isEncrypted: true,
      encryptionKeyArn: 'arn:aws:kms:ap-northeast-1:000000000000:key/aws-owned',
      encryptionKeyType: 'AWS_OWNED_KMS_KEY',
    });
    const unencrypted = recoveryPoint(db, primaryVault, undefined, {
      creationDate: daysAgo(2),
    });
    const inUnread = recoveryPoint(db, unread, oldKey, {
      creationDate: daysAgo(4),
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [db],
          vaults: [primaryVault, lag],
          keys: [prodKey, oldKey],
          recoveryPoints: [inUnread, inStandard, inLag, unencrypted],
        }),
      ),
    );
    const source = chain.links[0];
    expect(source.observedKey).toMatchObject({
      keyArn: prodKey.arn,
      manager: 'customer',
      inferred: true,
    });
    // The resource's key source read no key: it names no source for the inferred key.
    expect(source).not.toHaveProperty('keySource');
    expect(source.issues).toEqual([]);
    // A1: a source-dependent type's primary point in an air-gapped vault takes the vault's key.
    expect(node(chain, 'lag')).toMatchObject({
      kind: 'primary',
      expectedKey: { manager: 'aws-owned' },
      observedKey: { manager: 'aws-owned' },
      issues: [],
    });
    expect(node(chain, 'unread')).toMatchObject({
      kind: 'primary',
      expectedKey: { keyArn: prodKey.arn },
      observedKey: { keyArn: oldKey.arn },
      issues: [
        {
          rule: 'A5',
          message:
            'expected alias/prod-key (customer-managed), got alias/old-key (customer-managed)',
        },
      ],
    });
  });
});
