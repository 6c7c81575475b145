/**
 * Classification facts from the domain rules: which resource types keep the source key (A1),
 * which AWS-managed key a source-dependent copy falls back to (A4), and who manages a KMS key.
 */
import {
  AwsBackupVaultFact,
  AwsEncryptionKeyType,
  AwsKmsKeyFact,
} from '../../inventory';
import { KeyManagerKind, LineageKey } from '../../posture';
import { lineageKeyRead } from '../keyFreshness';

/** A1: types whose recovery points are encrypted with the backup vault's key. @public */
export const INDEPENDENT_RESOURCE_TYPES: readonly string[] = [
  'S3',
  'EFS',
  'DynamoDB',
  'VirtualMachine',
  'CloudFormation',
  'SAP HANA on Amazon EC2',
  'Timestream',
];

/**
 * A1/A4: source-dependent types keep the source key in the primary point; when a copy lands in a
 * vault with the AWS-managed `aws/backup` key they fall back to the service's AWS-managed key.
 *
 * @public
 */
export const SOURCE_DEPENDENT_FALLBACK_ALIAS: Readonly<Record<string, string>> =
  {
    RDS: 'alias/aws/rds',
    Aurora: 'alias/aws/rds',
    DocumentDB: 'alias/aws/rds',
    Neptune: 'alias/aws/rds',
    EBS: 'alias/aws/ebs',
    EC2: 'alias/aws/ebs',
    'Storage Gateway': 'alias/aws/ebs',
    Redshift: 'alias/aws/redshift',
  };

/** Types that support moving recovery points to cold storage (B6). @public */
export const COLD_STORAGE_RESOURCE_TYPES: readonly string[] = [
  'EFS',
  'DynamoDB',
  'VirtualMachine',
  'CloudFormation',
  'SAP HANA on Amazon EC2',
  'Timestream',
  'EBS',
];

/** @public */
export type EncryptionModel = 'independent' | 'source-dependent' | 'unknown';

const normaliseType = (resourceType: string): string => {
  const lower = resourceType.toLowerCase();
  const all = [
    ...INDEPENDENT_RESOURCE_TYPES,
    ...Object.keys(SOURCE_DEPENDENT_FALLBACK_ALIAS),
  ];
  return all.find(t => t.toLowerCase() === lower) ?? resourceType;
};

/**
 * A6: independent types that are independent only under full AWS Backup management
 * (`ResourceTypeManagementPreference`): DynamoDB without advanced DynamoDB backup keeps the table's
 * key. AWS lists EFS there too, but EFS backups take the vault's key either way (the encryption
 * table of the AWS Backup guide), so it is not one of them.
 *
 * @public
 */
export const MANAGEMENT_DEPENDENT_RESOURCE_TYPES: readonly string[] = [
  'DynamoDB',
];

/** A6: whether a type's encryption model follows `ResourceTypeManagementPreference`. @public */
export function isManagementDependent(resourceType: string): boolean {
  return MANAGEMENT_DEPENDENT_RESOURCE_TYPES.includes(
    normaliseType(resourceType),
  );
}

/**
 * A resource's account × region `ResourceTypeManagementPreference` (A6), `'unread'` when those
 * region settings could not be read. @public
 */
export type ManagementPreference = Readonly<Record<string, boolean>> | 'unread';

/**
 * A1: the encryption model of an AWS Backup resource type; with A6, in an account × region whose
 * `ResourceTypeManagementPreference` is `management`: DynamoDB is independent only when AWS Backup
 * fully manages it, source-dependent when not, unknown when the settings could not be read or do
 * not list it. Without `management` (settings not collected) a type keeps its documented model.
 *
 * @public
 */
export function encryptionModelOf(
  resourceType: string,
  management?: ManagementPreference,
): EncryptionModel {
  const type = normaliseType(resourceType);
  if (management && isManagementDependent(type)) {
    const managed = management === 'unread' ? undefined : management[type];
    if (managed === undefined) return 'unknown';
    return managed ? 'independent' : 'source-dependent';
  }
  if (INDEPENDENT_RESOURCE_TYPES.includes(type)) return 'independent';
  if (type in SOURCE_DEPENDENT_FALLBACK_ALIAS) return 'source-dependent';
  return 'unknown';
}

/** A4: the AWS-managed alias a source-dependent type falls back to (e.g. RDS → alias/aws/rds). @public */
export function fallbackAliasOf(resourceType: string): string | undefined {
  return SOURCE_DEPENDENT_FALLBACK_ALIAS[normaliseType(resourceType)];
}

/** @public */
export function supportsColdStorage(resourceType: string): boolean {
  return COLD_STORAGE_RESOURCE_TYPES.includes(normaliseType(resourceType));
}

