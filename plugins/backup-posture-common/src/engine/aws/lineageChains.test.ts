import { describe, expect, it } from '@jest/globals';
import { MAX_COPY_HOPS } from './lineageCopies';
import {
  awsInventory,
  copyJob,
  entity,
  hoursAgo,
  OSAKA,
  plan,
  PROD,
  recoveryPoint,
  resource,
  rule,
  TOKYO,
  vault,
} from '../__fixtures__/builders';
import {
  lineageOf,
  node,
  prodKey,
  osakaKey,
  centralKey,
  primaryVault,
  osakaVault,
  centralVault,
} from './__testUtils__/lineageEvidence';

describe('the primary vaults of key lineage (A5)', () => {
  it('A5: a vault holding primary points that no rule targets is a primary, named by the plan that made them or as an on-demand backup', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const other = vault(PROD, TOKYO, 'other', prodKey);
    const byOldPlan = recoveryPoint(fs, osakaVault, osakaKey, {
      createdBy: { backupPlanId: 'old-plan' },
    });
    const onDemand = recoveryPoint(fs, other, prodKey);
    const [chain] = lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, osakaVault, other],
          keys: [prodKey, osakaKey],
          plans: [
            plan(PROD, TOKYO, [
              rule('primary'),
              rule('primary', { ruleId: 'weekly', ruleName: 'weekly' }),
            ]),
          ],
          recoveryPoints: [byOldPlan, onDemand],
        }),
      ),
    );
    expect(chain.links.map(l => [l.kind, l.vaultName, l.via?.label])).toEqual([
      ['source', undefined, undefined],
      ['primary', 'primary', 'payments-plan / daily'],
      ['primary', 'dr', 'plan old-plan'],
      ['primary', 'other', 'on-demand backup'],
    ]);
    expect(node(chain, 'dr')).toMatchObject({
      parentId: 'source',
      depth: 1,
      recoveryPointArn: byOldPlan.recoveryPointArn,
      observedKey: { keyArn: osakaKey.arn },
      expectedKey: { keyArn: osakaKey.arn },
      issues: [],
    });
  });

  it('A5: the chains of an entity’s resources come in the order of their ARNs, whatever order discovery listed them in', () => {
    const chains = lineageOf(
      entity(
        awsInventory({
          resources: ['fs-3', 'fs-1', 'fs-2'].map(n =>
            resource('EFS', PROD, TOKYO, n),
          ),
          vaults: [primaryVault],
          keys: [prodKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
        }),
      ),
    );
    expect(chains.map(c => c.resourceArn.split('/').pop())).toEqual([
      'fs-1',
      'fs-2',
      'fs-3',
    ]);
  });

  it('A5: copy jobs of another resource of the entity do not add vaults to this resource’s lineage', () => {
    const fs = resource('EFS', PROD, TOKYO, 'fs-1');
    const fs2 = resource('EFS', PROD, TOKYO, 'fs-2');
    const chains = lineageOf(
      entity(
        awsInventory({
          resources: [fs, fs2],
          vaults: [primaryVault, centralVault],
          keys: [prodKey, centralKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
          copyJobs: [copyJob(fs2, primaryVault, centralVault, 'COMPLETED')],
        }),
      ),
    );
    const mine = chains.find(c => c.resourceArn === fs.arn)!;
    expect(mine.links.map(l => l.vaultName)).toEqual([undefined, 'primary']);
    const theirs = chains.find(c => c.resourceArn === fs2.arn)!;
    expect(theirs.links.map(l => l.vaultName)).toEqual([
      undefined,
      'primary',
      'central',
    ]);
  });
});

describe('how far key lineage follows copies (A5)', () => {
  const fs = resource('EFS', PROD, TOKYO, 'fs-1');
  const hopVaults = [1, 2, 3, 4, 5].map(i =>
    vault(PROD, OSAKA, `hop-${i}`, osakaKey),
  );
  const jobsAlong = (vaults: ReturnType<typeof vault>[]) =>
    vaults.map((to, i) =>
      copyJob(fs, i === 0 ? primaryVault : vaults[i - 1], to, 'COMPLETED', {
        copyJobId: `hop-${i + 1}`,
      }),
    );
  const chainWith = (copyJobs: ReturnType<typeof copyJob>[]) =>
    lineageOf(
      entity(
        awsInventory({
          resources: [fs],
          vaults: [primaryVault, ...hopVaults],
          keys: [prodKey, osakaKey],
          plans: [plan(PROD, TOKYO, [rule('primary')])],
          copyJobs,
        }),
      ),
    )[0];

  it('A5: copies are followed at most MAX_COPY_HOPS (4) hops from the primary vault', () => {
    expect(MAX_COPY_HOPS).toBe(4);
    const chain = chainWith(jobsAlong(hopVaults));
    expect(chain.links.map(l => [l.vaultName, l.depth])).toEqual([
      [undefined, 0],
      ['primary', 1],
      ['hop-1', 2],
      ['hop-2', 3],
      ['hop-3', 4],
      ['hop-4', 5],
    ]);
  });

  it('A5: a copy made by a job is labelled with the newest job between its parent and it, not a newer job from the same parent elsewhere', () => {
    const [first, second] = hopVaults;
    const chain = chainWith([
      ...jobsAlong([first, second]),
      copyJob(fs, first, hopVaults[4], 'FAILED', {
        copyJobId: 'elsewhere',
        creationDate: hoursAgo(1),
      }),
    ]);
    expect(node(chain, 'hop-2')).toMatchObject({
      parentId: first.arn,
      via: { kind: 'copy-job', label: 'copy job hop-2', state: 'COMPLETED' },
      copyState: 'completed',
    });
  });

  it('A5: a copy job from a vault into itself is no edge: the vault hangs under the vault it was copied from, and its own copies follow', () => {
    const [first, second] = hopVaults;
    const chain = chainWith([
      ...jobsAlong([first, second]),
      // A newer job names first as both its source and destination.
      copyJob(fs, first, first, 'COMPLETED', {
        copyJobId: 'within',
        creationDate: hoursAgo(1),
      }),
    ]);
    expect(chain.links.map(l => [l.vaultName, l.parentId])).toEqual([
      [undefined, undefined],
      ['primary', 'source'],
      ['hop-1', primaryVault.arn],
      ['hop-2', first.arn],
    ]);
    expect(node(chain, 'hop-1').via).toEqual({
      kind: 'copy-job',
      label: 'copy job hop-1',
      state: 'COMPLETED',
    });
  });
});
