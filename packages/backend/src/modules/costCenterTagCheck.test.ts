import { describe, expect, it } from '@jest/globals';
import {
  AwsResourceFact,
  EntityInventory,
  evaluatePosture,
  ScopeStatus,
} from '@backup-posture/plugin-backup-posture-common';
import { costCenterTagCheck } from './costCenterTagCheck';

const NOW = '2026-11-23T00:00:00.000Z';
const ARN = 'arn:aws:dynamodb:ap-northeast-1:222222222222:table/ledger';

const resource = (parts: Partial<AwsResourceFact>): AwsResourceFact => ({
  arn: ARN,
  resourceType: 'DynamoDB',
  accountId: '222222222222',
  region: 'ap-northeast-1',
  tags: {},
  matchedBy: 'arn',
  ...parts,
});

/** The check alone, as the engine runs it for a backend with the module installed. */
function evaluate(r: AwsResourceFact, scopes: ScopeStatus[] = []) {
  const inventory: EntityInventory = {
    entityRef: 'component:default/ledger',
    aws: {
      resources: [r],
      vaults: [],
      plans: [],
      recoveryPoints: [],
      copyJobs: [],
      keys: [],
    },
    scopes,
    problems: [],
  };
  const [result] = evaluatePosture(inventory, {
    now: NOW,
    checks: [costCenterTagCheck],
  }).checks;
  return result;
}

describe('cost-center-tag', () => {
  it('passes when the resource carries a cost-center tag, naming it', () => {
    const r = evaluate(resource({ tags: { 'cost-center': 'cc-4711' } }));
    expect(r).toMatchObject({ checkId: 'cost-center-tag', status: 'pass' });
    expect(r.findings).toEqual([
      {
        subject: ARN,
        status: 'pass',
        message: 'cost-center is cc-4711',
        evidence: {
          resourceArn: ARN,
          tagKey: 'cost-center',
          costCenter: 'cc-4711',
        },
      },
    ]);
  });

  it('fails when the tag is missing (listing the tags it has) or empty', () => {
    const missing = evaluate(resource({ tags: { team: 'payments' } }));
    expect(missing.status).toBe('fail');
    expect(missing.findings[0]).toMatchObject({
      message: 'no cost-center tag',
      evidence: { tagKey: 'cost-center', tagKeys: ['team'] },
    });
    const empty = evaluate(resource({ tags: { 'cost-center': ' ' } }));
    expect(empty.findings[0]).toMatchObject({
      status: 'fail',
      message: 'the cost-center tag is empty',
    });
  });

  it('is unknown, never a pass or fail, when the tags were not read', () => {
    const failedScope: ScopeStatus = {
      cloud: 'aws',
      account: '222222222222',
      region: 'ap-northeast-1',
      state: 'error',
      error: { name: 'AccessDeniedException', message: 'denied' },
    };
    const tagSets: Array<Record<string, string>> = [
      {},
      { 'cost-center': 'cc-4711' },
    ];
    for (const tags of tagSets) {
      const r = evaluate(resource({ tags }), [failedScope]);
      expect(r.status).toBe('unknown');
      expect(r.findings[0].message).toBe(
        'tags not read: scan of account 222222222222 in ap-northeast-1 failed: AccessDeniedException: denied',
      );
    }
    const nowhere = evaluate(
      resource({ arn: 'arn:aws:s3:::bucket', accountId: '', region: '' }),
    );
    expect(nowhere.findings[0]).toMatchObject({
      status: 'unknown',
      message:
        'the resource’s account and region are not known, so its tags were not read',
    });
  });

  it('has nothing to say about an entity without AWS resources', () => {
    const inventory: EntityInventory = {
      entityRef: 'component:default/azure-only',
      scopes: [],
      problems: [],
    };
    expect(
      evaluatePosture(inventory, { now: NOW, checks: [costCenterTagCheck] })
        .checks,
    ).toEqual([]);
  });
});
