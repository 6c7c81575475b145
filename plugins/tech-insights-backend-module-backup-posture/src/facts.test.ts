import { describe, expect, it } from '@jest/globals';
import {
  CheckDefinition,
  emptyKeyMix,
  EntityPostureSummary,
} from '@backup-posture/plugin-backup-posture-common';
import { factsOf } from './facts';

const definitions = [
  { id: 'vault-lock', severity: 'critical' },
  { id: 'backup-key-healthy', severity: 'high' },
  { id: 'plan-frequency-retention', severity: 'low' },
] as CheckDefinition[];

function summary(
  extra: Partial<EntityPostureSummary> = {},
): EntityPostureSummary {
  return {
    entityRef: 'component:default/payments-api',
    kind: 'component',
    state: 'ok',
    clouds: ['aws'],
    accounts: [],
    regions: [],
    score: {
      score: 61.5,
      grade: 'D',
      counts: {
        pass: 4,
        fail: 3,
        warn: 1,
        'not-applicable': 2,
        unknown: 5,
        accepted: 6,
      },
    },
    keyMix: emptyKeyMix(),
    checkStatuses: {
      'vault-lock': 'fail',
      'backup-key-healthy': 'pass',
      'plan-frequency-retention': 'fail',
      'org-cost-center-tag': 'fail',
      'copy-destination-key': 'unknown',
    },
    lastScanAt: '2026-11-29T10:00:00.000Z',
    stale: true,
    ...extra,
  };
}

describe('factsOf', () => {
  it('publishes score, grade, staleness, counts by status and failing checks by severity', () => {
    const fact = factsOf(summary(), definitions)!;
    expect(fact.entity).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
    });
    const { backupPostureLastScanAt, ...facts } = fact.facts;
    expect(String(backupPostureLastScanAt)).toContain('2026-11-29T10:00:00');
    expect(facts).toEqual({
      backupPostureScore: 61.5,
      backupPostureGrade: 'D',
      backupPostureStale: true,
      // Sorted; a check this module has no definition of (a module's own) is listed too.
      backupPostureFailingChecks: [
        'org-cost-center-tag',
        'plan-frequency-retention',
        'vault-lock',
      ],
      backupPosturePassCount: 4,
      backupPostureFailCount: 3,
      backupPostureWarnCount: 1,
      backupPostureUnknownCount: 5,
      backupPostureNotApplicableCount: 2,
      backupPostureAcceptedCount: 6,
      // …but counted under no severity.
      backupPostureFailingCritical: 1,
      backupPostureFailingHigh: 0,
      backupPostureFailingMedium: 0,
      backupPostureFailingLow: 1,
      backupPostureFailingInfo: 0,
    });
  });

  it('publishes nothing for an unknown posture: never scanned, unmapped, or nothing applicable', () => {
    expect(factsOf(summary({ state: 'pending' }), definitions)).toBeUndefined();
    expect(
      factsOf(
        summary({ score: { ...summary().score, score: null, grade: null } }),
        definitions,
      ),
    ).toBeUndefined();
  });

  it('leaves the last scan time out when the posture has none', () => {
    const fact = factsOf(summary({ lastScanAt: undefined }), definitions)!;
    expect(fact.facts).not.toHaveProperty('backupPostureLastScanAt');
  });
});
