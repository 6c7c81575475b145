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
    rules: ['A1', 'A4', 'A5'],
    equivalentControls: {},
    description:
      'Per resource: source key → primary recovery point key → each copy’s key (via `SourceBackupVaultArn` / `ParentRecoveryPointArn`). The key predicted from the vault and plan configuration (A1, A4) is compared with the key the newest recovery point at each link shows.',
    remediation: {
      why: 'When the key a copy really gets differs from the key you planned for (e.g. a CMK expected, aws/rds observed), the copy cannot be shared, rotated or revoked as intended — and you only find out at restore time.',
      console: [
        'Open the entity’s Key lineage view and find the link marked with a mismatch.',
        'Source-dependent types (RDS, Aurora, EBS…): check the source resource key and the destination vault key (A4: copies get the destination vault’s key, or aws/rds/aws/ebs when that vault uses aws/backup).',
        'Independent types (S3, EFS, DynamoDB…): check the vault key of each link.',
        'Recreate a vault with the intended key where needed and repoint the plan rule / copy action.',
      ],
      cli: [
        'aws backup list-recovery-points-by-backup-vault --backup-vault-name <vault> --by-resource-arn <resource-arn> \\',
        '  --query "RecoveryPoints[].{arn:RecoveryPointArn,key:EncryptionKeyArn,source:SourceBackupVaultArn}"',
        'aws kms describe-key --key-id <key-arn> --query "KeyMetadata.{manager:KeyManager,state:KeyState}"',
      ].join('\n'),
      terraform: [
        '# The copy key is chosen on the destination vault, never on the copy action (A4).',
        'resource "aws_backup_vault" "dr" {',
        '  provider    = aws.dr_region',
        '  name        = "dr-cmk"',
        '  kms_key_arn = aws_kms_replica_key.dr.arn',
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
        };
        if (!link.recoveryPointArn) {
          const scopeError = link.vaultArn
            ? ctx.scopeErrorOfArn(link.vaultArn)
            : undefined;
          out.push(
            scopeError
              ? finding(
                  subject,
                  'unknown',
                  `no recovery point data: ${scopeError}`,
                  evidence,
                )
              : finding(
                  subject,
                  'not-applicable',
                  'no recovery point yet at this link',
                  evidence,
                ),
          );
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
          const reason = failed
            ? failedKeyReadReason(failedKeyRead(failed.fact)!, failed.label)
            : 'the predicted or observed key could not be resolved';
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
