import { describe, expect, it } from '@jest/globals';
import { LineageChain, LineageLink } from '../../posture';
import { evaluatePosture } from '../index';
import { MAX_COPY_HOPS } from './lineageCopies';
import { sameKey } from './lineageKeys';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyJob,
  copyPoint,
  daysAgo,
  entity,
  hoursAgo,
  NOW,
  orgCopyPolicy,
  OSAKA,
  plan,
  PROD,
  RECOVERY,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../__fixtures__/builders';

const lineageOf = (inv: ReturnType<typeof entity>): LineageChain[] =>
  evaluatePosture(inv, { now: NOW }).lineage;

const node = (chain: LineageChain, vaultName: string): LineageLink => {
  const found = chain.links.find(l => l.vaultName === vaultName);
  if (!found) throw new Error(`no node for vault ${vaultName}`);
  return found;
};

const prodKey = cmk(PROD, TOKYO, 'prod-key');
const oldKey = cmk(PROD, TOKYO, 'old-key');
const osakaKey = cmk(PROD, OSAKA, 'osaka-key');
const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
const primaryVault = vault(PROD, TOKYO, 'primary', prodKey);
const osakaVault = vault(PROD, OSAKA, 'dr', osakaKey);
const centralVault = vault(CENTRAL, TOKYO, 'central', centralKey, {
  accessPolicy: orgCopyPolicy(),
});

describe('sameKey: what A5 compares', () => {
  const owned = { manager: 'aws-owned' as const, keyArn: prodKey.arn };
  it('A5: an AWS-owned key matches an AWS-owned key whatever its ARN, and never a known customer or AWS-managed key, even under the same ARN', () => {
    expect(sameKey(owned, { manager: 'aws-owned', keyArn: 'other' })).toBe(
      true,
    );
    expect(sameKey(owned, { manager: 'customer', keyArn: prodKey.arn })).toBe(
      false,
    );
    expect(sameKey({ manager: 'customer', keyArn: prodKey.arn }, owned)).toBe(
      false,
    );
    expect(
      sameKey(owned, { manager: 'aws-managed', alias: 'alias/aws/backup' }),
    ).toBe(false);
  });

  it('A5: an AWS-owned key against a key whose manager is unknown cannot be told apart', () => {
    expect(
      sameKey(owned, { manager: 'unknown', keyArn: prodKey.arn }),
    ).toBeUndefined();
    expect(
      sameKey({ manager: 'unknown', keyArn: prodKey.arn }, owned),
    ).toBeUndefined();
  });

  it('A5: keys are the same by ARN when both ARNs are known, else by alias when both aliases are', () => {
    const customer = { manager: 'customer' as const };
    expect(
      sameKey(
        { ...customer, keyArn: prodKey.arn },
        { ...customer, keyArn: prodKey.arn },
      ),
    ).toBe(true);
    expect(
      sameKey(
        { ...customer, keyArn: prodKey.arn, alias: 'alias/a' },
        { ...customer, keyArn: oldKey.arn, alias: 'alias/a' },
      ),
    ).toBe(false);
    expect(
      sameKey(
        { ...customer, alias: 'alias/a' },
        { ...customer, alias: 'alias/a' },
      ),
    ).toBe(true);
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'aws-managed', alias: 'alias/aws/ebs' },
      ),
    ).toBe(false);
    expect(sameKey(undefined, { ...customer, keyArn: prodKey.arn })).toBe(
      undefined,
    );
    expect(sameKey({ ...customer, keyArn: prodKey.arn }, undefined)).toBe(
      undefined,
    );
  });

  it('A5: a key known only by alias against one whose manager is unknown cannot be told apart', () => {
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'unknown', keyArn: prodKey.arn },
      ),
    ).toBeUndefined();
    expect(
      sameKey(
        { manager: 'unknown', keyArn: prodKey.arn },
        { manager: 'customer', alias: 'alias/a' },
      ),
    ).toBeUndefined();
  });

  it('A5: keys known by alias on one side and ARN on the other differ when their managers differ', () => {
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'customer', keyArn: prodKey.arn },
      ),
    ).toBe(false);
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'aws-managed', keyArn: prodKey.arn },
      ),
    ).toBe(true);
    expect(
      sameKey(
        { manager: 'customer', alias: 'alias/a' },
        { manager: 'customer', keyArn: prodKey.arn },
      ),
    ).toBeUndefined();
  });
});

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

