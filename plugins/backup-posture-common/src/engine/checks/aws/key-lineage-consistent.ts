import { Finding } from '../../../posture';
import { describeKey } from '../../aws/classify';
import {
  failedKeyRead,
  failedKeyReadReason,
  ReliedKey,
  withKeyReads,
} from '../../keyFreshness';
import { AwsCheck, finding } from '../types';

/** A1/A4/A5: the key every recovery point shows is the key the configuration predicts. */
export const keyLineageConsistent: AwsCheck = {
  definition: {
    id: 'key-lineage-consistent',
    title: 'Observed recovery point keys match the predicted key lineage',
    cloud: 'aws',
    severity: 'high',
    rules: ['A1', 'A4', 'A5', 'A6'],
    equivalentControls: {},
    description:
      'Per resource: source key → primary recovery point key → each copy’s key (via `SourceBackupVaultArn` / `ParentRecoveryPointArn`). The key predicted from the vault and plan configuration (A1, A4) is compared with the key the newest recovery point at each link shows. DynamoDB follows the region settings of its account and Region (A6, `ResourceTypeManagementPreference`): with advanced DynamoDB backup its points take the vault’s key, without it they keep the table’s key and a copy of them fails; when those settings could not be read, its links are unknown.',
    remediation: {
      why: 'When the key a copy really gets differs from the key you planned for (e.g. a CMK expected, aws/rds observed), the copy cannot be shared, rotated or revoked as intended — and you only find out at restore time.',
      console: [
        'Open the entity’s Key lineage view and find the link marked with a mismatch.',
        'Source-dependent types (RDS, Aurora, EBS…): check the source resource key and the destination vault key (A4: copies get the destination vault’s key, or aws/rds/aws/ebs when that vault uses aws/backup).',
        'Independent types (S3, EFS, DynamoDB…): check the vault key of each link.',
        'DynamoDB keeping the table’s key, or its copies failing (A6): AWS Backup → Settings → Advanced features for Amazon DynamoDB backups → Turn on, in the table’s account and Region; new backups then take the vault’s key.',
        'Recreate a vault with the intended key where needed and repoint the plan rule / copy action.',
      ],
      cli: [
        'aws backup list-recovery-points-by-backup-vault --backup-vault-name <vault> --by-resource-arn <resource-arn> \\',
        '  --query "RecoveryPoints[].{arn:RecoveryPointArn,key:EncryptionKeyArn,source:SourceBackupVaultArn}"',
        'aws kms describe-key --key-id <key-arn> --query "KeyMetadata.{manager:KeyManager,state:KeyState}"',
        '# A6: advanced DynamoDB backup (full AWS Backup management) in the table’s account and Region',
        'aws backup describe-region-settings --region <region> --query ResourceTypeManagementPreference',
        'aws backup update-region-settings --region <region> --resource-type-management-preference DynamoDB=true',
      ].join('\n'),
      terraform: [
        '# The copy key is chosen on the destination vault, never on the copy action (A4).',
        'resource "aws_backup_vault" "dr" {',
        '  provider    = aws.dr_region',
        '  name        = "dr-cmk"',
        '  kms_key_arn = aws_kms_replica_key.dr.arn',
        '}',
        '',
        '# A6: DynamoDB takes the vault key only under full AWS Backup management',
        'resource "aws_backup_region_settings" "this" {',
        '  resource_type_opt_in_preference     = { "DynamoDB" = true }',
        '  resource_type_management_preference = { "DynamoDB" = true, "EFS" = true }',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx, lineage }) {
    const out = [];
    for (const chain of lineage) {
      for (const link of chain.links) {
        if (link.kind === 'source') continue;
        const subject = `${chain.resourceArn} → ${link.vaultArn}`;
        // The key facts the comparison relies on: the observed key first, then the predicted one.
        const relied: ReliedKey[] = [link.observedKey, link.expectedKey].map(
          k => ({
            fact: ctx.keys.get(k?.keyArn),
            label: k?.alias ?? k?.keyArn,
          }),
        );
        const judged = (f: Finding) => withKeyReads(f, relied);
        const evidence = {
          resourceArn: chain.resourceArn,
          resourceType: chain.resourceType,
          encryptionModel: chain.encryptionModel,
          linkKind: link.kind,
          vaultArn: link.vaultArn,
          recoveryPointArn: link.recoveryPointArn,
          expectedKeyArn: link.expectedKey?.keyArn ?? link.expectedKey?.alias,
          expectedKeyManager: link.expectedKey?.manager,
          observedKeyArn: link.observedKey?.keyArn,
          observedKeyManager: link.observedKey?.manager,
          ...(chain.encryptionModelReason
            ? { encryptionModelReason: chain.encryptionModelReason }
            : {}),
        };
        // A6: a copy AWS Backup cannot make (DynamoDB without full AWS Backup management).
        const noCopy = link.issues.find(i => i.rule === 'A6');
        if (noCopy) {
          out.push(finding(subject, 'fail', noCopy.message, evidence));
          continue;
        }
        // A6: where region settings decide the model and could not be read, no link is judged.
        const modelUnknown =
          chain.encryptionModel === 'unknown'
            ? chain.encryptionModelReason
            : undefined;
        if (!link.recoveryPointArn) {
          const scopeError = link.vaultArn
            ? ctx.scopeErrorOfArn(link.vaultArn)
            : undefined;
          let missing = finding(
            subject,
            'not-applicable',
            'no recovery point yet at this link',
            evidence,
          );
          if (scopeError)
            missing = finding(
              subject,
              'unknown',
              `no recovery point data: ${scopeError}`,
              evidence,
            );
          // Whether a copy can be made at all is not known either (A6: not without full management).
          else if (link.kind === 'copy' && modelUnknown)
            missing = finding(
              subject,
              'unknown',
              `whether this copy can be made is not known: ${modelUnknown}`,
              evidence,
            );
          out.push(missing);
          continue;
        }
        const mismatch = link.issues.find(
          i => i.rule === 'A5' || i.rule === 'A2',
        );
        if (mismatch) {
          const a4 = link.issues.find(i => i.rule === 'A4');
          out.push(
            judged(
              finding(
                subject,
                'fail',
                a4 ? `${mismatch.message} (${a4.message})` : mismatch.message,
                evidence,
              ),
            ),
          );
          continue;
        }
        const expected = link.expectedKey;
        const observed = link.observedKey;
        if (
          !expected ||
          expected.manager === 'unknown' ||
          !observed ||
          observed.manager === 'unknown'
        ) {
          const failed = relied.find(k => failedKeyRead(k.fact));
          let reason = 'the predicted or observed key could not be resolved';
          if (failed)
            reason = failedKeyReadReason(
              failedKeyRead(failed.fact)!,
              failed.label,
            );
          else if (modelUnknown)
            reason = `the predicted key is not known: ${modelUnknown}`;
          out.push(judged(finding(subject, 'unknown', reason, evidence)));
          continue;
        }
        if (link.issues.some(i => i.rule === 'A4')) {
          out.push(
            judged(
              finding(
                subject,
                'warn',
                `as predicted, ${describeKey(observed)} (${link.issues.find(i => i.rule === 'A4')!.message})`,
                evidence,
              ),
            ),
          );
          continue;
        }
        out.push(
          judged(
            finding(
              subject,
              'pass',
              `as predicted: ${describeKey(observed)}`,
              evidence,
            ),
          ),
        );
      }
    }
    return out;
  },
};
