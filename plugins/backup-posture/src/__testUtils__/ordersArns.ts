/**
 * ARNs of the demo estate's orders database (Aurora), its keys and its vaults, shared by the
 * fixtures.
 */
export const SOURCE_ARN =
  'arn:aws:rds:us-east-1:222222222222:cluster:orders-db';
export const CMK_ARN =
  'arn:aws:kms:us-east-1:222222222222:key/1111aaaa-0000-0000-0000-000000000001';
export const AWS_RDS_TOKYO =
  'arn:aws:kms:ap-northeast-1:222222222222:key/2222bbbb-0000-0000-0000-000000000002';
export const PRIMARY_VAULT =
  'arn:aws:backup:us-east-1:222222222222:backup-vault:orders-primary';
export const TOKYO_VAULT =
  'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:orders-dr';
export const CENTRAL_VAULT =
  'arn:aws:backup:us-east-1:444444444444:backup-vault:central';
export const LAG_VAULT =
  'arn:aws:backup:us-east-1:555555555555:backup-vault:vault-lag';
export const CENTRAL_CMK =
  'arn:aws:kms:us-east-1:444444444444:key/4444dddd-0000-0000-0000-000000000004';
