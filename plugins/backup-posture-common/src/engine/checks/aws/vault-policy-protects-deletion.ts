import { coversAction, parsePolicy } from '../../aws/policy';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

const PROTECTED_ACTIONS = [
  'backup:DeleteRecoveryPoint',
  'backup:UpdateRecoveryPointLifecycle',
  'backup:PutBackupVaultAccessPolicy',
];

/** The vault access policy denies deletion and lifecycle/policy changes to everyone. */
export const vaultPolicyProtectsDeletion: AwsCheck = alsoUnreadVaults({
  definition: {
    id: 'vault-policy-protects-deletion',
    title: 'Vault access policy denies recovery point deletion',
    cloud: 'aws',
    severity: 'medium',
    rules: [],
    equivalentControls: {
      backupAuditManager: ['BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED'],
      note: 'The same `Deny` of `backup:DeleteRecoveryPoint`, `backup:UpdateRecoveryPointLifecycle` and `backup:PutBackupVaultAccessPolicy`; Audit Manager can exempt up to 5 IAM roles, where a deny limited to named principals warns here.',
    },
    description:
      'Each backup vault’s access policy must `Deny` `backup:DeleteRecoveryPoint`, `backup:UpdateRecoveryPointLifecycle` and `backup:PutBackupVaultAccessPolicy` to all principals (`*`). A deny limited by conditions or to named principals warns; no policy fails. Air-gapped and restore access vaults are not applicable.',
    remediation: {
      why: 'Without a deny in the vault policy, any principal with backup permissions in the account (or an attacker using it) can delete recovery points or shorten their retention.',
      console: [
        'AWS Backup → Backup vaults → the vault → Access policy → Edit.',
        'Add a Deny statement for Principal "*" on the three actions (exempt a break-glass role with a condition only if you must).',
      ],
      cli: 'aws backup put-backup-vault-access-policy --backup-vault-name <vault> --policy \'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":["backup:DeleteRecoveryPoint","backup:UpdateRecoveryPointLifecycle","backup:PutBackupVaultAccessPolicy"],"Resource":"*"}]}\'',
      terraform: [
        'resource "aws_backup_vault_policy" "deny_delete" {',
        '  backup_vault_name = aws_backup_vault.main.name',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Deny"',
        '      Principal = "*"',
        '      Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"]',
        '      Resource  = "*"',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    return ctx.aws.vaults
      .filter(v => v.vaultType === 'BACKUP_VAULT')
      .map(vault => {
        const evidence = { accessPolicy: vault.accessPolicy ?? null };
        if (vault.accessPolicy === undefined) {
          return finding(
            vault.arn,
            'unknown',
            ctx.scopeError(vault.accountId, vault.region) ??
              'access policy not read',
            evidence,
          );
        }
        if (vault.accessPolicy === null)
          return finding(
            vault.arn,
            'fail',
            'vault has no access policy',
            evidence,
          );
        const statements = parsePolicy(vault.accessPolicy);
        if (!statements)
          return finding(
            vault.arn,
            'unknown',
            'access policy is not valid JSON',
            evidence,
          );
        const denies = statements.filter(s => s.effect === 'Deny');
        const missing = PROTECTED_ACTIONS.filter(
          a => !denies.some(s => coversAction(s, a)),
        );
        if (missing.length) {
          return finding(
            vault.arn,
            'fail',
            `not denied: ${missing.join(', ')}`,
            { ...evidence, notDenied: missing },
          );
        }
        const weak = PROTECTED_ACTIONS.filter(
          a =>
            !denies.some(
              s =>
                coversAction(s, a) &&
                s.principals.includes('*') &&
                !s.hasConditions,
            ),
        );
        if (weak.length) {
          return finding(
            vault.arn,
            'warn',
            `denied only for some principals or under conditions: ${weak.join(', ')}`,
            { ...evidence, conditionallyDenied: weak },
          );
        }
        return finding(
          vault.arn,
          'pass',
          'deletion, lifecycle and policy changes are denied to everyone',
          evidence,
        );
      });
  },
});
