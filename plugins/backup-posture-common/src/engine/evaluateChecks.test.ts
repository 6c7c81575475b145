import { describe, expect, it } from '@jest/globals';
import { evaluatePosture } from './evaluate';
import { builtInChecks, listCheckDefinitions } from './checks';
import { AwsCheck, finding } from './checks/types';
import { AzureCheck } from './checks/azureTypes';
import { auroraCrossRegionIntoAwsBackupVault } from './__fixtures__/scenarios';
import { NOW } from './__fixtures__/builders';

const remediation = { why: 'w', console: ['c'] };

const awsExtra: AwsCheck = {
  definition: {
    id: 'org-resources-named',
    title: 'Resources are named',
    cloud: 'aws',
    severity: 'low',
    rules: [],
    description: 'd',
    remediation,
  },
  evaluate: ({ ctx }) =>
    ctx.aws.resources.map(r => finding(r.arn, 'pass', 'named')),
};

const azureExtra: AzureCheck = {
  definition: { ...awsExtra.definition, id: 'org-azure', cloud: 'azure' },
  evaluate: () => [finding('x', 'fail', 'never run here')],
};

describe('evaluatePosture with a given check list', () => {
  const inventory = auroraCrossRegionIntoAwsBackupVault().inventory;

  it('runs the built-in checks by default', () => {
    expect(builtInChecks.map(c => c.definition)).toEqual(
      listCheckDefinitions(),
    );
    const byDefault = evaluatePosture(inventory, { now: NOW });
    const given = evaluatePosture(inventory, {
      now: NOW,
      checks: builtInChecks,
    });
    expect(given).toEqual(byDefault);
  });

  it('runs exactly the given checks, each only for a cloud the inventory covers', () => {
    const r = evaluatePosture(inventory, {
      now: NOW,
      checks: [azureExtra, awsExtra],
    });
    expect(r.checks.map(c => c.checkId)).toEqual(['org-resources-named']);
    expect(r.checks[0]).toMatchObject({
      status: 'pass',
      cloud: 'aws',
      severity: 'low',
      findings: [{ status: 'pass', message: 'named' }],
    });
    expect(r.score.score).toBe(100);
  });

  it('puts AWS checks before Azure ones, each cloud in the given order', () => {
    const withAzure = {
      ...inventory,
      scopes: [
        ...inventory.scopes,
        {
          cloud: 'azure' as const,
          account: 'sub',
          region: 'global',
          state: 'ok' as const,
        },
      ],
    };
    const r = evaluatePosture(withAzure, {
      now: NOW,
      checks: [azureExtra, ...builtInChecks.slice(0, 2), awsExtra],
    });
    expect(r.checks.map(c => c.checkId)).toEqual([
      builtInChecks[0].definition.id,
      builtInChecks[1].definition.id,
      'org-resources-named',
      'org-azure',
    ]);
  });
});
