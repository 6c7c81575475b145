import { describe, expect, it } from '@jest/globals';
import { EntityInventory, ScopeStatus } from '../inventory';
import { LineageChain } from '../posture';
import { builtInChecks } from './checks';
import { isProviderCheck } from './checks/backupPostureCheck';
import {
  ProviderCheck,
  ProviderEvaluationInput,
  ProviderLineageBuilder,
} from './checks/providerTypes';
import { finding } from './checks/types';
import { coverageOf } from './coverage';
import { evaluatePosture } from './evaluate';
import { DEFAULT_POSTURE_LIMITS } from './options';

const NOW = '2026-11-23T00:00:00.000Z';

interface Vaults {
  vaults: Array<{ name: string; locked: boolean }>;
}

const scope = (
  cloud: string,
  account: string,
  state: ScopeStatus['state'] = 'ok',
  region = 'global',
): ScopeStatus => ({ cloud, account, region, state });

/** A module cloud's check: each vault locked (pass) or not (fail). */
const lockedCheck = (
  cloud: string,
  id = `${cloud}-vault-locked`,
  seen: ProviderEvaluationInput[] = [],
): ProviderCheck<Vaults> => ({
  definition: {
    id,
    title: `${cloud} vaults are locked`,
    cloud,
    severity: 'high',
    rules: ['X1'],
    description: 'd',
    remediation: { why: 'w', console: ['c'] },
  },
  evaluate(input) {
    seen.push(input);
    return input.slice.vaults.map(v =>
      finding(
        v.name,
        v.locked ? 'pass' : 'fail',
        v.locked ? 'locked' : 'not locked',
        {
          vault: v.name,
          chains: input.lineage.length,
        },
      ),
    );
  },
});

const chain = (resourceArn: string): LineageChain => ({
  resourceArn,
  resourceType: 'vault',
  encryptionModel: 'independent',
  links: [],
});

const inventory = (
  clouds: Record<string, Vaults>,
  scopes: ScopeStatus[] = [],
): EntityInventory => ({
  entityRef: 'component:default/svc',
  clouds,
  scopes,
  problems: [],
});

