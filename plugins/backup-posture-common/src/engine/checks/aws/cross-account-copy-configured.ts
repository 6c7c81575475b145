import { evaluateCopyConfigured } from './copyConfigured';
import { AwsCheck } from '../types';

/** B1: each resource is copied to another account (and the copy happens). */
export const crossAccountCopyConfigured: AwsCheck = {
  definition: {
    id: 'cross-account-copy-configured',
    title: 'Resources are copied to another account',
    cloud: 'aws',
    severity: 'medium',
    rules: ['B1'],
    equivalentControls: {
      backupAuditManager: ['BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT'],
    },
    description:
      'Each resource’s protecting plan rules have a copy action whose destination vault is in another account; the outcome comes from the lineage. Readiness is evaluated by cross-account-copy-ready.',
    remediation: {
      why: 'If the workload account is compromised, copies in the same account can be deleted with it. A copy in a separate backup account of the organization survives (B1).',
      console: [
        'Central backup account → create a vault with a customer-managed key and an access policy allowing the organization (see cross-account-copy-ready).',
        'Workload account → Backup plans → rule → Copy to destination → "Copy to another account’s vault" → the vault ARN.',
      ],
      cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # CopyActions[].DestinationBackupVaultArn in the backup account',
      terraform: [
        'copy_action {',
        '  destination_vault_arn = "arn:aws:backup:<region>:<backup-account>:backup-vault:central"',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx, lineage }) {
    return evaluateCopyConfigured(ctx, lineage, 'account');
  },
};