describe('the key predicted for a copy (A4, B4, B5)', () => {
  const copyTo = (
    res: ReturnType<typeof resource>,
    dest: ReturnType<typeof vault>,
    keys: ReturnType<typeof cmk>[],
  ) => {
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [res],
          vaults: [primaryVault, dest],
          keys: [prodKey, ...keys],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: dest.arn }],
              }),
            ]),
          ],
        }),
      ),
    );
    return node(chain, dest.name);
  };

  it('B4/B5: a cross-account copy of an RDS database on a CMK into a CMK vault is predicted with the destination vault’s key, neither blocked nor flagged', () => {
    const db = resource('RDS', PROD, TOKYO, 'orders', {
      encryptionKeyArn: prodKey.arn,
    });
    const copy = copyTo(db, centralVault, [centralKey]);
    expect(copy.blocked).toBeUndefined();
    expect(copy.expectedKey).toMatchObject({
      keyArn: centralKey.arn,
      manager: 'customer',
    });
    expect(copy.issues).toEqual([]);
  });

  it('B5: a cross-account destination vault whose key was not described is not flagged (its manager is unknown)', () => {
    const undescribed = vault(
      CENTRAL,
      TOKYO,
      'central-undescribed',
      centralKey,
      {
        accessPolicy: orgCopyPolicy(),
      },
    );
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const copy = copyTo(fs, undescribed, []);
    expect(copy.expectedKey).toMatchObject({
      keyArn: centralKey.arn,
      manager: 'unknown',
    });
    expect(copy.issues).toEqual([]);
  });

  it('A4: an EBS volume copied into an aws/backup vault is predicted on aws/ebs (not aws/rds), and the A4 warning names it', () => {
    const backupOsaka = awsManagedKey(PROD, OSAKA, 'backup');
    const ebsOsaka = awsManagedKey(PROD, OSAKA, 'ebs');
    const rdsOsaka = awsManagedKey(PROD, OSAKA, 'rds');
    const dest = vault(PROD, OSAKA, 'dr-managed', backupOsaka);
    const vol = resource('EBS', PROD, TOKYO, 'vol-1', {
      encryptionKeyArn: prodKey.arn,
    });
    const copy = copyTo(vol, dest, [backupOsaka, ebsOsaka, rdsOsaka]);
    expect(copy.expectedKey).toMatchObject({
      keyArn: ebsOsaka.arn,
      alias: 'alias/aws/ebs',
      manager: 'aws-managed',
    });
    expect(copy.issues).toEqual([
      {
        rule: 'A4',
        message:
          'destination vault dr-managed uses alias/aws/backup (AWS-managed): EBS copies get alias/aws/ebs, not a customer-managed key',
      },
    ]);
  });

  it('A1: a copy of a resource type whose encryption model is unknown predicts no key, so no key mismatch is claimed', () => {
    const fsx = resource('FSx', PROD, TOKYO, 'fs-0abc');
    const primaryPoint = recoveryPoint(fsx, primaryVault, prodKey);
    const copy = copyPoint(primaryPoint, osakaVault, prodKey);
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fsx],
          vaults: [primaryVault, osakaVault],
          keys: [prodKey, osakaKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: osakaVault.arn }],
              }),
            ]),
          ],
          recoveryPoints: [primaryPoint, copy],
        }),
      ),
    );
    expect(chain.encryptionModel).toBe('unknown');
    expect(node(chain, 'primary').expectedKey).toBeUndefined();
    const dr = node(chain, 'dr');
    expect(dr.expectedKey).toBeUndefined();
    expect(dr.observedKey?.keyArn).toBe(prodKey.arn);
    expect(dr.issues).toEqual([]);
  });
});

describe('key lineage through vaults discovery did not read (A5)', () => {
  it('A5: a copy into a vault whose facts were not read still shows its account, region and name from its ARN, with no key predicted', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault],
          keys: [prodKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: centralVault.arn }],
              }),
            ]),
          ],
        }),
      ),
    );
    const copy = chain.links.find(l => l.vaultArn === centralVault.arn);
    expect(copy).toMatchObject({
      kind: 'copy',
      account: CENTRAL,
      region: TOKYO,
      vaultName: 'central',
      parentId: primaryVault.arn,
      copyState: 'configured',
      issues: [],
    });
    expect(copy?.vaultType).toBeUndefined();
    expect(copy?.expectedKey).toBeUndefined();
  });
});