describe('clouds added by backend modules (EntityInventory.clouds, ProviderCheck)', () => {
  it("runs each cloud's checks on its own part with its own scopes, clouds by name", () => {
    const seen: ProviderEvaluationInput[] = [];
    const gcp = lockedCheck('gcp', 'gcp-vault-locked', seen);
    const onprem = lockedCheck('onprem', 'onprem-vault-locked', seen);
    const scopes = [
      scope('onprem', 'fra'),
      scope('gcp', 'proj-1', 'stale', 'europe-west1'),
      scope('gcp', 'proj-2', 'error', 'us-east1'),
    ];
    const result = evaluatePosture(
      inventory(
        {
          onprem: { vaults: [{ name: 'fra-1', locked: false }] },
          gcp: { vaults: [{ name: 'g-1', locked: true }] },
        },
        scopes,
      ),
      { now: NOW, checks: [...builtInChecks, onprem, gcp] },
    );
    // No AWS or Azure inventory: none of the built-in checks runs.
    expect(result.checks.map(c => [c.checkId, c.cloud, c.status])).toEqual([
      ['gcp-vault-locked', 'gcp', 'pass'],
      ['onprem-vault-locked', 'onprem', 'fail'],
    ]);
    expect(result.checks[1]).toMatchObject({
      title: 'onprem vaults are locked',
      severity: 'high',
      rules: ['X1'],
      summary: '1 fail',
      findings: [
        {
          subject: 'fra-1',
          status: 'fail',
          message: 'not locked',
          evidence: { vault: 'fra-1', chains: 0 },
        },
      ],
    });
    expect(seen.map(i => [i.cloud, i.entityRef, i.scopes])).toEqual([
      ['gcp', 'component:default/svc', [scopes[1], scopes[2]]],
      ['onprem', 'component:default/svc', [scopes[0]]],
    ]);
    expect(seen[0].slice).toEqual({ vaults: [{ name: 'g-1', locked: true }] });
    expect(seen[0].now.toISOString()).toBe(NOW);
    expect(seen[0].limits).toEqual(DEFAULT_POSTURE_LIMITS);
    // A failing check of a module cloud is scored like a built-in one.
    expect(result.score.counts).toMatchObject({ pass: 1, fail: 1 });
  });

  it("draws a cloud's lineage with its builder and hands the chains to its checks", () => {
    const built: Array<Omit<ProviderEvaluationInput, 'lineage'>> = [];
    const builder: ProviderLineageBuilder = input => {
      built.push(input);
      return [chain(`${input.cloud}:a`), chain(`${input.cloud}:b`)];
    };
    const result = evaluatePosture(
      inventory({
        onprem: { vaults: [{ name: 'v', locked: true }] },
        gcp: { vaults: [] },
      }),
      {
        now: NOW,
        checks: [lockedCheck('onprem')],
        lineage: { onprem: builder },
        limits: { minRetentionDays: 30 },
      },
    );
    expect(result.lineage.map(c => c.resourceArn)).toEqual([
      'onprem:a',
      'onprem:b',
    ]);
    expect(result.checks[0].findings[0].evidence).toEqual({
      vault: 'v',
      chains: 2,
    });
    expect(built).toHaveLength(1);
    expect(built[0]).not.toHaveProperty('lineage');
    expect(built[0].limits.minRetentionDays).toBe(30);
  });

  it('accepts a finding of a module check by an exception like a built-in one', () => {
    const result = evaluatePosture(
      inventory({ onprem: { vaults: [{ name: 'v', locked: false }] } }),
      {
        now: NOW,
        checks: [lockedCheck('onprem')],
        exceptions: [
          {
            checkId: 'onprem-vault-locked',
            entityRef: 'component:default/svc',
            justification: 'Lock scheduled with the appliance upgrade',
            approver: 'ciso@example.com',
            expiresAt: '2027-01-31',
          },
        ],
      },
    );
    expect(result.checks[0].status).toBe('accepted');
    expect(result.checks[0].findings[0]).toMatchObject({
      status: 'accepted',
      message:
        'not locked (accepted until 2027-01-31: Lock scheduled with the appliance upgrade)',
    });
  });

  it('tells module checks apart from AWS and Azure ones', () => {
    expect(builtInChecks.filter(isProviderCheck)).toEqual([]);
    expect(isProviderCheck(lockedCheck('onprem'))).toBe(true);
  });

  it("counts the accounts and regions of a module cloud's scopes in the coverage", () => {
    expect(
      coverageOf(
        inventory({ onprem: { vaults: [] } }, [
          scope('onprem', 'fra'),
          scope('onprem', 'ams', 'error', 'eu-north'),
          // Not in the entity's inventory: not its coverage.
          scope('gcp', 'proj-1', 'ok', 'europe-west1'),
        ]),
      ),
    ).toEqual({
      accounts: ['ams', 'fra'],
      subscriptions: [],
      regions: ['eu-north'],
    });
  });
});

describe('module clouds and validUntil (engine/clock.ts)', () => {
  const timedCheck = (
    use: (input: ProviderEvaluationInput<Vaults>) => boolean,
  ): ProviderCheck<Vaults> => ({
    ...lockedCheck('onprem'),
    evaluate: input => [
      finding('v', use(input) ? 'pass' : 'fail', 'timed', {}),
    ],
  });
  const evaluate = (check: ProviderCheck<Vaults>) =>
    evaluatePosture(
      inventory({ onprem: { vaults: [{ name: 'v', locked: true }] } }),
      { now: NOW, checks: [check] },
    );

  it('a check that compares through input.clock holds until its instant; one that reads nothing of the time, forever', () => {
    const expiry = '2026-11-30T00:00:00.000Z';
    const timed = evaluate(timedCheck(i => !i.clock.hasPassed(expiry)));
    expect(timed.validUntil).toBe(expiry);
    expect(timed.checks[0].status).toBe('pass');
    expect(evaluate(lockedCheck('onprem')).validUntil).toBeUndefined();
  });

  it('a check that reads input.now itself holds only for the evaluation instant', () => {
    const raw = evaluate(timedCheck(i => i.now.getTime() > 0));
    expect(raw.validUntil).toBe(NOW);
    expect(raw.checks[0].status).toBe('pass');
  });
});
