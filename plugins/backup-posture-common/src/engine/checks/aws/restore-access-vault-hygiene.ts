import { Finding } from '../../../posture';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

/** C3: restore access vaults come from a known LAG vault and are revoked when no longer needed. */
export const restoreAccessVaultHygiene: AwsCheck = alsoUnreadVaults(
  {
    definition: {
      id: 'restore-access-vault-hygiene',
      title: 'Restore access vaults are traceable and short-lived',
      cloud: 'aws',
      severity: 'low',
      rules: ['C3'],
      equivalentControls: {},
      description:
        'Each `RESTORE_ACCESS_BACKUP_VAULT` (discovered directly or listed under its air-gapped vault): the source vault (`SourceBackupVaultArn`) is known and its age is within the restore-access age limit.',
      remediation: {
        why: 'A restore access vault opens the air-gapped recovery points to another account (C3). Once the restore is done it should be revoked, so the emergency path does not become a standing door.',
        console: [
          'AWS Backup → Backup vaults → the restore access vault → check its source vault.',
          'When the recovery is complete: Revoke restore access (from the air-gapped vault’s account) or delete the restore access vault.',
        ],
        cli: 'aws backup revoke-restore-access-backup-vault --backup-vault-name <lag-vault> --restore-access-backup-vault-arn <arn> --requester-comment "restore finished"',
        terraform:
          '# Restore access vaults are created by an MPA request, not by Terraform; revoke them with the CLI.',
      },
    },
    evaluate({ ctx }) {
      const seen = new Map<string, Finding>();
      const limit = ctx.limits.maxRestoreAccessVaultAgeDays;
      const judge = (
        arn: string,
        source: string | undefined,
        created: string | undefined,
        state: string | undefined,
      ) => {
        const evidence = {
          sourceBackupVaultArn: source,
          creationDate: created,
          vaultState: state,
          maxAgeDays: limit,
        };
        if (!source)
          return finding(
            arn,
            'warn',
            'source air-gapped vault unknown',
            evidence,
          );
        const tooOld = ctx.clock.isOlderThan(created, limit * 86_400_000);
        if (tooOld === undefined)
          return finding(arn, 'unknown', 'creation date unknown', evidence);
        const age = ctx.clock.wholeDaysSince(created)!;
        if (tooOld)
          return finding(
            arn,
            'warn',
            `restore access open for ${age} days (limit ${limit}): revoke it if the restore is done`,
            evidence,
          );
        return finding(
          arn,
          'pass',
          `from ${source}, ${age} days old`,
          evidence,
        );
      };
      for (const v of ctx.aws.vaults.filter(
        x => x.vaultType === 'RESTORE_ACCESS_BACKUP_VAULT',
      )) {
        seen.set(
          v.arn,
          judge(v.arn, v.sourceBackupVaultArn, v.creationDate, v.vaultState),
        );
      }
      for (const lag of ctx.aws.vaults) {
        for (const r of lag.restoreAccessVaults ?? []) {
          if (!seen.has(r.restoreAccessBackupVaultArn)) {
            seen.set(
              r.restoreAccessBackupVaultArn,
              judge(
                r.restoreAccessBackupVaultArn,
                lag.arn,
                r.creationDate,
                r.vaultState,
              ),
            );
          }
        }
      }
      return [...seen.values()];
    },
  },
  true,
);
