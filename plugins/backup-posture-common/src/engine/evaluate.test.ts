import { describe, expect, it, jest } from '@jest/globals';
import { evaluatePosture } from './evaluate';
import { listCheckDefinitions } from './checks';
import { auroraCrossRegionIntoAwsBackupVault } from './__fixtures__/scenarios';
import { entity, errorScope, NOW, PROD, TOKYO } from './__fixtures__/builders';

describe('evaluatePosture', () => {
  it('is deterministic and never reads the clock when now is given', () => {
    const spy = jest.spyOn(Date, 'now');
    const inv = auroraCrossRegionIntoAwsBackupVault().inventory;
    const a = evaluatePosture(inv, { now: NOW });
    const b = evaluatePosture(inv, { now: NOW });
    expect(a).toEqual(b);
    expect(a.evaluatedAt).toBe(NOW);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('runs every AWS check of the catalog, each with remediation', () => {
    const r = evaluatePosture(auroraCrossRegionIntoAwsBackupVault().inventory, {
      now: NOW,
    });
    expect(r.checks.map(c => c.checkId)).toEqual(
      listCheckDefinitions()
        .filter(d => d.cloud === 'aws')
        .map(d => d.id),
    );
    for (const c of r.checks) {
      expect(c.remediation.why).not.toBe('');
      expect(c.remediation.console.length).toBeGreaterThan(0);
      expect(c.remediation.cli).toBeTruthy();
      expect(c.remediation.terraform).toBeTruthy();
    }
    expect(r.score.score).not.toBeNull();
  });

  it('has stable, unique check ids matching the catalog', () => {
    const ids = listCheckDefinitions().map(d => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'vault-key-customer-managed',
        'recovery-point-encrypted',
        'key-lineage-consistent',
        'copy-destination-key',
        'cross-account-copy-ready',
        'copy-jobs-succeeding',
        'lifecycle-cold-storage-valid',
        'vault-lock',
        'lock-vs-plan-retention',
        'vault-policy-protects-deletion',
        'vault-policy-trusted-principals',
        'air-gapped-copy-present',
        'air-gapped-vault-recovery-ready',
        'restore-access-vault-hygiene',
        'backup-key-healthy',
        'resource-protected-by-plan',
        'cross-region-copy-configured',
        'cross-account-copy-configured',
        'last-recovery-point-age',
        'plan-frequency-retention',
      ]),
    );
  });

  it('an entity without cloud data evaluates nothing and scores null', () => {
    const r = evaluatePosture(entity(undefined), { now: NOW });
    expect(r.checks).toEqual([]);
    expect(r.lineage).toEqual([]);
    expect(r.score).toMatchObject({ score: null, grade: null });
  });

  it('an AWS scope that failed entirely yields unknown, not pass, and lowers the score', () => {
    const s = auroraCrossRegionIntoAwsBackupVault();
    const inv = entity(
      { ...s.inventory.aws!, plans: [], recoveryPoints: [], copyJobs: [] },
      [errorScope(PROD, TOKYO)],
    );
    const r = evaluatePosture(inv, { now: NOW });
    const byId = Object.fromEntries(r.checks.map(c => [c.checkId, c.status]));
    expect(byId['resource-protected-by-plan']).toBe('unknown');
    expect(byId['last-recovery-point-age']).toBe('unknown');
    expect(
      r.checks.some(c => c.status === 'pass' && c.findings.length === 0),
    ).toBe(false);
  });
});
