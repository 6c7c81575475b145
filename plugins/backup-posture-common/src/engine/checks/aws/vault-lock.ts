import { AwsCheck, alsoUnreadVaults, finding } from '../types';

/** C1: vaults are locked; compliance mode (or LAG) is immutable, governance mode is not. */
export const vaultLock: AwsCheck = alsoUnreadVaults({
  definition: {
    id: 'vault-lock',
    title: 'Backup vaults are protected by Vault Lock',
    cloud: 'aws',
    severity: 'medium',
    rules: ['C1'],
    equivalentControls: {
      backupAuditManager: ['BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK'],
      note: 'Audit Manager asks it per resource (are its backups in a locked vault), this check per vault.',
    },
    description:
      'Each backup vault’s `Locked`, `MinRetentionDays`, `MaxRetentionDays` and `LockDate`: compliance mode (lock date passed) passes, a compliance lock still in its grace period or a governance lock warns with the time left, no lock fails. Logically air-gapped vaults are always compliance-locked.',
    remediation: {
      why: 'Without a lock, anyone with enough permissions — including an attacker in the account — can delete recovery points before they expire. Governance mode can still be removed by privileged users; compliance mode cannot, by anyone, once the grace period ends.',
      console: [
        'AWS Backup → Backup vaults → the vault → Vault lock → Create vault lock.',
        'Choose the minimum and maximum retention matching your plans.',
        'Choose compliance mode with a grace period (e.g. 3 days) to test; after it the lock is immutable.',
      ],
      cli: 'aws backup put-backup-vault-lock-configuration --backup-vault-name <vault> --min-retention-days 7 --max-retention-days 365 --changeable-for-days 3',
      terraform: [
        'resource "aws_backup_vault_lock_configuration" "main" {',
        '  backup_vault_name   = aws_backup_vault.main.name',
        '  min_retention_days  = 7',
        '  max_retention_days  = 365',
        '  changeable_for_days = 3 # compliance mode after 3 days',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    return ctx.aws.vaults
      .filter(v => v.vaultType !== 'RESTORE_ACCESS_BACKUP_VAULT')
      .map(vault => {
        const evidence = {
          vaultType: vault.vaultType,
          locked: vault.locked ?? null,
          minRetentionDays: vault.minRetentionDays,
          maxRetentionDays: vault.maxRetentionDays,
          lockDate: vault.lockDate,
        };
        if (vault.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT') {
          return finding(
            vault.arn,
            'pass',
            'logically air-gapped vaults are always compliance-locked',
            evidence,
          );
        }
        if (vault.locked === undefined) {
          const why =
            ctx.scopeError(vault.accountId, vault.region) ??
            'lock state not reported';
          return finding(vault.arn, 'unknown', why, evidence);
        }
        if (!vault.locked)
          return finding(vault.arn, 'fail', 'vault is not locked', evidence);
        if (!vault.lockDate) {
          return finding(
            vault.arn,
            'warn',
            'governance-mode lock: privileged users can still remove it',
            evidence,
          );
        }
        // An unparseable lock date counts as passed (immutable), as before.
        if (ctx.clock.hasPassed(vault.lockDate) === false) {
          const daysLeft = ctx.clock.wholeDaysUntil(vault.lockDate)!;
          return finding(
            vault.arn,
            'warn',
            `compliance lock in its grace period: immutable in ${daysLeft} day(s) (${vault.lockDate})`,
            { ...evidence, graceDaysLeft: daysLeft },
          );
        }
        return finding(
          vault.arn,
          'pass',
          `compliance-mode lock since ${vault.lockDate}`,
          evidence,
        );
      });
  },
});
