import { describe, expect, it } from '@jest/globals';
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