describe('key lineage: which evidence names a copy’s parent (A5)', () => {
  it('A5: when copy jobs from two vaults reached the same vault, the newest job names the parent, whatever order they were listed in', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const primaryPoint = recoveryPoint(fs, primaryVault, prodKey);
    const centralPoint = copyPoint(primaryPoint, centralVault, centralKey);
    const recoveryKey = cmk(RECOVERY, TOKYO, 'recovery-key');
    const recoveryVault = vault(RECOVERY, TOKYO, 'recovery', recoveryKey, {
      accessPolicy: orgCopyPolicy(),
    });
    // First copied straight from the primary vault, since then from the central vault.
    const older = copyJob(fs, primaryVault, recoveryVault, 'COMPLETED', {
      copyJobId: 'from-primary',
      creationDate: daysAgo(10),
    });
    const newer = copyJob(fs, centralVault, recoveryVault, 'COMPLETED', {
      copyJobId: 'from-central',
      accountId: CENTRAL,
      creationDate: hoursAgo(5),
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, centralVault, recoveryVault],
          keys: [prodKey, centralKey, recoveryKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: centralVault.arn }],
              }),
            ]),
          ],
          recoveryPoints: [primaryPoint, centralPoint],
          copyJobs: [older, newer],
        }),
      ),
    );
    expect(node(chain, 'recovery')).toMatchObject({
      parentId: centralVault.arn,
      depth: 3,
      via: { kind: 'copy-job', label: 'copy job from-central' },
      copyState: 'completed',
    });
  });

  it('B9: a copy’s state comes from the newest job between its parent and it, not a newer failed job from another vault into it', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const primaryPoint = recoveryPoint(fs, primaryVault, prodKey);
    const centralPoint = copyPoint(primaryPoint, centralVault, centralKey);
    const drPoint = copyPoint(primaryPoint, osakaVault, osakaKey);
    const fromPrimary = copyJob(fs, primaryVault, osakaVault, 'COMPLETED', {
      copyJobId: 'from-primary',
      creationDate: daysAgo(1),
    });
    const fromCentral = copyJob(fs, centralVault, osakaVault, 'FAILED', {
      copyJobId: 'from-central',
      accountId: CENTRAL,
      creationDate: hoursAgo(2),
      statusMessage: 'Access denied',
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, osakaVault, centralVault],
          keys: [prodKey, osakaKey, centralKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: centralVault.arn }],
              }),
            ]),
          ],
          recoveryPoints: [primaryPoint, centralPoint, drPoint],
          copyJobs: [fromPrimary, fromCentral],
        }),
      ),
    );
    expect(node(chain, 'dr')).toMatchObject({
      parentId: primaryVault.arn,
      via: {
        kind: 'copy-job',
        label: 'copy job from-primary',
        state: 'COMPLETED',
      },
      copyState: 'completed',
      issues: [],
    });
  });

  it('B2/B9: a failed copy job is an issue on its copy, under the rule its message is explained by, else B9', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const primaryPoint = recoveryPoint(fs, primaryVault, prodKey);
    const denied =
      'Access denied: not authorized to perform backup:CopyIntoBackupVault';
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, osakaVault, centralVault],
          keys: [prodKey, osakaKey, centralKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [
                  { destinationBackupVaultArn: centralVault.arn },
                  { destinationBackupVaultArn: osakaVault.arn },
                ],
              }),
            ]),
          ],
          recoveryPoints: [primaryPoint],
          copyJobs: [
            copyJob(fs, primaryVault, centralVault, 'FAILED', {
              statusMessage: denied,
            }),
            copyJob(fs, primaryVault, osakaVault, 'ABORTED'),
          ],
        }),
      ),
    );
    expect(node(chain, 'central')).toMatchObject({
      copyState: 'failed',
      copyStatusMessage: denied,
      via: { kind: 'copy-action', state: 'FAILED' },
      issues: [{ rule: 'B2', message: `latest copy job FAILED: ${denied}` }],
    });
    expect(node(chain, 'dr')).toMatchObject({
      copyState: 'failed',
      issues: [{ rule: 'B9', message: 'latest copy job ABORTED' }],
    });
    expect(node(chain, 'dr').copyStatusMessage).toBeUndefined();
  });

  it('A5/B5: a copy destination of the plan that forwards copies, with no point of its own yet, is a copy (not an earlier primary); its onward copy inside the central account is not cross-account', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const centralManaged = awsManagedKey(CENTRAL, TOKYO, 'backup');
    const archive = vault(CENTRAL, TOKYO, 'archive', centralManaged);
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, centralVault, archive],
          keys: [prodKey, centralKey, centralManaged],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: centralVault.arn }],
              }),
            ]),
          ],
          copyJobs: [
            copyJob(fs, centralVault, archive, 'COMPLETED', {
              copyJobId: 'to-archive',
              accountId: CENTRAL,
            }),
          ],
        }),
      ),
    );
    expect(node(chain, 'central')).toMatchObject({
      kind: 'copy',
      parentId: primaryVault.arn,
      depth: 2,
      via: { kind: 'copy-action', label: 'payments-plan / daily' },
      copyState: 'configured',
    });
    expect(node(chain, 'archive')).toMatchObject({
      parentId: centralVault.arn,
      depth: 3,
      account: CENTRAL,
      expectedKey: { keyArn: centralManaged.arn, manager: 'aws-managed' },
      issues: [],
    });
  });

  it('B4: a second hop from a copy that got aws/rds (A4) cannot leave the account, even when that copy has no point yet', () => {
    const backupOsaka = awsManagedKey(PROD, OSAKA, 'backup');
    const rdsOsaka = awsManagedKey(PROD, OSAKA, 'rds');
    const managed = vault(PROD, OSAKA, 'dr-managed', backupOsaka);
    const db = resource('RDS', PROD, TOKYO, 'orders', {
      encryptionKeyArn: prodKey.arn,
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [db],
          vaults: [primaryVault, managed, centralVault],
          keys: [prodKey, backupOsaka, rdsOsaka, centralKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [{ destinationBackupVaultArn: managed.arn }],
              }),
            ]),
          ],
          // The copy into dr-managed is still running; a job in Osaka copies on to central.
          copyJobs: [
            copyJob(db, primaryVault, managed, 'RUNNING'),
            copyJob(db, managed, centralVault, 'RUNNING', {
              copyJobId: 'onward',
              region: OSAKA,
            }),
          ],
        }),
      ),
    );
    expect(node(chain, 'dr-managed')).toMatchObject({
      expectedKey: { keyArn: rdsOsaka.arn, manager: 'aws-managed' },
    });
    expect(node(chain, 'dr-managed').observedKey).toBeUndefined();
    const central = node(chain, 'central');
    expect(central).toMatchObject({
      parentId: managed.arn,
      depth: 3,
      blocked: true,
    });
    expect(central.issues).toEqual([
      {
        rule: 'B4',
        message: `RDS is encrypted with alias/aws/rds (AWS-managed): it cannot be copied to account ${CENTRAL} (AWS-managed keys cannot be shared)`,
      },
    ]);
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

