/** Report rows (entity posture summaries) and a team's scorecard. */
import {
  EntityPostureSummary,
  GroupScorecardResponse,
} from '@backup-posture/plugin-backup-posture-common';

export function summary(
  index: number,
  overrides: Partial<EntityPostureSummary> = {},
): EntityPostureSummary {
  const grades = ['A', 'B', 'C', 'D', 'F'] as const;
  const grade = grades[index % grades.length];
  return {
    entityRef: `component:default/service-${String(index).padStart(5, '0')}`,
    kind: 'Component',
    title: `Service ${index}`,
    owner: `group:default/team-${index % 7}`,
    system: `system:default/system-${index % 11}`,
    lifecycle: index % 3 === 0 ? 'experimental' : 'production',
    state: 'ok',
    clouds: ['aws'],
    accounts: ['222222222222', '444444444444'],
    regions: ['ap-northeast-1', 'us-east-1'],
    score: {
      score: 100 - (index % 5) * 15,
      grade,
      counts: {
        pass: 3,
        fail: index % 5,
        warn: 0,
        unknown: 0,
        accepted: 0,
        'not-applicable': 0,
      },
    },
    keyMix: {
      customer: 2,
      awsManaged: 1,
      awsOwned: 0,
      platformManaged: 0,
      unknown: 0,
    },
    checkStatuses: {
      'vault-key-customer-managed': index % 2 === 0 ? 'fail' : 'pass',
      'copy-destination-key': 'fail',
      'vault-lock': 'pass',
    },
    lastScanAt: '2026-11-23T18:00:00Z',
    stale: false,
    ...overrides,
  };
}

export const groupScorecard: GroupScorecardResponse = {
  groupRef: 'group:default/team-orders',
  score: {
    score: 71,
    grade: 'C',
    counts: {
      pass: 10,
      fail: 4,
      warn: 1,
      unknown: 0,
      accepted: 1,
      'not-applicable': 2,
    },
  },
  gradeDistribution: { A: 1, B: 0, C: 1, D: 1, F: 0, none: 0 },
  topFailingChecks: [
    {
      checkId: 'copy-destination-key',
      title: 'Copy destination key',
      severity: 'high',
      entities: 2,
    },
  ],
  entities: [
    summary(0, { entityRef: 'component:default/orders', title: 'Orders' }),
    summary(3, { entityRef: 'component:default/payments', title: 'Payments' }),
    summary(2, { entityRef: 'component:default/catalog', title: 'Catalog' }),
  ],
};
