import { describe, expect, it } from '@jest/globals';
import {
  encryptionModelOf,
  fallbackAliasOf,
  KeyIndex,
  keyManagerOf,
} from './classify';
import {
  awsManagedKey,
  cmk,
  OSAKA,
  PROD,
  TOKYO,
} from '../__fixtures__/builders';

describe('classify (A1, A4)', () => {
  it.each([
    ['S3', 'independent'],
    ['EFS', 'independent'],
    ['DynamoDB', 'independent'],
    ['EBS', 'source-dependent'],
    ['Aurora', 'source-dependent'],
    ['RDS', 'source-dependent'],
    ['Neptune', 'source-dependent'],
    ['rds', 'source-dependent'],
    ['SomethingNew', 'unknown'],
  ])('A1: %s is %s', (type, model) => {
    expect(encryptionModelOf(type)).toBe(model);
  });

  it.each([
    ['Aurora', 'alias/aws/rds'],
    ['DocumentDB', 'alias/aws/rds'],
    ['EBS', 'alias/aws/ebs'],
    ['EC2', 'alias/aws/ebs'],
    ['S3', undefined],
  ])('A4: %s falls back to %s', (type, alias) => {
    expect(fallbackAliasOf(type)).toBe(alias);
  });
});

describe('key manager resolution (A3)', () => {
  it('reads KeyManager and alias/aws/* aliases', () => {
    expect(keyManagerOf(cmk(PROD, TOKYO, 'k'))).toBe('customer');
    expect(keyManagerOf(awsManagedKey(PROD, TOKYO, 'backup'))).toBe(
      'aws-managed',
    );
    expect(
      keyManagerOf({
        ...awsManagedKey(PROD, TOKYO, 'rds'),
        keyManager: undefined,
      }),
    ).toBe('aws-managed');
  });

  it('is unknown when the key was not described or describing failed', () => {
    expect(keyManagerOf(undefined)).toBe('unknown');
    expect(
      keyManagerOf({
        ...cmk(PROD, TOKYO, 'k'),
        error: { name: 'AccessDeniedException', message: 'denied' },
      }),
    ).toBe('unknown');
  });

  it('resolves AWS-owned keys from the encryption key type and cross-account keys as customer-managed', () => {
    const index = new KeyIndex([]);
    expect(index.resolve(undefined, 'AWS_OWNED_KMS_KEY').manager).toBe(
      'aws-owned',
    );
    expect(
      index.resolve(
        'arn:aws:kms:ap-northeast-1:444444444444:key/x',
        undefined,
        PROD,
      ).manager,
    ).toBe('customer');
    expect(
      index.resolve(
        'arn:aws:kms:ap-northeast-1:222222222222:key/x',
        undefined,
        PROD,
      ).manager,
    ).toBe('unknown');
  });

  it('finds the multi-region replica of a key in another region', () => {
    const primary = cmk(PROD, TOKYO, 'mrk-1');
    const replica = cmk(PROD, OSAKA, 'mrk-1', { primaryKeyArn: primary.arn });
    const index = new KeyIndex([primary, replica, cmk(PROD, OSAKA, 'other')]);
    expect(index.findMultiRegionRelative(primary.arn, OSAKA)?.arn).toBe(
      replica.arn,
    );
    expect(
      index.findMultiRegionRelative(cmk(PROD, TOKYO, 'plain').arn, OSAKA),
    ).toBeUndefined();
  });
});