describe('the primary vaults of key lineage (A5)', () => {
  it('A5: a vault holding primary points that no rule targets is a primary, named by the plan that made them or as an on-demand backup', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const other = vault(PROD, TOKYO, 'other', prodKey);
    const byOldPlan = recoveryPoint(fs, osakaVault, osakaKey, {
      createdBy: { backupPlanId: 'old-plan' },
    });
    const onDemand = recoveryPoint(fs, other, prodKey);
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, osakaVault, other],
          keys: [prodKey, osakaKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary'),
              rule('primary', { ruleId: 'weekly', ruleName: 'weekly' }),
            ]),
          ],
          recoveryPoints: [byOldPlan, onDemand],
        }),
      ),
    );
    expect(chain.links.map(l => [l.kind, l.vaultName, l.via?.label])).toEqual([
      ['source', undefined, undefined],
      ['primary', 'primary', 'payments-plan / daily'],
      ['primary', 'dr', 'plan old-plan'],
      ['primary', 'other', 'on-demand backup'],
    ]);
    expect(node(chain, 'dr')).toMatchObject({
      parentId: 'source',
      depth: 1,
      recoveryPointArn: byOldPlan.recoveryPointArn,
      observedKey: { keyArn: osakaKey.arn },
      expectedKey: { keyArn: osakaKey.arn },
      issues: [],
    });
  });

  it('A5: the chains of an entity’s resources come in the order of their ARNs, whatever order discovery listed them in', () => {
    const chains = lineageOf(
      entity(
        awsInventory({
          resources: ['fs-3', 'fs-1', 'fs-2'].map(n =>
            resource('EFS', PROD, TOKYO, n),
          ),
          vaults: [primaryVault],
          keys: [prodKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
        }),
      ),
    );
    expect(chains.map(c => c.resourceArn.split('/').pop())).toEqual([
      'fs-1',
      'fs-2',
      'fs-3',
    ]);
  });

  it('A5: copy jobs of another resource of the entity do not add vaults to this resource’s lineage', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const fs2 = resource('EFS', PROD, TOKYO, 'fs-2');
    const chains = lineageOf(
      entity(
        awsInventory({
          resources: [fs, fs2],
          vaults: [primaryVault, centralVault],
          keys: [prodKey, centralKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
          copyJobs: [copyJob(fs2, primaryVault, centralVault, 'COMPLETED')],
        }),
      ),
    );
    const mine = chains.find(c => c.resourceArn === fs.arn)!;
    expect(mine.links.map(l => l.vaultName)).toEqual([undefined, 'primary']);
    const theirs = chains.find(c => c.resourceArn === fs2.arn)!;
    expect(theirs.links.map(l => l.vaultName)).toEqual([
      undefined,
      'primary',
      'central',
    ]);
  });
});

