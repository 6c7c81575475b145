import { describe, expect, it } from '@jest/globals';
import { SimBackupSelection, SimResource } from '../model/types';
import { selectionAssigns } from './selection';

const resource = (name: string, tags: Record<string, string>): SimResource => ({
  arn: `arn:aws:dynamodb:us-east-1:222222222222:table/${name}`,
  type: 'DynamoDB',
  accountId: '222222222222',
  region: 'us-east-1',
  name,
  tags,
});
const selection = (s: Partial<SimBackupSelection>): SimBackupSelection => ({
  selectionId: 'id',
  selectionName: 'n',
  iamRoleArn: 'r',
  creationDate: '2026-01-01T00:00:00.000Z',
  resources: [],
  notResources: [],
  listOfTags: [],
  ...s,
  conditions: {
    stringEquals: [],
    stringNotEquals: [],
    stringLike: [],
    stringNotLike: [],
    ...s.conditions,
  },
});

describe('backup selection resolution', () => {
  it('matches ARN wildcards minus NotResources', () => {
    const s = selection({
      resources: ['arn:aws:dynamodb:us-east-1:222222222222:table/*'],
      notResources: ['*-scratch'],
    });
    expect(selectionAssigns(s, resource('orders', {}))).toBe(true);
    expect(selectionAssigns(s, resource('orders-scratch', {}))).toBe(false);
  });
  it('ANDs Conditions with Resources and ORs ListOfTags', () => {
    const s = selection({
      resources: ['*'],
      conditions: {
        stringEquals: [
          { conditionKey: 'aws:ResourceTag/env', conditionValue: 'prod' },
        ],
        stringNotEquals: [],
        stringLike: [
          { conditionKey: 'aws:ResourceTag/team', conditionValue: 'pay*' },
        ],
        stringNotLike: [],
      },
    });
    expect(
      selectionAssigns(s, resource('a', { env: 'prod', team: 'payments' })),
    ).toBe(true);
    expect(
      selectionAssigns(s, resource('b', { env: 'dev', team: 'payments' })),
    ).toBe(false);
    const legacy = selection({
      listOfTags: [
        {
          conditionType: 'STRINGEQUALS',
          conditionKey: 'a',
          conditionValue: '1',
        },
        {
          conditionType: 'STRINGEQUALS',
          conditionKey: 'b',
          conditionValue: '2',
        },
      ],
    });
    expect(selectionAssigns(legacy, resource('x', { b: '2' }))).toBe(true);
    expect(selectionAssigns(legacy, resource('y', { c: '3' }))).toBe(false);
  });
  it('selects nothing when a selection names nothing', () => {
    expect(selectionAssigns(selection({}), resource('z', {}))).toBe(false);
  });
});
