import { describe, expect, it } from '@jest/globals';
import { AwsBackupSelectionFact } from '../../inventory';
import { PROD, resource, selection, TOKYO } from '../__fixtures__/builders';
import { selectionMatch } from './selection';

/**
 * resource-protected-by-plan: a selection is resolved the way AWS Backup resolves it —
 * (Resources OR ListOfTags) AND every Conditions entry, minus NotResources — and says why.
 */
const db = resource('RDS', PROD, TOKYO, 'orders', {
  tags: { app: 'payments', env: 'prod', tier: 'gold' },
});
const noConditions = {
  stringEquals: [],
  stringNotEquals: [],
  stringLike: [],
  stringNotLike: [],
};
const conditions = (
  c: Partial<AwsBackupSelectionFact['conditions']>,
): AwsBackupSelectionFact['conditions'] => ({ ...noConditions, ...c });
const tagCondition = (key: string, value: string) => ({
  conditionKey: `aws:ResourceTag/${key}`,
  conditionValue: value,
});
const base = { selectionId: 'sel-1', selectionName: 'by-app-tag' };

describe('resource-protected-by-plan: selections', () => {
  it('selected by Resources: names the pattern that matched (exact ARN or * wildcard)', () => {
    expect(
      selectionMatch(selection({ listOfTags: [], resources: [db.arn] }), db),
    ).toEqual({
      ...base,
      selected: true,
      reason: `Resources matches ${db.arn}`,
    });
    expect(
      selectionMatch(
        selection({
          listOfTags: [],
          resources: ['arn:aws:s3:::*', 'arn:aws:rds:*:222222222222:db:ord*'],
        }),
        db,
      ).reason,
    ).toBe('Resources matches arn:aws:rds:*:222222222222:db:ord*');
  });

  it('Resources patterns match the whole ARN, and dots or other regex characters literally', () => {
    const literal = (pattern: string) =>
      selectionMatch(selection({ listOfTags: [], resources: [pattern] }), db)
        .selected;
    expect(literal('arn:aws:rds:ap-northeast-1:222222222222:db:ord')).toBe(
      false,
    );
    expect(literal('rds:ap-northeast-1:222222222222:db:orders')).toBe(false);
    expect(literal('arn:aws:rds:ap.northeast-1:222222222222:db:orders')).toBe(
      false,
    );
    expect(literal('arn:aws:rds:ap-northeast-1:222222222222:db:orders')).toBe(
      true,
    );
  });

  it('selected by ListOfTags: names the tag; Resources wins the reason when both match', () => {
    expect(selectionMatch(selection(), db)).toEqual({
      ...base,
      selected: true,
      reason: 'ListOfTags app=payments',
    });
    expect(selectionMatch(selection({ resources: [db.arn] }), db).reason).toBe(
      `Resources matches ${db.arn}`,
    );
  });

  it('not selected: neither Resources nor ListOfTags names it (a tag with another value does not)', () => {
    expect(
      selectionMatch(
        selection({
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'app',
              conditionValue: 'billing',
            },
          ],
        }),
        db,
      ),
    ).toEqual({
      ...base,
      selected: false,
      reason: 'not listed in Resources or ListOfTags',
    });
    expect(
      selectionMatch(selection({ listOfTags: [], resources: [] }), db).selected,
    ).toBe(false);
  });

  it('a selection with only Conditions selects every resource that meets them', () => {
    const only = (c: Partial<AwsBackupSelectionFact['conditions']>) =>
      selectionMatch(
        selection({ listOfTags: [], resources: [], conditions: conditions(c) }),
        db,
      );
    for (const c of [
      { stringEquals: [tagCondition('env', 'prod')] },
      { stringNotEquals: [tagCondition('env', 'dev')] },
      { stringLike: [tagCondition('tier', 'go*')] },
      { stringNotLike: [tagCondition('tier', 'bronze*')] },
    ]) {
      expect(only(c)).toEqual({
        ...base,
        selected: true,
        reason: 'Conditions match',
      });
    }
    expect(only({ stringEquals: [tagCondition('env', 'dev')] })).toEqual({
      ...base,
      selected: false,
      named: false,
      reason: 'condition on aws:ResourceTag/env (dev) not met',
    });
  });

  it('a Resources match is still dropped by a failing StringEquals, StringLike or StringNotLike, and the plan counts as naming it', () => {
    const named = (c: Partial<AwsBackupSelectionFact['conditions']>) =>
      selectionMatch(
        selection({
          listOfTags: [],
          resources: [db.arn],
          conditions: conditions(c),
        }),
        db,
      );
    expect(named({ stringEquals: [tagCondition('env', 'dev')] })).toEqual({
      ...base,
      selected: false,
      named: true,
      reason: 'condition on aws:ResourceTag/env (dev) not met',
    });
    expect(named({ stringLike: [tagCondition('env', 'dev*')] })).toEqual({
      ...base,
      selected: false,
      named: true,
      reason: 'condition on aws:ResourceTag/env (dev*) not met',
    });
    expect(named({ stringNotLike: [tagCondition('env', 'pr*')] })).toEqual({
      ...base,
      selected: false,
      named: true,
      reason: 'condition on aws:ResourceTag/env (pr*) not met',
    });
    expect(
      named({ stringNotEquals: [tagCondition('env', 'prod')] }).reason,
    ).toBe('condition on aws:ResourceTag/env (prod) not met');
  });

  it('every condition must hold: one failing among passing ones drops the resource, and is the one named', () => {
    const r = selectionMatch(
      selection({
        conditions: conditions({
          stringEquals: [
            tagCondition('env', 'prod'),
            tagCondition('tier', 'silver'),
          ],
          stringLike: [tagCondition('app', 'pay*')],
        }),
      }),
      db,
    );
    expect(r).toMatchObject({
      selected: false,
      named: true,
      reason: 'condition on aws:ResourceTag/tier (silver) not met',
    });
  });

  it('StringLike on a tag the resource does not have fails; StringNotLike on it holds', () => {
    const untagged = resource('RDS', PROD, TOKYO, 'orders', { tags: {} });
    const sel = (c: Partial<AwsBackupSelectionFact['conditions']>) =>
      selectionMatch(
        selection({
          listOfTags: [],
          resources: [untagged.arn],
          conditions: conditions(c),
        }),
        untagged,
      );
    expect(sel({ stringLike: [tagCondition('env', '*')] })).toMatchObject({
      selected: true,
    });
    expect(sel({ stringLike: [tagCondition('env', 'p*')] })).toMatchObject({
      selected: false,
      reason: 'condition on aws:ResourceTag/env (p*) not met',
    });
    expect(sel({ stringNotLike: [tagCondition('env', 'p*')] })).toMatchObject({
      selected: true,
      reason: `Resources matches ${untagged.arn}`,
    });
  });

  it('conditions keys without the aws:ResourceTag/ prefix name the tag directly', () => {
    expect(
      selectionMatch(
        selection({
          conditions: conditions({
            stringEquals: [{ conditionKey: 'env', conditionValue: 'prod' }],
          }),
        }),
        db,
      ).selected,
    ).toBe(true);
  });

  it('NotResources excludes after Conditions and says which pattern', () => {
    expect(
      selectionMatch(
        selection({ notResources: ['arn:aws:rds:*:*:db:ord*'] }),
        db,
      ),
    ).toEqual({
      ...base,
      selected: false,
      named: true,
      excludedByNotResources: true,
      reason: 'excluded by NotResources arn:aws:rds:*:*:db:ord*',
    });
    expect(
      selectionMatch(
        selection({ notResources: ['arn:aws:rds:*:*:db:other'] }),
        db,
      ).selected,
    ).toBe(true);
  });

  it('only a leading aws:ResourceTag/ is the prefix: a tag key that merely contains it is the whole key', () => {
    const legacy = resource('RDS', PROD, TOKYO, 'orders', {
      tags: { 'legacy:aws:ResourceTag/app': 'payments' },
    });
    expect(
      selectionMatch(
        selection({
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'legacy:aws:ResourceTag/app',
              conditionValue: 'payments',
            },
          ],
        }),
        legacy,
      ),
    ).toEqual({
      ...base,
      selected: true,
      reason: 'ListOfTags legacy:aws:ResourceTag/app=payments',
    });
  });

  it('Conditions alone select only when Resources and ListOfTags are both empty; a selection with nothing selects nothing', () => {
    const met = conditions({ stringEquals: [tagCondition('env', 'prod')] });
    const notListed = {
      ...base,
      selected: false,
      reason: 'not listed in Resources or ListOfTags',
    };
    for (const other of [
      { resources: ['arn:aws:rds:*:*:db:other'], listOfTags: [] },
      {
        resources: [],
        listOfTags: [
          {
            conditionType: 'STRINGEQUALS',
            conditionKey: 'app',
            conditionValue: 'billing',
          },
        ],
      },
    ]) {
      expect(
        selectionMatch(selection({ ...other, conditions: met }), db),
      ).toEqual(notListed);
    }
    expect(
      selectionMatch(
        selection({ resources: [], listOfTags: [], conditions: noConditions }),
        db,
      ),
    ).toEqual(notListed);
  });

  it('NotResources: a resource selected and excluded by wildcards only is not named by the plan; an exact NotResources ARN names it', () => {
    const wide = (notResources: string[]) =>
      selectionMatch(
        selection({
          listOfTags: [],
          resources: ['arn:aws:rds:*'],
          notResources,
        }),
        db,
      );
    expect(wide(['arn:aws:rds:*:*:db:ord*'])).toEqual({
      ...base,
      selected: false,
      named: false,
      excludedByNotResources: true,
      reason: 'excluded by NotResources arn:aws:rds:*:*:db:ord*',
    });
    expect(wide([db.arn])).toEqual({
      ...base,
      selected: false,
      named: true,
      excludedByNotResources: true,
      reason: `excluded by NotResources ${db.arn}`,
    });
  });
});
