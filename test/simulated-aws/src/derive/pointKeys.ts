import {
  awsManagedFallbackAlias,
  isSourceDependent,
} from '../model/resourceTypes';
import { SimResource, SimVault } from '../model/types';
import { EstateIndex } from './estateIndex';

/**
 * The key of a primary recovery point (A1, A2): independent types get the vault's key;
 * source-dependent types keep the source's key, or none when the source was unencrypted then.
 */
export function primaryPointKey(
  resource: SimResource,
  vault: SimVault,
  creationDate: string,
  /** A6: DynamoDB without full AWS Backup management keeps the table's key. */
  unmanaged = false,
): { keyArn?: string; rule: string; awsOwned?: boolean } {
  if (unmanaged)
    return resource.kmsKeyArn
      ? { keyArn: resource.kmsKeyArn, rule: 'A6' }
      : { keyArn: undefined, rule: 'A6', awsOwned: true };
  if (!isSourceDependent(resource.type))
    return { keyArn: vault.encryptionKeyArn, rule: 'A1' };
  if (
    !resource.kmsKeyArn ||
    (resource.unencryptedBefore && creationDate < resource.unencryptedBefore)
  ) {
    return { keyArn: undefined, rule: 'A2' };
  }
  return { keyArn: resource.kmsKeyArn, rule: 'A1' };
}

/**
 * The key of a copy (A4, B5): the destination vault's key; RDS-family and EBS/EC2 copies into a
 * vault with the AWS-managed aws/backup key get aws/rds or aws/ebs of the destination instead.
 */
export function copyPointKey(
  index: EstateIndex,
  resource: SimResource,
  source: { keyArn?: string },
  destination: SimVault,
): { keyArn?: string; rule: string } {
  if (isSourceDependent(resource.type) && !source.keyArn)
    return { keyArn: undefined, rule: 'A2' };
  const fallback = awsManagedFallbackAlias(resource.type);
  if (fallback && index.isAwsBackupKey(destination.encryptionKeyArn)) {
    const key = index.managedKey(
      destination.accountId,
      destination.region,
      fallback,
    );
    return { keyArn: key?.arn, rule: 'A4' };
  }
  return {
    keyArn: destination.encryptionKeyArn,
    rule: resource.accountId !== destination.accountId ? 'B5' : 'A4',
  };
}

/** A primary point's encryption fields; a DynamoDB table on its AWS-owned key stays encrypted (A6). */
export function pointEncryption(
  vault: SimVault,
  key: { keyArn?: string; rule: string; awsOwned?: boolean },
) {
  return {
    isEncrypted: key.keyArn !== undefined || key.awsOwned === true,
    encryptionKeyArn: key.keyArn,
    encryptionKeyType: key.awsOwned
      ? ('AWS_OWNED_KMS_KEY' as const)
      : keyType(vault, key.keyArn),
    keyRule: key.rule,
  };
}

export function keyType(vault: SimVault, keyArn?: string) {
  if (!keyArn) return undefined;
  return keyArn === vault.encryptionKeyArn
    ? vault.encryptionKeyType
    : 'CUSTOMER_MANAGED_KMS_KEY';
}