describe('how far key lineage follows copies (A5)', () => {
  const fs = resource('EFS', PROD, TOKYO, 'fs-1');
  const hopVaults = [1, 2, 3, 4, 5].map(i =>
    vault(PROD, OSAKA, `hop-${i}`, osakaKey),
  );
  const jobsAlong = (vaults: ReturnType<typeof vault>[]) =>
    vaults.map((to, i) =>
      copyJob(fs, i === 0 ? primaryVault : vaults[i - 1], to, 'COMPLETED', {
        copyJobId: `hop-${i + 1}`,
      }),
    );
  const chainWith = (copyJobs: ReturnType<typeof copyJob>[]) =>
    lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, ...hopVaults],
          keys: [prodKey, osakaKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
          copyJobs,
        }),
      ),
    )[0];

  it('A5: copies are followed at most MAX_COPY_HOPS (4) hops from the primary vault', () => {
    expect(MAX_COPY_HOPS).toBe(4);
    const chain = chainWith(jobsAlong(hopVaults));
    expect(chain.links.map(l => [l.vaultName, l.depth])).toEqual([
      [undefined, 0],
      ['primary', 1],
      ['hop-1', 2],
      ['hop-2', 3],
      ['hop-3', 4],
      ['hop-4', 5],
    ]);
  });

  it('A5: a copy made by a job is labelled with the newest job between its parent and it, not a newer job from the same parent elsewhere', () => {
    const [first, second] = hopVaults;
    const chain = chainWith([
      ...jobsAlong([first, second]),
      copyJob(fs, first, hopVaults[4], 'FAILED', {
        copyJobId: 'elsewhere',
        creationDate: hoursAgo(1),
      }),
    ]);
    expect(node(chain, 'hop-2')).toMatchObject({
      parentId: first.arn,
      via: { kind: 'copy-job', label: 'copy job hop-2', state: 'COMPLETED' },
      copyState: 'completed',
    });
  });

  it('A5: a copy job from a vault into itself is no edge: the vault hangs under the vault it was copied from, and its own copies follow', () => {
    const [first, second] = hopVaults;
    const chain = chainWith([
      ...jobsAlong([first, second]),
      // A newer job names first as both its source and destination.
      copyJob(fs, first, first, 'COMPLETED', {
        copyJobId: 'within',
        creationDate: hoursAgo(1),
      }),
    ]);
    expect(chain.links.map(l => [l.vaultName, l.parentId])).toEqual([
      [undefined, undefined],
      ['primary', 'source'],
      ['hop-1', primaryVault.arn],
      ['hop-2', first.arn],
    ]);
    expect(node(chain, 'hop-1').via).toEqual({
      kind: 'copy-job',
      label: 'copy job hop-1',
      state: 'COMPLETED',
    });
  });
});
