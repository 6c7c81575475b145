import { evaluateCopyConfigured } from './copyConfigured';
import { AwsCheck } from '../types';

/** A4: each resource is copied to another region (and the copy happens). */
export const crossRegionCopyConfigured: AwsCheck = {
  definition: {
    id: 'cross-region-copy-configured',
    title: 'Resources are copied to another region',
    cloud: 'aws',
    severity: 'medium',
    rules: ['A4'],
    equivalentControls: {
      backupAuditManager: ['BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION'],
    },
    description:
      'Each resource’s protecting plan rules have a copy action whose destination vault is in another region; the outcome (completed, failed, missing) comes from the lineage. A configured copy that fails or never ran warns.',
    remediation: {
      why: 'A regional outage or a region-wide incident takes the primary recovery points with it. Remember A4: the copy gets the destination vault’s key, so create that vault with a customer-managed (or replica multi-region) key first.',
      console: [
        'Destination region → AWS Backup → Create backup vault with a customer-managed key.',
        'Backup plans → the plan → rule → Copy to destination → choose the destination region and vault.',
      ],
      cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # Rules[].CopyActions[{"DestinationBackupVaultArn":"arn:aws:backup:<other-region>:<account>:backup-vault:<vault>"}]',
      terraform: [
        'rule {',
        '  # ...',
        '  copy_action {',
        '    destination_vault_arn = aws_backup_vault.dr_region.arn',
        '  }',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx, lineage }) {
    return evaluateCopyConfigured(ctx, lineage, 'region');
  },
};
