import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  awsManagedKey,
  CENTRAL,
  cmk,
  copyPoint,
  entity,
  orgCopyPolicy,
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
  osakaKey,
  centralKey,
  primaryVault,
  osakaVault,
  centralVault,
} from './__testUtils__/lineageEvidence';

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
