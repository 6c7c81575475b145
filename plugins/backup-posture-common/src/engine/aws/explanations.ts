/**
 * Plain-words explanations of AWS error and status messages the checks meet (copy job status
 * messages, MPA assignment errors). Matched by pattern; the first match wins.
 */
import { RuleId } from '../../posture';

/** @public */
export interface KnownMessage {
  id: string;
  pattern: RegExp;
  rules: RuleId[];
  explanation: string;
}

/** @public */
export const KNOWN_AWS_MESSAGES: readonly KnownMessage[] = [
  {
    id: 'mpa-not-opted-in',
    pattern: /MPA is not opted-?in/i,
    rules: ['C4'],
    explanation:
      'Multi-party approval has not been switched on for the organization. Someone in the management account must open AWS Backup → Settings → Multi-party approval and opt in; only then can an approval team be assigned to a logically air-gapped vault.',
  },
  {
    id: 'default-key-cannot-be-shared',
    pattern:
      /(default|AWS[- ]managed).{0,60}(key|CMK).{0,80}(cannot|can't|can not).{0,20}(be )?(shared|copied)|encrypted by a customer (master|managed) key.{0,40}may be copied|only the contents of a vault encrypted by a customer/i,
    rules: ['B4', 'B5'],
    explanation:
      'The data is encrypted with an AWS-managed key (aws/backup, aws/rds, aws/ebs…). AWS-managed keys can never be shared with another account, so the copy cannot be decrypted there. Encrypt the source (for RDS, Aurora, EBS… the resource itself) or the source vault (for S3, EFS, DynamoDB…) with a customer-managed key whose key policy allows the destination account.',
  },
  {
    id: 'unshare-snapshot',
    pattern: /(failed|unable) to unshare (the )?snapshot/i,
    rules: ['B9'],
    explanation:
      'AWS Backup shares the snapshot with the destination account during the copy and unshares it afterwards using the backup role. The role was deleted or lost permissions before the job finished; the copy may exist but the snapshot is still shared. Restore the role and re-run the copy.',
  },
  {
    id: 'cross-account-disabled',
    pattern:
      /cross[- ]account (backup|copy).{0,40}(not enabled|disabled|not allowed)|not (part of|in) the (same )?organi[sz]ation/i,
    rules: ['B1'],
    explanation:
      'Cross-account copies work only between accounts of the same AWS Organization, and only after cross-account backup has been enabled from the management account (AWS Backup → Settings → Cross-account management).',
  },
  {
    id: 'copy-into-vault-denied',
    pattern:
      /(access denied|not authori[sz]ed).{0,80}(CopyIntoBackupVault|backup vault|destination)|CopyIntoBackupVault/i,
    rules: ['B2'],
    explanation:
      "The destination vault's access policy does not allow backup:CopyIntoBackupVault for the source account (or its organization). Add a statement allowing the source account root, the organization id (aws:PrincipalOrgID) or its OU paths.",
  },
  {
    id: 'kms-access',
    pattern:
      /(kms|key).{0,80}(not accessible|access denied|disabled|pending deletion|is not authorized|does not exist)|KMSInvalidStateException|AccessDeniedException.{0,40}kms/i,
    rules: ['A3', 'B4'],
    explanation:
      'AWS Backup could not use the KMS key: it is disabled, scheduled for deletion, or its key policy does not let the backup role (or, for cross-account copies, the destination account) use it. Enable the key and grant kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant and kms:DescribeKey in the key policy.',
  },
  {
    id: 'cold-storage-cross-account',
    pattern: /cold storage.{0,80}(not supported|cross[- ]account)/i,
    rules: ['B6'],
    explanation:
      'Cold storage is not supported for cross-account copies. Remove MoveToColdStorageAfterDays from the copy action lifecycle.',
  },
  {
    id: 'retention-vs-lock',
    pattern:
      /(retention|DeleteAfterDays|lifecycle).{0,80}(vault lock|min(imum)? retention|max(imum)? retention)|(vault lock|locked).{0,80}retention/i,
    rules: ['C1'],
    explanation:
      "The rule's retention is outside the destination vault lock's minimum/maximum retention, so AWS Backup refuses to store the point there. Change DeleteAfterDays to fall within the lock's range.",
  },
];

/** The first known explanation of an AWS message, if any. @public */
export function explainAwsMessage(
  message: string | undefined,
): KnownMessage | undefined {
  if (!message) return undefined;
  return KNOWN_AWS_MESSAGES.find(m => m.pattern.test(message));
}
