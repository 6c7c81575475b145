import { describeKey } from '../../aws/classify';
import { failedKeyReadReason, withKeyReads } from '../../keyFreshness';
import { AwsBackupVaultFact } from '../../../inventory';
import { Finding } from '../../../posture';
import { AwsCheck, alsoUnreadVaults, finding } from '../types';

/** A3: a vault's key should be a customer-managed key, not aws/backup. */
export const vaultKeyCustomerManaged: AwsCheck = alsoUnreadVaults({
  definition: {
    id: 'vault-key-customer-managed',
    title: 'Backup vaults use a customer-managed KMS key',
    cloud: 'aws',
    severity: 'high',
    rules: ['A3'],
    equivalentControls: {},
    description:
      'Each backup vault’s `EncryptionKeyArn` is resolved through KMS (`KeyManager`, aliases) and `EncryptionKeyType`: customer-managed passes, the AWS-managed `aws/backup` key fails, an AWS-owned key (air-gapped vaults only) warns.',
    remediation: {
      why: 'The AWS-managed aws/backup key cannot be shared with another account, its key policy is not yours to tighten, and it blocks cross-account copies. A vault key is fixed at creation: fixing it means a new vault.',
      console: [
        'KMS → Customer managed keys → Create key (symmetric); let the backup role and, if you copy there, the destination account use it.',
        'AWS Backup → Backup vaults → Create backup vault; choose the new key.',
        'AWS Backup → Backup plans → edit every rule that targets the old vault to target the new one.',
        'Leave the old vault until its recovery points expire (A2: existing points keep their key).',
      ],
      cli: [
        'aws kms create-key --description "backup vault key" --query KeyMetadata.Arn',
        'aws backup create-backup-vault --backup-vault-name <name>-cmk --encryption-key-arn <key-arn>',
        'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan-with-new-vault.json',
      ].join('\n'),
      terraform: [
        'resource "aws_kms_key" "backup" {',
        '  description         = "backup vault key"',
        '  enable_key_rotation = true',
        '}',
        '',
        'resource "aws_backup_vault" "main" {',
        '  name        = "main-cmk"',
        '  kms_key_arn = aws_kms_key.backup.arn',
        '}',
      ].join('\n'),
    },
  },
  evaluate({ ctx }) {
    return ctx.aws.vaults
      .filter(v => v.vaultType !== 'RESTORE_ACCESS_BACKUP_VAULT')
      .map(vault =>
        withKeyReads(judge(vault), [
          { fact: ctx.keys.get(vault.encryptionKeyArn) },
        ]),
      );
    function judge(vault: AwsBackupVaultFact): Finding {
      const key = ctx.keys.resolveVaultKey(vault);
      const evidence = {
        vaultType: vault.vaultType,
        encryptionKeyArn: vault.encryptionKeyArn,
        encryptionKeyType: vault.encryptionKeyType,
        keyAlias: key.alias,
        keyManager: key.manager,
      };
      const scopeError = ctx.scopeError(vault.accountId, vault.region);
      switch (key.manager) {
        case 'customer':
          return finding(
            vault.arn,
            'pass',
            `uses ${describeKey(key)}`,
            evidence,
          );
        case 'aws-managed':
          return finding(
            vault.arn,
            'fail',
            `uses ${describeKey(key)}: not shareable, not under your key policy`,
            evidence,
          );
        case 'aws-owned':
          return finding(
            vault.arn,
            vault.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'
              ? 'warn'
              : 'fail',
            'uses an AWS-owned key: you cannot audit or revoke its use',
            evidence,
          );
        default: {
          const keyError = ctx.keys.get(vault.encryptionKeyArn)?.error;
          const reason = keyError
            ? failedKeyReadReason(keyError)
            : (scopeError ??
              (vault.encryptionKeyArn
                ? 'key was not described'
                : 'vault reports no key'));
          return finding(
            vault.arn,
            'unknown',
            `key manager unknown (${reason})`,
            evidence,
          );
        }
      }
    }
  },
});
