import { describe, expect, it } from '@jest/globals';
import { LineageChain, LineageLink } from '../../posture';
import { evaluatePosture } from '../index';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyJob,
  copyPoint,
  daysAgo,
  entity,
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

// One EFS file system (independent: every copy takes its vault's key, A1/B5) backed up in Tokyo,
// copied to Osaka and to the central account by the plan, and from the central account on to an
// air-gapped vault in the recovery account by a copy job started there (a second hop).
const prodKey = cmk(PROD, TOKYO, 'prod-key');
const osakaKey = cmk(PROD, OSAKA, 'osaka-key');
const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
const primaryVault = vault(PROD, TOKYO, 'primary', prodKey);
const osakaVault = vault(PROD, OSAKA, 'dr', osakaKey);
const centralVault = vault(CENTRAL, TOKYO, 'central', centralKey, {
  accessPolicy: orgCopyPolicy(),
});
const lag = vault(RECOVERY, TOKYO, 'lag', undefined, {
  vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
  encryptionKeyType: 'AWS_OWNED_KMS_KEY',
  locked: true,
});
const fs = resource('EFS', PROD, TOKYO, 'fs-1');
const primaryPoint = recoveryPoint(fs, primaryVault, prodKey);
const osakaPoint = copyPoint(primaryPoint, osakaVault, osakaKey);
const centralPoint = copyPoint(primaryPoint, centralVault, centralKey);
const lagPoint = copyPoint(centralPoint, lag, undefined, {
  isEncrypted: true,
  encryptionKeyType: 'AWS_OWNED_KMS_KEY',
});
const secondHop = copyJob(fs, centralVault, lag, 'COMPLETED', {
  copyJobId: 'hop-2',
  accountId: CENTRAL,
  sourceRecoveryPointArn: centralPoint.recoveryPointArn,
  destinationRecoveryPointArn: lagPoint.recoveryPointArn,
});
const twoHops = () =>
  entity(
    awsInventory({
      resources: [fs],
      vaults: [primaryVault, osakaVault, centralVault, lag],
      keys: [prodKey, osakaKey, centralKey],
      plans: [
        plan(PROD, TOKYO, [
          rule('primary', {
            ruleName: 'daily',
            copyActions: [
              { destinationBackupVaultArn: osakaVault.arn },
              { destinationBackupVaultArn: centralVault.arn },
            ],
          }),
        ]),
      ],
      recoveryPoints: [primaryPoint, osakaPoint, centralPoint, lagPoint],
      copyJobs: [secondHop],
    }),
  );

