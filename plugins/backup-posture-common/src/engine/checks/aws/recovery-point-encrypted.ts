import { AwsRecoveryPointFact } from '../../../inventory';
import { describeKey, encryptionModelOf } from '../../aws/classify';
import { AwsCheck, finding } from '../types';

/** A1/A2: every recovery point is encrypted; unencrypted ones stay so until they expire. */
export const recoveryPointEncrypted: AwsCheck = {
  definition: {
    id: 'recovery-point-encrypted',
    title: 'Recovery points are encrypted at rest',
    cloud: 'aws',
    severity: 'critical',
    rules: ['A1', 'A2'],
    equivalentControls: {
      securityHub: ['Backup.1'],
      backupAuditManager: ['BACKUP_RECOVERY_POINT_ENCRYPTED'],
    },
    description:
      'Every discovered recovery point’s `IsEncrypted` and `EncryptionKeyArn`. An unencrypted point of a source-dependent type (RDS, EBS, …) blames the source resource; the finding shows when the point expires (`CalculatedLifecycle.DeleteAt`).',
    remediation: {
      why: 'Encryption is decided when a recovery point is created (A2): an unencrypted point can never be encrypted afterwards. For source-dependent types (A1) the point inherits the source resource’s encryption, so the source must be encrypted first.',
      console: [
        'Source-dependent types (EBS, EC2, RDS, Aurora, DocumentDB, Neptune, Redshift): encrypt the source (e.g. RDS: snapshot → copy with encryption → restore; EBS: enable default encryption and migrate the volume).',
        'Independent types (S3, EFS, DynamoDB…): target a vault with a customer-managed key.',
        'Let the old unencrypted points expire, or delete them once newer encrypted points exist.',
      ],
      cli: [
        'aws ec2 enable-ebs-encryption-by-default --region <region>',
        'aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <cmk-arn>',
        'aws backup delete-recovery-point --backup-vault-name <vault> --recovery-point-arn <arn>',
      ].join('\n'),
      terraform: [
        'resource "aws_ebs_encryption_by_default" "on" {',
        '  enabled = true',
        '}',
        '',
        'resource "aws_db_instance" "db" {',
        '  # ...',
        '  storage_encrypted = true',
        '  kms_key_id        = aws_kms_key.rds.arn',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    return ctx.aws.recoveryPoints.map(point => {
      const key = point.isEncrypted
        ? ctx.keys.resolve(
            point.encryptionKeyArn,
            point.encryptionKeyType,
            point.accountId,
          )
        : undefined;
      const evidence = {
        resourceArn: point.resourceArn,
        resourceType: point.resourceType,
        backupVaultArn: point.backupVaultArn,
        isEncrypted: point.isEncrypted,
        encryptionKeyArn: point.encryptionKeyArn,
        keyManager: key?.manager,
        deleteAt: expiryOf(point) ?? null,
      };
      if (point.isEncrypted) {
        return finding(
          point.recoveryPointArn,
          'pass',
          `encrypted with ${describeKey(key)}`,
          evidence,
        );
      }
      const blame =
        encryptionModelOf(point.resourceType) === 'source-dependent'
          ? `the source ${point.resourceType} resource is not encrypted (A1: its points keep the source's encryption)`
          : 'the point was created unencrypted';
      const deleteAt = expiryOf(point);
      const expiry = deleteAt
        ? `it stays unencrypted until it expires on ${deleteAt}`
        : 'it never expires: delete it once an encrypted point exists';
      return finding(
        point.recoveryPointArn,
        'fail',
        `not encrypted: ${blame}; ${expiry}`,
        evidence,
      );
    });
  },
};

/**
 * When a point expires (A2): what AWS calculated (`CalculatedLifecycle.DeleteAt`), else its
 * creation date plus `Lifecycle.DeleteAfterDays`; undefined only when neither says (never expires).
 */
export function expiryOf(point: AwsRecoveryPointFact): string | undefined {
  if (point.calculatedLifecycle?.deleteAt)
    return point.calculatedLifecycle.deleteAt;
  const days = point.lifecycle?.deleteAfterDays;
  const created = Date.parse(point.creationDate);
  if (days === undefined || Number.isNaN(created)) return undefined;
  return new Date(created + days * 86_400_000).toISOString();
}
