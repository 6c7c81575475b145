import { describe, expect, it } from '@jest/globals';
import {
  conditionValues,
  coversAction,
  grantsAccount,
  parsePolicy,
  PolicyStatement,
  principalAccount,
} from './policy';

/** Policy reading behind B2 (vault access policy), B4 (source key policy) and B8 guard rails. */
const ORG = 'o-demo12345';
const one = (statement: object): PolicyStatement =>
  parsePolicy(JSON.stringify({ Statement: statement }))![0];

describe('policy: parsing', () => {
  it('reads effect, actions, AWS and service principals, and conditions', () => {
    expect(
      parsePolicy(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: {
                AWS: ['arn:aws:iam::222222222222:root', '444444444444'],
                Service: 'backup.amazonaws.com',
              },
              Action: ['backup:DeleteRecoveryPoint', 'backup:Put*'],
              Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
            },
          ],
        }),
      ),
    ).toEqual([
      {
        effect: 'Deny',
        actions: ['backup:DeleteRecoveryPoint', 'backup:Put*'],
        principals: [
          'arn:aws:iam::222222222222:root',
          '444444444444',
          'backup.amazonaws.com',
        ],
        hasConditions: true,
        conditions: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
      },
    ]);
  });

  it('a single statement object, Principal "*", and a statement without principal or condition', () => {
    expect(
      one({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt' }),
    ).toEqual({
      effect: 'Allow',
      actions: ['kms:Decrypt'],
      principals: ['*'],
      hasConditions: false,
      conditions: {},
    });
    expect(one({ Effect: 'Allow', Action: 'kms:Decrypt' })).toMatchObject({
      principals: [],
      hasConditions: false,
    });
    expect(
      one({ Effect: 'Allow', Principal: { AWS: null }, Condition: 'x' }),
    ).toMatchObject({ actions: [], principals: [], conditions: {} });
  });

  it('anything but "Deny" is read as Allow; an empty condition block is no condition', () => {
    expect(one({ Effect: 'allow', Action: '*', Condition: {} })).toMatchObject({
      effect: 'Allow',
      hasConditions: false,
    });
  });

  it('not valid JSON is undefined; a document without statements has none', () => {
    expect(parsePolicy('{"Statement": [')).toBeUndefined();
    expect(parsePolicy('{}')).toEqual([]);
    expect(parsePolicy('null')).toEqual([]);
  });
});

describe('policy: actions and principals', () => {
  it('covers an action by exact name, case-insensitively, or by wildcard', () => {
    const s = one({
      Effect: 'Allow',
      Action: ['backup:CopyIntoBackupVault', 'kms:Create*'],
    });
    expect(coversAction(s, 'backup:CopyIntoBackupVault')).toBe(true);
    expect(coversAction(s, 'BACKUP:copyintobackupvault')).toBe(true);
    expect(coversAction(s, 'kms:CreateGrant')).toBe(true);
    expect(coversAction(s, 'kms:Decrypt')).toBe(false);
    expect(coversAction(s, 'backup:CopyIntoBackupVaultX')).toBe(false);
    expect(coversAction(s, 'xbackup:CopyIntoBackupVault')).toBe(false);
    expect(
      coversAction(one({ Effect: 'Allow', Action: '*' }), 'kms:Decrypt'),
    ).toBe(true);
    expect(
      coversAction(
        one({ Effect: 'Allow', Action: 'kms.Decrypt' }),
        'kmsxDecrypt',
      ),
    ).toBe(false);
  });

  it('reads the account of a principal: an account id, an IAM or STS ARN; nothing else', () => {
    expect(principalAccount('222222222222')).toBe('222222222222');
    expect(principalAccount('arn:aws:iam::222222222222:root')).toBe(
      '222222222222',
    );
    expect(principalAccount('arn:aws:iam::222222222222:role/backup')).toBe(
      '222222222222',
    );
    expect(principalAccount('arn:aws:sts::222222222222:assumed-role/r/s')).toBe(
      '222222222222',
    );
    expect(principalAccount('arn:aws-cn:iam::222222222222:root')).toBe(
      '222222222222',
    );
    expect(principalAccount('2222222222221')).toBeUndefined();
    expect(principalAccount('x222222222222')).toBeUndefined();
    expect(principalAccount('arn:aws:s3:::222222222222:root')).toBeUndefined();
    expect(principalAccount('backup.amazonaws.com')).toBeUndefined();
  });

  it('collects a condition key across operators, case-insensitively', () => {
    const s = one({
      Effect: 'Allow',
      Condition: {
        StringEquals: { 'aws:PrincipalOrgID': ORG },
        'ForAnyValue:StringLike': {
          'AWS:principalorgid': ['o-a*', 'o-b*'],
          'aws:SourceAccount': '1',
        },
      },
    });
    expect(conditionValues(s, 'aws:PrincipalOrgID')).toEqual([
      ORG,
      'o-a*',
      'o-b*',
    ]);
    expect(conditionValues(s, 'aws:PrincipalAccount')).toEqual([]);
  });
});

