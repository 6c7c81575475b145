import { describe, expect, it } from '@jest/globals';
import { grantsAccount, parsePolicy, principalAccount } from './policy';

/**
 * Policy documents with malformed parts (B2 vault access policies, B4 key policies): a part that
 * is not what IAM allows grants nothing and restricts nothing, and never breaks the reading.
 */
const only = (statement: object) =>
  parsePolicy(JSON.stringify({ Statement: [statement] }));

describe('policy: malformed statements', () => {
  it('B2/B4: a null principal names nobody', () => {
    expect(only({ Effect: 'Allow', Principal: null, Action: 'kms:*' })).toEqual(
      [
        {
          effect: 'Allow',
          actions: ['kms:*'],
          principals: [],
          hasConditions: false,
          conditions: {},
        },
      ],
    );
  });

  it('B2/B4: a condition block that is a string is no condition at all', () => {
    expect(
      only({ Effect: 'Allow', Principal: '*', Action: '*', Condition: 'x' }),
    ).toEqual([
      {
        effect: 'Allow',
        actions: ['*'],
        principals: ['*'],
        hasConditions: false,
        conditions: {},
      },
    ]);
  });

  it('B2/B4: a principal that only contains an IAM ARN further in names no account', () => {
    expect(
      principalAccount('not-an-arn:arn:aws:iam::222222222222:root'),
    ).toBeUndefined();
  });

  it('B2/B4: a statement naming several accounts grants each of them, not only when all are the one asked about', () => {
    const [statement] = only({
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::222222222222:root', '444444444444'] },
      Action: 'backup:CopyIntoBackupVault',
    })!;
    expect(grantsAccount(statement, '444444444444', undefined, false)).toBe(
      true,
    );
    expect(grantsAccount(statement, '222222222222', undefined, false)).toBe(
      true,
    );
    expect(grantsAccount(statement, '555555555555', undefined, false)).toBe(
      false,
    );
  });

  it('B2: an organization path condition grants a member account when any of its paths is in the organization', () => {
    const [statement] = only({
      Effect: 'Allow',
      Principal: '*',
      Action: 'backup:CopyIntoBackupVault',
      Condition: {
        'ForAnyValue:StringLike': {
          'aws:PrincipalOrgPaths': ['o-other/*', 'o-demo12345/r-ab12/*'],
        },
      },
    })!;
    expect(grantsAccount(statement, '444444444444', 'o-demo12345', true)).toBe(
      true,
    );
    expect(grantsAccount(statement, '444444444444', 'o-demo12345', false)).toBe(
      false,
    );
  });
});
