import { describe, expect, it, jest } from '@jest/globals';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  EntityPostureResponse,
  FINDING_COLUMNS,
  FindingRow,
} from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { startPlugin, waitForScan } from '../__testUtils__/backend';
import { demoEntities, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';
import { csvCell, scopeOfSubject } from './findingsExport';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();
const COMPONENTS = ['payments-api', 'payments-ledger'];

/** A minimal RFC 4180 reader (quoted cells with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function expectedRows(server: any): Promise<FindingRow[]> {
  const out: FindingRow[] = [];
  for (const name of COMPONENTS) {
    const p: EntityPostureResponse = (
      await request(server).get(
        `/api/backup-posture/entities/component/default/${name}/posture`,
      )
    ).body;
    for (const c of p.evaluation!.checks) {
      for (const f of c.findings) {
        if (!['fail', 'unknown', 'accepted'].includes(f.status)) continue;
        out.push({
          entityRef: p.entityRef,
          owner: 'group:default/payments',
          system: 'system:default/payments',
          lifecycle: 'production',
          cloud: c.cloud,
          ...scopeOfSubject(f.subject),
          subject: f.subject,
          checkId: c.checkId,
          title: c.title,
          severity: c.severity,
          status: f.status,
          reason: f.message,
          firstSeen: expect.any(String) as any,
        });
      }
    }
  }
  return out;
}

const byKey = (rows: FindingRow[]) =>
  [...rows].sort((a, b) =>
    `${a.entityRef}|${a.checkId}|${a.subject}|${a.reason}`.localeCompare(
      `${b.entityRef}|${b.checkId}|${b.subject}|${b.reason}`,
    ),
  );

describe('the findings export (issue 17 item 5)', () => {
  it('JSON and CSV: one row per failing, unknown or accepted finding of the readable entities, as their postures say; filters narrow it', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
    });
    try {
      const scan = await waitForScan(backend.server);
      const json = await request(backend.server).get(
        '/api/backup-posture/report/findings?format=json',
      );
      expect(json.status).toBe(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.headers['content-disposition']).toBe(
        'attachment; filename="backup-posture-findings.json"',
      );
      const rows: FindingRow[] = json.body;
      const expected = await expectedRows(backend.server);
      expect(expected.length).toBeGreaterThan(5);
      expect(byKey(rows)).toEqual(byKey(expected));
      // Systems and groups are not rows of their own; the first scan saw every status first.
      expect(rows.every(r => r.entityRef.startsWith('component:'))).toBe(true);
      expect(new Set(rows.map(r => r.firstSeen))).toEqual(
        new Set([scan.last!.finishedAt]),
      );

      const csv = await request(backend.server).get(
        '/api/backup-posture/report/findings',
      );
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...lines] = parseCsv(csv.text);
      expect(header).toEqual([...FINDING_COLUMNS]);
      expect(lines).toHaveLength(rows.length);
      const asCsv = lines.map(l =>
        Object.fromEntries(header.map((h, i) => [h, l[i]])),
      );
      const first = rows[0];
      expect(asCsv[0]).toEqual(
        Object.fromEntries(
          FINDING_COLUMNS.map(c => [c, (first[c] as string) ?? '']),
        ),
      );

      const unknownOnly: FindingRow[] = (
        await request(backend.server).get(
          '/api/backup-posture/report/findings?format=json&status=unknown',
        )
      ).body;
      expect(unknownOnly).toEqual(
        expect.arrayContaining(
          rows.filter(
            r =>
              r.status === 'unknown' &&
              unknownOnly.some(u => u.entityRef === r.entityRef),
          ),
        ),
      );
      expect(unknownOnly.every(r => r.status === 'unknown')).toBe(true);

      const check = rows[0].checkId;
      const oneCheck: FindingRow[] = (
        await request(backend.server).get(
          `/api/backup-posture/report/findings?format=json&check=${check}`,
        )
      ).body;
      expect(byKey(oneCheck)).toEqual(
        byKey(rows.filter(r => r.checkId === check)),
      );

      const none: FindingRow[] = (
        await request(backend.server).get(
          '/api/backup-posture/report/findings?format=json&owner=group:default/nobody',
        )
      ).body;
      expect(none).toEqual([]);

      // A repeat scan that changes nothing keeps when each finding was first seen.
      const again = await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .set('Authorization', mockCredentials.user.header());
      expect(again.status).toBe(202);
      await waitForScan(backend.server, { after: scan.last!.startedAt });
      const later: FindingRow[] = (
        await request(backend.server).get(
          '/api/backup-posture/report/findings?format=json',
        )
      ).body;
      expect(byKey(later).map(r => r.firstSeen)).toEqual(
        byKey(rows).map(r => r.firstSeen),
      );

      expect(
        (
          await request(backend.server).get(
            '/api/backup-posture/report/findings?format=xml',
          )
        ).status,
      ).toBe(400);
    } finally {
      await backend.stop();
    }
  });

  it('a caller who may read no entity gets an empty export', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [
        mockServices.permissions.factory({ result: 'DENY' as any }),
      ],
    });
    try {
      await waitForScan(backend.server);
      const res = await request(backend.server).get(
        '/api/backup-posture/report/findings?format=json',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
      const csv = await request(backend.server).get(
        '/api/backup-posture/report/findings',
      );
      expect(csv.text).toBe(`${FINDING_COLUMNS.join(',')}\r\n`);
    } finally {
      await backend.stop();
    }
  });

  it('CSV cells: quoted when needed, never a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(undefined)).toBe('');
  });

  it('reads the account and region of an ARN and the subscription of an Azure id', () => {
    expect(
      scopeOfSubject(
        'arn:aws:backup:eu-west-1:222222222222:backup-vault:payments',
      ),
    ).toEqual({ account: '222222222222', region: 'eu-west-1' });
    expect(scopeOfSubject('arn:aws:s3:::bucket-name')).toEqual({});
    expect(
      scopeOfSubject(
        '/subscriptions/8a1c2e3f/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v',
      ),
    ).toEqual({ account: '8a1c2e3f' });
  });
});
