import { CSV_COLUMNS, fetchAllReportRows, toCsv } from './exportReport';
import { FakeBackupPostureApi } from '../../__testUtils__/FakeBackupPostureApi';
import { summary } from '../../__testUtils__/posture';

describe('report export', () => {
  it('writes CSV with account, region and owner columns and quotes where needed', () => {
    const csv = toCsv([
      summary(1, { title: 'Orders, "prod"', owner: 'group:default/team-a' }),
      summary(2, { title: '=HYPERLINK("x")' }),
    ]);
    const [header, first, second] = csv.trimEnd().split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(CSV_COLUMNS.map(c => c.header));
    expect(columns).toEqual(
      expect.arrayContaining([
        'entityRef',
        'owner',
        'accounts',
        'regions',
        'system',
        'lifecycle',
        'grade',
        'score',
      ]),
    );
    expect(first).toContain('"Orders, ""prod"""');
    expect(first).toContain(',group:default/team-a,');
    expect(first).toContain(
      ',222222222222;444444444444,ap-northeast-1;us-east-1,',
    );
    expect(first).toContain(',copy-destination-key,'); // failing check ids of row 1
    // spreadsheet formulas are defused
    expect(second).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves grade and score empty where the posture is unknown', () => {
    const csv = toCsv([
      summary(1),
      summary(1, { state: 'invalid-annotation' }),
    ]);
    const [header, known, unknown] = csv
      .trimEnd()
      .split('\r\n')
      .map(line => line.split(','));
    const cell = (line: string[], name: string) => line[header.indexOf(name)];
    expect([cell(known, 'grade'), cell(known, 'score')]).toEqual(['B', '85']);
    expect([
      cell(unknown, 'state'),
      cell(unknown, 'grade'),
      cell(unknown, 'score'),
    ]).toEqual(['invalid-annotation', '', '']);
  });

  it('fetches every page with the same filters', async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => summary(i));
    const api = new FakeBackupPostureApi({ rows });
    const all = await fetchAllReportRows(api, {
      lifecycle: 'production',
      offset: 75,
      limit: 25,
    });
    expect(all).toHaveLength(
      rows.filter(r => r.lifecycle === 'production').length,
    );
    expect(new Set(all.map(r => r.entityRef)).size).toBe(all.length);
    expect(
      api.reportQueries.map(q => [q.offset, q.limit, q.lifecycle]),
    ).toEqual([
      [0, 500, 'production'],
      [500, 500, 'production'],
    ]);
  });
});