describe('key lineage is a graph (A5)', () => {
  it('A5: two copies made from the primary both name the primary as parent, not each other', () => {
    const [chain] = lineageOf(twoHops());
    const primary = node(chain, 'primary');
    expect(primary).toMatchObject({
      parentId: 'source',
      depth: 1,
      via: { kind: 'backup-rule', label: 'payments-plan / daily' },
    });
    for (const name of ['dr', 'central']) {
      expect(node(chain, name)).toMatchObject({
        kind: 'copy',
        parentId: primaryVault.arn,
        depth: 2,
        via: { kind: 'copy-action', label: 'payments-plan / daily' },
        copyState: 'completed',
      });
    }
  });

  it('A5: a second hop started in the central account names the central vault as parent, with its copy job', () => {
    const [chain] = lineageOf(twoHops());
    const air = node(chain, 'lag');
    expect(air).toMatchObject({
      kind: 'copy',
      account: RECOVERY,
      parentId: centralVault.arn,
      depth: 3,
      via: { kind: 'copy-job', label: 'copy job hop-2', state: 'COMPLETED' },
      recoveryPointArn: lagPoint.recoveryPointArn,
      copyState: 'completed',
      observedKey: { manager: 'aws-owned' },
    });
    // Every node but the source names a parent that is itself a node of the chain.
    const ids = new Set(chain.links.map(l => l.id));
    for (const l of chain.links.slice(1))
      expect(ids.has(l.parentId!)).toBe(true);
    expect(chain.links.map(l => l.depth)).toEqual([0, 1, 2, 2, 3]);
  });

  it('A5: the second hop is predicted with the air-gapped vault’s own key and no B5 warning (air-gapped vaults may use AWS-owned keys)', () => {
    const [chain] = lineageOf(twoHops());
    const air = node(chain, 'lag');
    expect(air.expectedKey?.manager).toBe('aws-owned');
    expect(air.issues).toEqual([]);
  });

  it('A5: a point of another resource of the same entity, or an older point in the same vault, does not feed the chain', () => {
    const other = resource('EFS', PROD, TOKYO, 'fs-2');
    const otherPoint = recoveryPoint(other, osakaVault, undefined, {
      creationDate: NOW,
    });
    const older = copyPoint(primaryPoint, osakaVault, prodKey, {
      creationDate: daysAgo(30),
    });
    const inv = twoHops();
    inv.aws!.resources.push(other);
    inv.aws!.recoveryPoints.push(otherPoint, older);
    const chain = lineageOf(inv).find(c => c.resourceArn === fs.arn)!;
    const dr = node(chain, 'dr');
    expect(dr.recoveryPointArn).toBe(osakaPoint.recoveryPointArn);
    expect(dr.observedKey?.keyArn).toBe(osakaKey.arn);
    expect(dr.issues).toEqual([]);
  });

  it('A4: the aws/rds key predicted for an RDS copy is the one in the destination account and region', () => {
    const rdsTokyo = awsManagedKey(PROD, TOKYO, 'rds');
    const rdsOsaka = awsManagedKey(PROD, OSAKA, 'rds');
    const rdsCentral = awsManagedKey(CENTRAL, OSAKA, 'rds');
    const backupOsaka = awsManagedKey(PROD, OSAKA, 'backup');
    const db = resource('RDS', PROD, TOKYO, 'orders', {
      encryptionKeyArn: prodKey.arn,
    });
    const dest = vault(PROD, OSAKA, 'dr-managed', backupOsaka);
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [db],
          vaults: [primaryVault, dest],
          keys: [prodKey, rdsTokyo, rdsOsaka, rdsCentral, backupOsaka],
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
    const copy = node(chain, 'dr-managed');
    expect(copy.expectedKey).toMatchObject({
      keyArn: rdsOsaka.arn,
      alias: 'alias/aws/rds',
      manager: 'aws-managed',
    });
    expect(copy.copyState).toBe('configured');
    expect(copy.issues.map(i => i.rule)).toEqual(['A4']);
  });

  it('B4: a same-account cross-region RDS copy on aws/rds is not blocked; a cross-account one is, and says why', () => {
    const rdsTokyo = awsManagedKey(PROD, TOKYO, 'rds');
    const db = resource('RDS', PROD, TOKYO, 'orders', {
      encryptionKeyArn: rdsTokyo.arn,
      encryptionKeySource: 'rds:DescribeDBInstances',
    });
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [db],
          vaults: [primaryVault, osakaVault, centralVault],
          keys: [prodKey, osakaKey, centralKey, rdsTokyo],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary', {
                copyActions: [
                  { destinationBackupVaultArn: osakaVault.arn },
                  { destinationBackupVaultArn: centralVault.arn },
                ],
              }),
            ]),
          ],
        }),
      ),
    );
    expect(chain.links[0]).toMatchObject({
      keySource: 'rds:DescribeDBInstances',
      observedKey: { keyArn: rdsTokyo.arn, manager: 'aws-managed' },
    });
    const dr = node(chain, 'dr');
    expect(dr.blocked).toBeUndefined();
    expect(dr.issues.some(i => i.rule === 'B4')).toBe(false);
    const central = node(chain, 'central');
    expect(central.blocked).toBe(true);
    expect(central.expectedKey).toBeUndefined();
    expect(central.issues).toEqual([
      {
        rule: 'B4',
        message: `RDS is encrypted with alias/aws/rds (AWS-managed): it cannot be copied to account ${CENTRAL} (AWS-managed keys cannot be shared)`,
      },
    ]);
  });

  it('A1: a source key that could not be read says why, and nothing is inferred for an independent type', () => {
    const denied = {
      ...fs,
      encryptionKeyError: {
        name: 'AccessDeniedException',
        message:
          'not authorized to perform elasticfilesystem:DescribeFileSystems',
      },
    };
    const inv = twoHops();
    inv.aws!.resources = [denied];
    const [chain] = lineageOf(inv);
    expect(chain.links[0].observedKey).toBeUndefined();
    expect(chain.links[0].keyUnknownReason).toBe(
      "the resource's key could not be read: AccessDeniedException: not authorized to perform elasticfilesystem:DescribeFileSystems",
    );
  });

  it('A5: what AWS recorded beats the configuration: a point copied from the central vault hangs under it, even where a rule copies from the primary', () => {
    const inv = twoHops();
    // The plan also copies straight to the air-gapped vault, but no such copy exists: the point
    // there came from the central vault.
    inv.aws!.plans[0].rules[0].copyActions.push({
      destinationBackupVaultArn: lag.arn,
    });
    inv.aws!.copyJobs = [];
    const [chain] = lineageOf(inv);
    expect(node(chain, 'lag')).toMatchObject({
      parentId: centralVault.arn,
      depth: 3,
      via: { kind: 'copy-job', label: 'copy (seen on the recovery point)' },
      copyState: 'completed',
    });
  });

  it('A5: a vault copies came from that no rule targets any more still shows as a primary, marked as an earlier backup', () => {
    const inv = twoHops();
    inv.aws!.plans = [];
    inv.aws!.recoveryPoints = inv.aws!.recoveryPoints.filter(
      p => p !== primaryPoint,
    );
    const [chain] = lineageOf(inv);
    expect(node(chain, 'primary')).toMatchObject({
      kind: 'primary',
      parentId: 'source',
      via: { kind: 'backup-rule', label: 'earlier backup' },
    });
    expect(node(chain, 'dr').parentId).toBe(primaryVault.arn);
    expect(node(chain, 'lag').parentId).toBe(centralVault.arn);
  });
});
