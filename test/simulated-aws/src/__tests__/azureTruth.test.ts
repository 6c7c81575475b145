import { describe, expect, it } from '@jest/globals';
import { demoScenario } from '../model/demo';
import { AZURE_CHECK_IDS, azureTruth } from '../azure/truth';
import {
  DEMO_AZURE_PRINCIPALS as P,
  DEMO_AZURE_SUBSCRIPTIONS as S,
} from '../azure/demo';
import { NOW } from '../__testUtils__/demoSimulator';

const estate = demoScenario({ now: NOW });
const truth = azureTruth(estate);
const byName = (name: string) => {
  const t = truth.find(v => v.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
};
/** The checks as one row per vault, in `AZURE_CHECK_IDS` order. */
const row = (name: string) =>
  AZURE_CHECK_IDS.map(id => byName(name).checks[id]);

describe('azureTruth on the demo estate', () => {
  it('has one vault per story, tagged app=<component>', () => {
    expect(truth.map(t => [t.name, t.tags.app])).toEqual([
      ['rsv-hr-prod', 'hr-portal'],
      ['rsv-payroll', 'payroll'],
      ['rsv-crm', 'crm'],
      ['rsv-crm-dr', 'crm'],
      ['rsv-erp', 'erp'],
      ['rsv-intranet', 'intranet'],
      ['rsv-data-lake-archive', 'data-lake'],
      ['rsv-legacy-files', 'legacy-files'],
      ['rsv-legacy-archive', 'legacy-files'],
    ]);
  });

  // cmk, kv recoverable, key usable, rotation, identity, infra, immutability, soft delete, MUA
  it.each([
    [
      'rsv-hr-prod',
      ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
    ],
    [
      'rsv-payroll',
      [
        'fail',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'not-applicable',
        'warn',
        'warn',
        'fail',
      ],
    ],
    [
      'rsv-crm',
      ['pass', 'pass', 'pass', 'warn', 'pass', 'pass', 'pass', 'pass', 'pass'],
    ],
    [
      'rsv-crm-dr',
      ['pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
    ],
    [
      'rsv-erp',
      ['pass', 'fail', 'pass', 'pass', 'pass', 'fail', 'fail', 'fail', 'fail'],
    ],
    [
      'rsv-intranet',
      ['pass', 'pass', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass'],
    ],
    [
      'rsv-data-lake-archive',
      ['pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
    ],
    ['rsv-legacy-files', Array(9).fill('unknown')],
    [
      'rsv-legacy-archive',
      [
        'pass',
        'unknown',
        'unknown',
        'pass',
        'pass',
        'fail',
        'warn',
        'pass',
        'fail',
      ],
    ],
  ])('%s', (name, expected) => {
    expect(row(name)).toEqual(expected);
  });

  it('explains the key stories', () => {
    expect(byName('rsv-crm').pinnedVersion).toMatch(/^[0-9a-f]{32}$/);
    expect(byName('rsv-crm-dr')).toMatchObject({
      keyRegionMatches: false,
      keyVaultLocation: 'japaneast',
      location: 'japanwest',
      keyUsable: false,
    });
    expect(byName('rsv-erp')).toMatchObject({ keyVaultRecoverable: false });
    expect(byName('rsv-data-lake-archive')).toMatchObject({
      keyExpired: true,
      identityHasKeyPermissions: false,
      keyProblems: [
        'key expired on 2026-11-13T00:00:00.000Z',
        'the vault identity lacks get/list/wrapKey/unwrapKey on the key',
      ],
    });
    expect(byName('rsv-intranet')).toMatchObject({
      kekIdentity: 'user-assigned',
      identityHasKeyPermissions: true,
      identityOk: false,
    });
    expect(byName('rsv-legacy-archive')).toMatchObject({
      keyVaultExists: false,
      keyVaultName: 'kv-legacy-gone',
    });
    expect(byName('rsv-legacy-files')).toMatchObject({
      visible: false,
      subscriptionId: S.legacy,
    });
    expect(byName('rsv-hr-prod')).toMatchObject({
      keyUsable: true,
      keyReadable: true,
      identityHasKeyPermissions: true,
    });
  });

  it('follows the model: a key the scanner cannot read makes key-usable unknown', () => {
    const changed = demoScenario({ now: NOW });
    const kv = changed.azure!.keyVaults.find(k => k.name === 'kv-hr-prod-jpe')!;
    kv.accessPolicies = kv.accessPolicies.filter(
      p => !p.keys.includes('wrapKey'),
    );
    // The vault identity lost its access too: a visible, observed failure.
    expect(byNameIn(changed, 'rsv-hr-prod').checks['rsv-key-usable']).toBe(
      'fail',
    );
    // Azure RBAC: the vault identity may wrap, the scanner holds no role and cannot read the key.
    kv.accessPolicies = [];
    kv.enableRbacAuthorization = true;
    kv.roleAssignments = [
      {
        principalId: P.hrVault,
        role: 'Key Vault Crypto Service Encryption User',
      },
    ];
    expect(byNameIn(changed, 'rsv-hr-prod').checks['rsv-key-usable']).toBe(
      'unknown',
    );
    // Under RBAC a missing grant is observed too: role assignments are listed with Reader.
    kv.roleAssignments = [{ principalId: P.hrVault, role: 'Key Vault Reader' }];
    expect(byNameIn(changed, 'rsv-hr-prod').checks['rsv-key-usable']).toBe(
      'fail',
    );
  });
});

function byNameIn(e: ReturnType<typeof demoScenario>, name: string) {
  return azureTruth(e).find(v => v.name === name)!;
}
