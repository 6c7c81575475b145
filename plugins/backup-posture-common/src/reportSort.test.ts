import { EntityPostureSummary } from './api';
import { Grade } from './posture';
import {
  compareReportRows,
  failingChecks,
  knownGrade,
  knownScore,
  REPORT_SORT_KEYS,
  sortReportRows,
} from './reportSort';

function row(
  name: string,
  grade: Grade | null,
  score: number | null,
  overrides: Partial<EntityPostureSummary> = {},
): EntityPostureSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    state: 'ok',
    clouds: ['aws'],
    accounts: [],
    regions: [],
    score: {
      score,
      grade,
      counts: {
        pass: 0,
        fail: 0,
        warn: 0,
        unknown: 0,
        accepted: 0,
        'not-applicable': 0,
      },
    },
    keyMix: {
      customer: 0,
      awsManaged: 0,
      awsOwned: 0,
      platformManaged: 0,
      unknown: 0,
    },
    checkStatuses: {},
    stale: false,
    ...overrides,
  };
}

const names = (rows: EntityPostureSummary[]) =>
  rows.map(r => r.entityRef.split('/')[1]);

describe('compareReportRows', () => {
  const rows = [
    row('pending', null, null, { state: 'pending' }),
    row('f', 'F', 30),
    row('a', 'A', 95),
    row('c', 'C', 72),
    // An invalid annotation may still carry a score: the report never shows it as a grade.
    row('invalid', 'B', 85, { state: 'invalid-annotation' }),
    row('b', 'B', 88),
  ];

  it('sorts grades A before F and unknown last', () => {
    expect(names([...rows].sort(compareReportRows('grade', 'asc')))).toEqual([
      'a',
      'b',
      'c',
      'f',
      'invalid',
      'pending',
    ]);
  });

  it('keeps unknown grades last in descending order too', () => {
    expect(names([...rows].sort(compareReportRows('grade', 'desc')))).toEqual([
      'f',
      'c',
      'b',
      'a',
      'invalid',
      'pending',
    ]);
  });

  it('sorts scores as numbers, worst first, unknown last', () => {
    const scored = [
      row('s9', 'A', 9),
      row('s100', 'A', 100),
      row('none', null, null),
      row('s85', 'B', 85),
    ];
    expect(names(scored.sort(compareReportRows('score')))).toEqual([
      's9',
      's85',
      's100',
      'none',
    ]);
  });

  it('sorts entities by the title shown, else the name, ties by ref', () => {
    const titled = [
      row('x', 'A', 90, { title: 'Payments' }),
      row('b2', 'A', 90, { title: 'Billing' }),
      row('aaa', 'A', 90, { title: 'Zebra' }),
      row('b1', 'A', 90, { title: 'Billing' }),
      row('orders', 'A', 90),
    ];
    expect(names(titled.sort(compareReportRows()))).toEqual([
      'b1',
      'b2',
      'orders',
      'x',
      'aaa',
    ]);
    expect(names(titled.sort(compareReportRows('entityRef', 'desc')))).toEqual([
      'aaa',
      'x',
      'orders',
      'b2',
      'b1',
    ]);
  });

  it('sorts owners and systems by name, rows without one last, ties by entity', () => {
    const owned = [
      row('b', 'A', 90, { owner: 'group:default/team-b' }),
      row('none', 'A', 90),
      row('a2', 'A', 90, { owner: 'group:default/team-a' }),
      row('a1', 'A', 90, { owner: 'group:default/team-a' }),
    ];
    expect(names(owned.sort(compareReportRows('owner', 'desc')))).toEqual([
      'b',
      'a1',
      'a2',
      'none',
    ]);
    expect(
      names(
        [
          row('p', 'A', 90, { system: 'system:default/payments' }),
          row('o', 'A', 90, { system: 'system:default/orders' }),
        ].sort(compareReportRows('system')),
      ),
    ).toEqual(['o', 'p']);
  });

  it('sorts by failing checks and by scan time', () => {
    const two = row('two', 'D', 60, {
      checkStatuses: { x: 'fail', y: 'fail', z: 'pass' },
      lastScanAt: '2026-11-29T10:00:00Z',
    });
    const one = row('one', 'C', 70, {
      checkStatuses: { x: 'fail' },
      lastScanAt: '2026-11-29T11:00:00Z',
    });
    const never = row('never', null, null, { state: 'pending' });
    expect(names([never, two, one].sort(compareReportRows('failing')))).toEqual(
      ['one', 'two', 'never'],
    );
    expect(
      names([never, one, two].sort(compareReportRows('scanned', 'asc'))),
    ).toEqual(['two', 'one', 'never']);
  });
});

describe('sortReportRows', () => {
  it('orders rows as compareReportRows does, for every column and order', () => {
    const grades = ['A', 'B', 'C', 'D', 'F', null] as const;
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(
        `e${(i * 37) % 60}`,
        grades[i % 6],
        grades[i % 6] ? (i * 13) % 100 : null,
        {
          ...(i % 4 ? { title: `Title ${(i * 7) % 9}` } : {}),
          ...(i % 5 ? { owner: `group:default/team-${i % 3}` } : {}),
          ...(i % 7 ? { system: `system:default/s-${i % 4}` } : {}),
          ...(i % 3
            ? { lifecycle: i % 2 ? 'production' : 'experimental' }
            : {}),
          ...(i % 6 ? { lastScanAt: `2026-11-2${i % 10}T10:00:00Z` } : {}),
          state: grades[i % 6] ? 'ok' : 'pending',
          checkStatuses: {
            x: i % 2 ? 'fail' : 'pass',
            y: i % 3 ? 'fail' : 'pass',
          },
        },
      ),
    );
    for (const sort of REPORT_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        expect(names(sortReportRows(rows, sort, order))).toEqual(
          names([...rows].sort(compareReportRows(sort, order))),
        );
      }
    }
  });
});

describe('known posture', () => {
  it('has no grade, score or failing count unless the posture is known', () => {
    const pending = row('p', 'B', 85, {
      state: 'pending',
      checkStatuses: { x: 'fail' },
    });
    expect(knownGrade(pending)).toBeNull();
    expect(knownScore(pending)).toBeNull();
    expect(failingChecks(pending)).toBeNull();
    const ok = row('o', 'B', 85, { checkStatuses: { x: 'fail', y: 'pass' } });
    expect(knownGrade(ok)).toBe('B');
    expect(knownScore(ok)).toBe(85);
    expect(failingChecks(ok)).toBe(1);
  });
});
