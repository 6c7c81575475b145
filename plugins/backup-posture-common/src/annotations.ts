/**
 * Catalog annotations that link an entity to the cloud resources whose backups it owns.
 * Use exactly one AWS annotation per entity (ARNs or tags). Systems and groups roll up their
 * components and need no annotation.
 *
 * @public
 */
export const ANNOTATION_AWS_RESOURCE_ARNS =
  'backup-posture.io/aws-resource-arns';

/**
 * Tag selector resolved with the Resource Groups Tagging API in every configured account and
 * region: `key=value,key2=value2` (all must match).
 *
 * @public
 */
export const ANNOTATION_AWS_RESOURCE_TAGS =
  'backup-posture.io/aws-resource-tags';

/**
 * Azure Recovery Services vault resource ids, comma separated.
 *
 * @public
 */
export const ANNOTATION_AZURE_VAULT_IDS = 'backup-posture.io/azure-vault-ids';

/**
 * Azure tag selector for Recovery Services vaults: `key=value,key2=value2`.
 *
 * @public
 */
export const ANNOTATION_AZURE_VAULT_TAGS = 'backup-posture.io/azure-vault-tags';

/** @public */
export const BACKUP_POSTURE_ANNOTATIONS = [
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  ANNOTATION_AZURE_VAULT_IDS,
  ANNOTATION_AZURE_VAULT_TAGS,
] as const;
