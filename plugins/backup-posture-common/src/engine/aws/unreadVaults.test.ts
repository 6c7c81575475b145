import { describe, expect, it } from '@jest/globals';
import {
  awsInventory,
  CENTRAL,
  cmk,
  copyJob,
  entity,
  errorScope,
  OSAKA,
  plan,
  PROD,
  RECOVERY,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
  vaultArn,
  VIRGINIA,
} from '../__fixtures__/builders';
import { checkResult } from '../__fixtures__/run';

/**
 * Vaults the entity depends on but whose scan failed (engine/aws/context.ts `unreadVaults`): each is
 * one unknown finding of the vault checks, with the vault type the references tell — an air-gapped
 * rule target, a copy job's destination type, a recovery point's vault type — and a vault that
 * was read is judged on its facts, never listed as unread.
 */
const key = cmk(PROD, TOKYO, 'vault-key');
const primary = vault(PROD, TOKYO, 'orders', key);
const orders = resource('S3', PROD, TOKYO, 'orders');
const lagArn = `arn:aws:backup:${OSAKA}:${RECOVERY}:logically-air-gapped-backup-vault:lag`;
const jobDest = vaultArn(CENTRAL, OSAKA, 'central');
const readCentral = vault(CENTRAL, OSAKA, 'central-read', undefined, {
  locked: true,
});
const pointVault = vault(CENTRAL, VIRGINIA, 'old-copies', undefined);
const protectingPlan = plan(PROD, TOKYO, [
  rule('orders', {
    copyActions: [{ destinationBackupVaultArn: readCentral.arn }],
  }),
  rule('lag', { targetLogicallyAirGappedBackupVaultArn: lagArn }),
]);
const inventory = entity(
  awsInventory({
    resources: [orders],
    plans: [protectingPlan],
    vaults: [primary, readCentral],
    keys: [key],
    copyJobs: [
      copyJob(orders, primary, jobDest, 'COMPLETED', {
        destinationVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
      }),
      // No type of its own: the air-gapped rule target still tells it.
      copyJob(orders, primary, lagArn, 'COMPLETED'),
    ],
    recoveryPoints: [
      recoveryPoint(orders, pointVault, undefined, {
        sourceBackupVaultArn: primary.arn,
      }),
      // No type of its own: the copy job still tells it.
      recoveryPoint(
        orders,
        vault(CENTRAL, OSAKA, 'central', undefined),
        undefined,
        {
          sourceBackupVaultArn: primary.arn,
          vaultType: undefined,
        },
      ),
    ],
  }),
  [
    errorScope(RECOVERY, OSAKA),
    errorScope(CENTRAL, OSAKA),
    errorScope(CENTRAL, VIRGINIA),
  ],
);
const denied = (account: string, region: string) =>
  `vault not read: scan of account ${account} in ${region} failed: AccessDeniedException: not authorized to perform backup:ListBackupVaults`;

describe('vaults that could not be read', () => {
  it('vault-lock unknown: one finding per unread vault, typed by the air-gapped rule target, the copy job or the recovery point', () => {
    const unread = checkResult(inventory, 'vault-lock').findings.filter(f =>
      f.message.startsWith('vault not read'),
    );
    expect(unread).toEqual([
      {
        subject: jobDest,
        status: 'unknown',
        message: denied(CENTRAL, OSAKA),
        evidence: {
          backupVaultArn: jobDest,
          vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        },
      },
      {
        subject: lagArn,
        status: 'unknown',
        message: denied(RECOVERY, OSAKA),
        evidence: {
          backupVaultArn: lagArn,
          vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        },
      },
      {
        subject: pointVault.arn,
        status: 'unknown',
        message: denied(CENTRAL, VIRGINIA),
        evidence: { backupVaultArn: pointVault.arn, vaultType: 'BACKUP_VAULT' },
      },
    ]);
  });

  it('vault-lock: a vault that was read is judged on its facts even though its scope failed, and is not listed as unread', () => {
    const findings = checkResult(inventory, 'vault-lock').findings.filter(
      f => f.subject === readCentral.arn,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).not.toMatch(/^vault not read/);
  });

  it('air-gapped-vault-recovery-ready unknown: only the unread vaults that are or may be air-gapped', () => {
    const subjects = checkResult(inventory, 'air-gapped-vault-recovery-ready')
      .findings.filter(f => f.message.startsWith('vault not read'))
      .map(f => f.subject);
    expect(subjects).toEqual([jobDest, lagArn]);
  });
});
