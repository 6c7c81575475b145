import { describe, expect, it } from '@jest/globals';
import {
  describeKey,
  encryptionModelOf,
  fallbackAliasOf,
  KeyIndex,
  keyManagerOf,
  parseArn,
  supportsColdStorage,
  vaultNameFromArn,
} from './classify';
import {
  awsManagedKey,
  cmk,
  OSAKA,
  PROD,
  TOKYO,
  vault,
  VIRGINIA,
} from '../__fixtures__/builders';

describe('classify: every type the domain lists (A1, A4, B6)', () => {
  it.each([
    'S3',
    'EFS',
    'DynamoDB',
    'VirtualMachine',
    'CloudFormation',
    'SAP HANA on Amazon EC2',
    'Timestream',
  ])('A1: %s is independent (vault key) and has no fallback key', type => {
    expect(encryptionModelOf(type)).toBe('independent');
    expect(encryptionModelOf(type.toUpperCase())).toBe('independent');
    expect(fallbackAliasOf(type)).toBeUndefined();
  });

  it.each([
    ['RDS', 'alias/aws/rds'],
    ['Aurora', 'alias/aws/rds'],
    ['DocumentDB', 'alias/aws/rds'],
    ['Neptune', 'alias/aws/rds'],
    ['EBS', 'alias/aws/ebs'],
    ['EC2', 'alias/aws/ebs'],
    ['Storage Gateway', 'alias/aws/ebs'],
    ['Redshift', 'alias/aws/redshift'],
  ])('A1/A4: %s is source-dependent and falls back to %s', (type, alias) => {
    expect(encryptionModelOf(type)).toBe('source-dependent');
    expect(fallbackAliasOf(type)).toBe(alias);
    expect(fallbackAliasOf(type.toLowerCase())).toBe(alias);
  });

  it('an unknown type is neither, and has no fallback', () => {
    expect(encryptionModelOf('Lambda')).toBe('unknown');
    expect(fallbackAliasOf('Lambda')).toBeUndefined();
  });

  it.each([
    ['EFS', true],
    ['DynamoDB', true],
    ['VirtualMachine', true],
    ['CloudFormation', true],
    ['SAP HANA on Amazon EC2', true],
    ['Timestream', true],
    ['EBS', true],
    ['ebs', true],
    ['S3', false],
    ['RDS', false],
    ['Aurora', false],
  ])('B6: %s supports cold storage: %s', (type, supported) => {
    expect(supportsColdStorage(type)).toBe(supported);
  });
});

describe('classify: ARNs', () => {
  it('parses the parts of an ARN, keeping colons inside the resource', () => {
    expect(
      parseArn('arn:aws:backup:ap-northeast-1:222222222222:backup-vault:a'),
    ).toEqual({
      service: 'backup',
      region: 'ap-northeast-1',
      account: '222222222222',
      resource: 'backup-vault:a',
    });
    expect(parseArn('arn:aws:s3:::bucket')).toEqual({
      service: 's3',
      region: '',
      account: '',
      resource: 'bucket',
    });
  });

  it('is undefined for what is not an ARN', () => {
    expect(parseArn('not-an-arn')).toBeUndefined();
    expect(parseArn('urn:aws:backup:r:a:backup-vault:x')).toBeUndefined();
    expect(parseArn('arn:aws:backup:r:a')).toBeUndefined();
  });

  it('reads the vault name only from a backup vault ARN', () => {
    expect(
      vaultNameFromArn(
        'arn:aws:backup:ap-northeast-1:222222222222:backup-vault:Default',
      ),
    ).toBe('Default');
    expect(
      vaultNameFromArn(
        'arn:aws:backup:ap-northeast-1:222222222222:backup-plan:p',
      ),
    ).toBeUndefined();
    expect(vaultNameFromArn('Default')).toBeUndefined();
  });
});