describe('policy: which accounts a statement grants (B2, B4)', () => {
  const anyone = (condition?: object) =>
    one({ Effect: 'Allow', Principal: '*', Condition: condition });

  it('B2: a principal naming the account, its root or a role in it', () => {
    const s = one({
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::222222222222:role/backup'] },
    });
    expect(grantsAccount(s, '222222222222', ORG, true)).toBe(true);
    expect(grantsAccount(s, '444444444444', ORG, true)).toBe(false);
  });

  it('B2: anyone without conditions grants every account; with an unrelated condition none is sure', () => {
    expect(grantsAccount(anyone(), '222222222222', undefined, false)).toBe(
      true,
    );
    expect(
      grantsAccount(
        one({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:root' } }),
        '222222222222',
        undefined,
        false,
      ),
    ).toBe(true);
    expect(
      grantsAccount(
        anyone({ Bool: { 'aws:SecureTransport': 'true' } }),
        '222222222222',
        ORG,
        true,
      ),
    ).toBe(false);
  });

  it('B2: anyone restricted to an organization grants accounts in that organization only', () => {
    const s = anyone({ StringEquals: { 'aws:PrincipalOrgID': ORG } });
    expect(grantsAccount(s, '222222222222', ORG, true)).toBe(true);
    expect(grantsAccount(s, '222222222222', ORG, false)).toBe(false);
    expect(grantsAccount(s, '222222222222', 'o-other', true)).toBe(false);
    expect(grantsAccount(s, '222222222222', undefined, true)).toBe(false);
  });

  it('B2: anyone restricted to organization paths grants accounts of that organization only', () => {
    const s = anyone({
      'ForAnyValue:StringLike': {
        'aws:PrincipalOrgPaths': [`${ORG}/r-ab12/ou-ab12-11111111/*`],
      },
    });
    expect(grantsAccount(s, '222222222222', ORG, true)).toBe(true);
    expect(grantsAccount(s, '222222222222', ORG, false)).toBe(false);
    expect(grantsAccount(s, '222222222222', 'o-other', true)).toBe(false);
    expect(grantsAccount(s, '222222222222', undefined, true)).toBe(false);
  });

  it('B2: anyone restricted to named accounts grants exactly those', () => {
    const s = anyone({
      StringEquals: {
        'aws:PrincipalAccount': ['222222222222'],
        'aws:PrincipalOrgID': ORG,
      },
    });
    expect(grantsAccount(s, '222222222222', undefined, false)).toBe(true);
    expect(grantsAccount(s, '444444444444', ORG, true)).toBe(false);
  });

  it('a service principal grants no account', () => {
    const s = one({
      Effect: 'Allow',
      Principal: { Service: 'backup.amazonaws.com' },
    });
    expect(grantsAccount(s, '222222222222', ORG, true)).toBe(false);
  });
});
