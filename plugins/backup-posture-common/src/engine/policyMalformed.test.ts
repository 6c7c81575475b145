import { describe, expect, it } from '@jest/globals';
import { parsePolicy, principalAccount } from './policy';

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
});