describe('classify: key index (A3, A4)', () => {
  it('A3: KeyManager CUSTOMER with a customer alias is customer-managed; a key without KeyManager or alias is unknown', () => {
    expect(
      keyManagerOf({ ...cmk(PROD, TOKYO, 'k'), aliases: ['alias/awsome'] }),
    ).toBe('customer');
    expect(
      keyManagerOf({ ...cmk(PROD, TOKYO, 'k'), keyManager: undefined }),
    ).toBe('unknown');
  });

  it('A3: a customer-managed key with no alias at all is customer-managed; one alias under alias/aws/ makes a key AWS-managed', () => {
    expect(keyManagerOf({ ...cmk(PROD, TOKYO, 'k'), aliases: [] })).toBe(
      'customer',
    );
    expect(
      keyManagerOf({
        ...cmk(PROD, TOKYO, 'k'),
        keyManager: undefined,
        aliases: ['alias/legacy', 'alias/aws/ebs'],
      }),
    ).toBe('aws-managed');
  });

  it('A4: a source key known only by its bare id (not an ARN) has no multi-region relative and an unknown manager, and looking does not fail', () => {
    const index = new KeyIndex([cmk(PROD, OSAKA, 'mrk-1234')]);
    expect(index.findMultiRegionRelative('mrk-1234', OSAKA)).toBeUndefined();
    expect(index.resolve('mrk-1234', undefined, PROD)).toMatchObject({
      keyArn: 'mrk-1234',
      manager: 'unknown',
    });
  });

  it('A3: a described AWS-managed key of another account than its holder stays AWS-managed (only an undescribed one is taken as customer-managed)', () => {
    const rds = awsManagedKey(PROD, TOKYO, 'rds');
    const index = new KeyIndex([rds]);
    expect(index.resolve(rds.arn, undefined, '444444444444').manager).toBe(
      'aws-managed',
    );
  });

  it('A4: finds an AWS-managed key by alias only in the given account and region', () => {
    const tokyoRds = awsManagedKey(PROD, TOKYO, 'rds');
    const osakaRds = awsManagedKey(PROD, OSAKA, 'rds');
    const otherAccount = awsManagedKey('444444444444', OSAKA, 'rds');
    const index = new KeyIndex([tokyoRds, otherAccount, osakaRds]);
    expect(index.findByAlias('alias/aws/rds', PROD, OSAKA)).toBe(osakaRds);
    expect(index.findByAlias('alias/aws/rds', '444444444444', OSAKA)).toBe(
      otherAccount,
    );
    expect(index.findByAlias('alias/aws/ebs', PROD, OSAKA)).toBeUndefined();
    expect(index.findByAlias('alias/aws/rds', PROD, VIRGINIA)).toBeUndefined();
    expect(index.get(undefined)).toBeUndefined();
    expect(index.all()).toEqual([tokyoRds, otherAccount, osakaRds]);
  });

  it('A4: multi-region relatives: listed replicas, keys naming the same primary, or the same mrk- id; never the key itself or another region', () => {
    const primary = cmk(PROD, TOKYO, 'mrk-1', {
      replicaKeyArns: [cmk(PROD, OSAKA, 'listed').arn],
    });
    const listed = cmk(PROD, OSAKA, 'listed');
    const index = new KeyIndex([primary, listed]);
    expect(index.findMultiRegionRelative(primary.arn, OSAKA)).toBe(listed);
    expect(index.findMultiRegionRelative(primary.arn, TOKYO)).toBeUndefined();

    // Two replicas of one primary find each other.
    const p = cmk(PROD, TOKYO, 'p');
    const r1 = cmk(PROD, OSAKA, 'r1', { primaryKeyArn: p.arn });
    const r2 = cmk(PROD, VIRGINIA, 'r2', { primaryKeyArn: p.arn });
    const replicas = new KeyIndex([p, r1, r2]);
    expect(replicas.findMultiRegionRelative(r1.arn, VIRGINIA)).toBe(r2);
    expect(replicas.findMultiRegionRelative(p.arn, OSAKA)).toBe(r1);

    // Same mrk- id in another region, even when the key itself was not described.
    const mrkOsaka = cmk(PROD, OSAKA, 'mrk-2');
    const byId = new KeyIndex([mrkOsaka, cmk(PROD, OSAKA, 'plain')]);
    expect(
      byId.findMultiRegionRelative(cmk(PROD, TOKYO, 'mrk-2').arn, OSAKA),
    ).toBe(mrkOsaka);
    expect(
      byId.findMultiRegionRelative(cmk(PROD, TOKYO, 'plain').arn, OSAKA),
    ).toBeUndefined();
  });

  it('A3: a resolved key carries its alias, state and multi-region flag', () => {
    const key = cmk(PROD, TOKYO, 'mrk-9', { keyState: 'PendingDeletion' });
    expect(new KeyIndex([key]).resolve(key.arn, undefined, PROD)).toEqual({
      keyArn: key.arn,
      alias: 'alias/mrk-9',
      manager: 'customer',
      keyState: 'PendingDeletion',
      multiRegion: true,
    });
    expect(new KeyIndex([]).resolve(undefined)).toEqual({ manager: 'unknown' });
    expect(
      new KeyIndex([]).resolve('arn:aws:kms:ap-northeast-1:444444444444:key/x')
        .manager,
    ).toBe('unknown');
  });

  it('A3: a vault key resolves with the vault’s key type and account', () => {
    const index = new KeyIndex([]);
    expect(
      index.resolveVaultKey(
        vault(PROD, TOKYO, 'lag', undefined, {
          encryptionKeyType: 'AWS_OWNED_KMS_KEY',
        }),
      ).manager,
    ).toBe('aws-owned');
    const foreign = cmk('444444444444', TOKYO, 'central');
    expect(
      index.resolveVaultKey(vault(PROD, TOKYO, 'a', foreign)).manager,
    ).toBe('customer');
  });

  it('describes a key by alias, else ARN, with who manages it', () => {
    expect(describeKey(undefined)).toBe('no key');
    expect(describeKey({ manager: 'aws-owned' })).toBe('an AWS-owned key');
    expect(describeKey({ manager: 'unknown' })).toBe(
      'an undescribed key (manager unknown)',
    );
    expect(describeKey({ keyArn: 'arn:k', manager: 'platform-managed' })).toBe(
      'arn:k (platform-managed)',
    );
    expect(
      describeKey({
        keyArn: 'arn:k',
        alias: 'alias/aws/rds',
        manager: 'aws-managed',
      }),
    ).toBe('alias/aws/rds (AWS-managed)');
  });
});