/** Parses `arn:partition:service:region:account:resource`. @public */
export function parseArn(
  arn: string,
):
  | { service: string; region: string; account: string; resource: string }
  | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    service: parts[2],
    region: parts[3],
    account: parts[4],
    resource: parts.slice(5).join(':'),
  };
}

/** The vault name from a backup vault ARN (`...:backup-vault:<name>`). @public */
export function vaultNameFromArn(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return undefined;
  const [kind, name] = parsed.resource.split(':');
  return kind === 'backup-vault' ? name : undefined;
}

/**
 * Who manages a described key: AWS-managed via `KeyManager: AWS` or an `alias/aws/*` alias;
 * customer via `KeyManager: CUSTOMER`; unknown when the key was not (successfully) described.
 *
 * @public
 */
export function keyManagerOf(key: AwsKmsKeyFact | undefined): KeyManagerKind {
  if (!key || key.error) return 'unknown';
  if (key.keyManager === 'AWS') return 'aws-managed';
  if (key.aliases.some(a => a.startsWith('alias/aws/'))) return 'aws-managed';
  if (key.keyManager === 'CUSTOMER') return 'customer';
  return 'unknown';
}

/** Index of the KMS keys discovery described, by ARN and by key id. */
export class KeyIndex {
  private readonly byArn = new Map<string, AwsKmsKeyFact>();

  constructor(keys: AwsKmsKeyFact[]) {
    for (const key of keys) this.byArn.set(key.arn, key);
  }

  get(arn: string | undefined): AwsKmsKeyFact | undefined {
    return arn ? this.byArn.get(arn) : undefined;
  }

  all(): AwsKmsKeyFact[] {
    return [...this.byArn.values()];
  }

  /** The AWS-managed key behind an alias in one account × region, if discovery described it. */
  findByAlias(
    alias: string,
    account: string,
    region: string,
  ): AwsKmsKeyFact | undefined {
    return this.all().find(
      k =>
        k.accountId === account &&
        k.region === region &&
        k.aliases.includes(alias),
    );
  }

  /** A multi-region replica (or the primary) of `keyArn` that lives in `region`. */
  findMultiRegionRelative(
    keyArn: string,
    region: string,
  ): AwsKmsKeyFact | undefined {
    const key = this.get(keyArn);
    // Stryker disable next-line Regex: equivalent, a KMS key ARN's resource is key/<id> and no key id holds "key/"
    const keyId = parseArn(keyArn)?.resource.replace(/^key\//, '');
    return this.all().find(k => {
      if (k.region !== region || k.arn === keyArn) return false;
      if (key?.replicaKeyArns?.includes(k.arn)) return true;
      if (k.primaryKeyArn && k.primaryKeyArn === (key?.primaryKeyArn ?? keyArn))
        return true;
      // Multi-region keys share their `mrk-` key id across regions.
      return Boolean(keyId?.startsWith('mrk-') && k.keyId === keyId);
    });
  }

  /**
   * Resolves a key ARN to a lineage key. `keyType` (from a vault or recovery point) tells an
   * AWS-owned key apart; a key in another account than its holder must be customer-managed.
   */
  resolve(
    arn: string | undefined,
    keyType?: AwsEncryptionKeyType,
    holderAccount?: string,
  ): LineageKey {
    if (keyType === 'AWS_OWNED_KMS_KEY') {
      return { keyArn: arn, manager: 'aws-owned' };
    }
    if (!arn) return { manager: 'unknown' };
    const key = this.get(arn);
    let manager = keyManagerOf(key);
    const keyAccount = parseArn(arn)?.account;
    if (
      manager === 'unknown' &&
      holderAccount &&
      keyAccount &&
      keyAccount !== holderAccount
    ) {
      manager = 'customer';
    }
    return {
      keyArn: arn,
      alias: key?.aliases[0],
      manager,
      keyState: key?.keyState,
      multiRegion: key?.multiRegion,
      ...lineageKeyRead(key),
    };
  }

  resolveVaultKey(vault: AwsBackupVaultFact): LineageKey {
    return this.resolve(
      vault.encryptionKeyArn,
      vault.encryptionKeyType,
      vault.accountId,
    );
  }
}

/** Human label for a key: alias when known, else the ARN, else "unknown key". @public */
export function describeKey(key: LineageKey | undefined): string {
  if (!key) return 'no key';
  if (key.manager === 'aws-owned') return 'an AWS-owned key';
  const name = key.alias ?? key.keyArn ?? 'an undescribed key';
  const who: Record<KeyManagerKind, string> = {
    customer: 'customer-managed',
    'aws-managed': 'AWS-managed',
    'aws-owned': 'AWS-owned',
    'platform-managed': 'platform-managed',
    unknown: 'manager unknown',
  };
  return `${name} (${who[key.manager]})`;
}
