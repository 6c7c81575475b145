import { describe, expect, it } from '@jest/globals';
import { sameKey } from './lineageKeys';
import { prodKey, oldKey } from './__testUtils__/lineageEvidence';

describe('sameKey: what A5 compares', () => {
  const owned = { manager: 'aws-owned' as const, keyArn: prodKey.arn };
  it('A5: an AWS-owned key matches an AWS-owned key whatever its ARN, and never a known customer or AWS-managed key, even under the same ARN', () => {
    expect(sameKey(owned, { manager: 'aws-owned', keyArn: 'other' })).toBe(
      true,
    );
    expect(sameKey(owned, { manager: 'customer', keyArn: prodKey.arn })).toBe(
      false,
    );
    expect(sameKey({ manager: 'customer', keyArn: prodKey.arn }, owned)).toBe(
      false,
    );
    expect(
      sameKey(owned, { manager: 'aws-managed', alias: 'alias/aws/backup' }),
    ).toBe(false);
  });

  it('A5: an AWS-owned key against a key whose manager is unknown cannot be told apart', () => {
    expect(
      sameKey(owned, { manager: 'unknown', keyArn: prodKey.arn }),
    ).toBeUndefined();
    expect(
      sameKey({ manager: 'unknown', keyArn: prodKey.arn }, owned),
    ).toBeUndefined();
  });

  it('A5: keys are the same by ARN when both ARNs are known, else by alias when both aliases are', () => {
    const customer = { manager: 'customer' as const };
    expect(
      sameKey(
        { ...customer, keyArn: prodKey.arn },
        { ...customer, keyArn: prodKey.arn },
      ),
    ).toBe(true);
    expect(
      sameKey(
        { ...customer, keyArn: prodKey.arn, alias: 'alias/a' },
        { ...customer, keyArn: oldKey.arn, alias: 'alias/a' },
      ),
    ).toBe(false);
    expect(
      sameKey(
        { ...customer, alias: 'alias/a' },
        { ...customer, alias: 'alias/a' },
      ),
    ).toBe(true);
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'aws-managed', alias: 'alias/aws/ebs' },
      ),
    ).toBe(false);
    expect(sameKey(undefined, { ...customer, keyArn: prodKey.arn })).toBe(
      undefined,
    );
    expect(sameKey({ ...customer, keyArn: prodKey.arn }, undefined)).toBe(
      undefined,
    );
  });

  it('A5: a key known only by alias against one whose manager is unknown cannot be told apart', () => {
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'unknown', keyArn: prodKey.arn },
      ),
    ).toBeUndefined();
    expect(
      sameKey(
        { manager: 'unknown', keyArn: prodKey.arn },
        { manager: 'customer', alias: 'alias/a' },
      ),
    ).toBeUndefined();
  });

  it('A5: keys known by alias on one side and ARN on the other differ when their managers differ', () => {
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'customer', keyArn: prodKey.arn },
      ),
    ).toBe(false);
    expect(
      sameKey(
        { manager: 'aws-managed', alias: 'alias/aws/rds' },
        { manager: 'aws-managed', keyArn: prodKey.arn },
      ),
    ).toBe(true);
    expect(
      sameKey(
        { manager: 'customer', alias: 'alias/a' },
        { manager: 'customer', keyArn: prodKey.arn },
      ),
    ).toBeUndefined();
  });
});
