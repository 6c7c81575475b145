import { AwsKmsKeyFact } from '../../../inventory';
import { Finding } from '../../../posture';
import {
  describeKey,
  encryptionModelOf,
  fallbackAliasOf,
} from '../../aws/classify';
import {
  failedKeyRead,
  failedKeyReadReason,
  withKeyReads,
} from '../../keyFreshness';
import { AwsCheck, finding } from '../types';
import { CopyActionRef, copyActionsOf } from './copyActions';

/** A4: a copy's key is the destination vault's; source-dependent types fall back to aws/rds, aws/ebs… */
export const copyDestinationKey: AwsCheck = {
  definition: {
    id: 'copy-destination-key',
    title: 'Copy destinations give copies a customer-managed key',
    cloud: 'aws',
    severity: 'high',
    rules: ['A4'],
    equivalentControls: {},
    description:
      'For each copy action, the destination vault’s key against the resource types the plan selects. RDS/Aurora/DocumentDB/Neptune copied into a vault with `aws/backup` get `aws/rds` (EBS/EC2 get `aws/ebs`), even when a multi-region replica of the source key exists there: the substitution is named before it happens.',
    remediation: {
      why: 'A backup rule’s copy action has no key setting: the destination vault decides the key (A4). A vault with aws/backup silently turns RDS/Aurora copies into aws/rds copies, which cannot be shared or controlled by your key policy. A multi-region key is used only if the destination vault is created with that replica.',
      console: [
        'KMS (destination region) → create a customer-managed key, or replicate the source multi-region key there (Key → Regionality → Create replica keys).',
        'AWS Backup (destination region) → Create backup vault with that key.',
        'AWS Backup → Backup plans → edit the rule → Copy to destination → choose the new vault.',
      ],
      cli: [
        'aws kms replicate-key --key-id <mrk-source-key-arn> --replica-region <dest-region>',
        'aws backup create-backup-vault --region <dest-region> --backup-vault-name <name>-cmk --encryption-key-arn <replica-key-arn>',
        'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # CopyActions[].DestinationBackupVaultArn',
      ].join('\n'),
      terraform: [
        'resource "aws_kms_replica_key" "dr" {',
        '  provider        = aws.dr_region',
        '  primary_key_arn = aws_kms_key.rds.arn # multi_region = true',
        '}',
        '',
        'resource "aws_backup_vault" "dr" {',
        '  provider    = aws.dr_region',
        '  name        = "dr-cmk"',
        '  kms_key_arn = aws_kms_replica_key.dr.arn',
        '}',
        '',
        '# in aws_backup_plan rule { copy_action { destination_vault_arn = aws_backup_vault.dr.arn } }',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    return copyActionsOf(ctx).map(ref => {
      const keyFact = ctx.keys.get(
        ctx.vault(ref.action.destinationBackupVaultArn)?.encryptionKeyArn,
      );
      // The verdict on the destination key says when the key was read if this scan's read failed.
      return withKeyReads(judge(ref, keyFact), [{ fact: keyFact }]);
    });
    function judge(
      ref: CopyActionRef,
      keyFact: AwsKmsKeyFact | undefined,
    ): Finding {
      const vault = ctx.vault(ref.action.destinationBackupVaultArn);
      const types = [...new Set(ref.resources.map(r => r.resourceType))].sort();
      const sourceDependent = types.filter(
        t => encryptionModelOf(t) === 'source-dependent',
      );
      const evidence = {
        destinationBackupVaultArn: ref.action.destinationBackupVaultArn,
        destinationKeyArn: vault?.encryptionKeyArn,
        resourceTypes: types,
      };
      if (!vault) {
        const reason =
          ctx.scopeError(ref.destAccount, ref.destRegion) ??
          'destination vault was not discovered (account or region not scanned)';
        return finding(
          ref.subject,
          'unknown',
          `destination key unknown: ${reason}`,
          evidence,
        );
      }
      const key = ctx.keys.resolveVaultKey(vault);
      const withManager = {
        ...evidence,
        destinationKeyManager: key.manager,
        destinationKeyAlias: key.alias,
      };
      if (key.manager === 'customer') {
        return finding(
          ref.subject,
          'pass',
          `copies get ${describeKey(key)}`,
          withManager,
        );
      }
      if (key.manager === 'unknown') {
        const err = failedKeyRead(keyFact);
        return finding(
          ref.subject,
          'unknown',
          `destination key manager unknown${err ? `: ${failedKeyReadReason(err)}` : ''}`,
          withManager,
        );
      }
      if (key.manager === 'aws-managed' && sourceDependent.length > 0) {
        const subs = sourceDependent
          .map(t => `${t} → ${fallbackAliasOf(t)}`)
          .join(', ');
        const replicas = ref.resources
          .filter(
            r =>
              encryptionModelOf(r.resourceType) === 'source-dependent' &&
              r.encryptionKeyArn,
          )
          .map(
            r =>
              ctx.keys.findMultiRegionRelative(
                r.encryptionKeyArn!,
                ref.destRegion,
              )?.arn,
          )
          .filter((a): a is string => Boolean(a));
        const replicaNote = replicas.length
          ? `; multi-region replica ${replicas.join(', ')} exists in ${ref.destRegion} but is unused`
          : '';
        return finding(
          ref.subject,
          'fail',
          `destination vault ${vault.name} uses ${describeKey(key)}: copies will get ${subs}${replicaNote}`,
          {
            ...withManager,
            unusedReplicaKeyArns: replicas.length ? replicas : undefined,
          },
        );
      }
      return finding(
        ref.subject,
        'warn',
        `copies get ${describeKey(key)}, not a customer-managed key`,
        withManager,
      );
    }
  },
};
