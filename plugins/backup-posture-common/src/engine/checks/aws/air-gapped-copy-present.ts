import { instantWords } from '../../clock';
import { AwsCheck, finding, unreadVaultFindings } from '../types';

/** C1/C2: each resource has a recent copy in a logically air-gapped vault. */
export const airGappedCopyPresent: AwsCheck = {
  definition: {
    id: 'air-gapped-copy-present',
    title: 'Resources have a recent air-gapped copy',
    cloud: 'aws',
    severity: 'medium',
    rules: ['C1', 'C2'],
    equivalentControls: {
      backupAuditManager: ['RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT'],
    },
    description:
      'Per resource, the newest recovery point in a `LOGICALLY_AIR_GAPPED_BACKUP_VAULT` (point `VaultType` or its vault) must be younger than the air-gapped age limit.',
    remediation: {
      why: 'A logically air-gapped vault is compliance-locked and can be shared with a recovery account (C1, C2): it is the copy that survives a compromised workload account or ransomware.',
      console: [
        'AWS Backup → Backup vaults → Create logically air-gapped vault (set min/max retention).',
        'Backup plans → the plan → rule → Copy to destination → choose the air-gapped vault (or target it directly).',
        'Share the vault with a recovery account through AWS RAM.',
      ],
      cli: [
        'aws backup create-logically-air-gapped-backup-vault --backup-vault-name <name> --min-retention-days 7 --max-retention-days 90',
        'aws ram create-resource-share --name lag-share --resource-arns <lag-vault-arn> --principals <recovery-account-id>',
      ].join('\n'),
      terraform: [
        'resource "aws_backup_logically_air_gapped_vault" "lag" {',
        '  name               = "lag"',
        '  min_retention_days = 7',
        '  max_retention_days = 90',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    const limit = ctx.limits.maxAirGappedCopyAgeDays;
    return ctx.aws.resources.map(resource => {
      const lagPoints = ctx.aws.recoveryPoints
        .filter(
          p =>
            p.resourceArn === resource.arn &&
            (p.vaultType ?? ctx.vault(p.backupVaultArn)?.vaultType) ===
              'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
        )
        .sort((a, b) => b.creationDate.localeCompare(a.creationDate));
      const newest = lagPoints[0];
      const evidence = {
        recoveryPointArn: newest?.recoveryPointArn,
        backupVaultArn: newest?.backupVaultArn,
        creationDate: newest?.creationDate,
        maxAgeDays: limit,
      };
      if (!newest) {
        // Copies may sit in an air-gapped vault whose account could not be read, or in one the
        // entity names without telling its type: absence is then not evidence.
        const lagVaultErrors = [
          ...ctx.aws.vaults
            .filter(v => v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT')
            .map(v => ctx.scopeError(v.accountId, v.region)),
          ...unreadVaultFindings(ctx, true).map(f => f.message),
        ].filter(Boolean);
        const scopeError =
          ctx.scopeError(resource.accountId, resource.region) ??
          lagVaultErrors[0];
        return scopeError
          ? finding(
              resource.arn,
              'unknown',
              `no air-gapped copy seen, but data is missing: ${scopeError}`,
              evidence,
            )
          : finding(
              resource.arn,
              'fail',
              'no recovery point in a logically air-gapped vault',
              evidence,
            );
      }
      // Reasons say when, not how long ago: they hold until the verdict turns (validUntil).
      const tooOld =
        ctx.clock.isOlderThan(newest.creationDate, limit * 86_400_000) ?? true;
      const when = instantWords(newest.creationDate);
      return tooOld
        ? finding(
            resource.arn,
            'fail',
            `newest air-gapped copy is from ${when}, older than the limit of ${limit} days`,
            evidence,
          )
        : finding(
            resource.arn,
            'pass',
            `air-gapped copy from ${when}, within ${limit} days`,
            evidence,
          );
    });
  },
};
