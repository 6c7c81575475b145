/**
 * Evaluate only what changed (issue 18.3): a rescan keeps the stored row of every entity whose
 * inputs did not change and whose evaluation is still valid, marking it as the scan's with a cheap
 * update; what changed, and what the clock turned, is evaluated again.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  EntityPostureResponse,
  ScanStatusResponse,
} from '@backup-posture/plugin-backup-posture-common';
import { Knex } from 'knex';
import request from 'supertest';
import { startPlugin, waitForScan } from '../__testUtils__/backend';
import { gunzipSync } from 'node:zlib';
import { demoEntities, NOW, simulatedConfig } from '../__testUtils__/fixtures';
import { useSimulatedEstate } from '../__testUtils__/simulatedEstate';

jest.setTimeout(180_000);

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

const sim = useSimulatedEstate();
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

interface Row {
  entity_ref: string;
  kind: string;
  state: string;
  scan_id: string;
  updated_at: string;
  input_hash: string | null;
  index_fingerprint: string | null;
  valid_until: string | null;
  posture_gzip: Buffer;
  checks: string;
}

async function rows(knex: Knex): Promise<Map<string, Row>> {
  const all: Row[] = await knex('backup_posture_entities').select(
    'entity_ref',
    'kind',
    'state',
    'scan_id',
    'updated_at',
    'input_hash',
    'index_fingerprint',
    'valid_until',
    'posture_gzip',
    'summary as checks',
  );
  return new Map(all.map(r => [r.entity_ref, r]));
}

const postureOf = (r: Row): EntityPostureResponse =>
  JSON.parse(gunzipSync(Buffer.from(r.posture_gzip)).toString('utf8'));

describe.each(databases.eachSupportedId())(
  'incremental evaluation on %s',
  databaseId => {
    it('a rescan with nothing changed keeps every row; a failed scope re-evaluates only the entities it holds', async () => {
      const knex = await databases.init(databaseId);
      const backend = await startPlugin({
        config: simulatedConfig(),
        entities: demoEntities(sim),
        extraFeatures: [mockServices.database.factory({ knex })],
      });
      try {
        const first = await waitForScan(backend.server);
        const before = await rows(knex);
        expect(before.size).toBeGreaterThan(2);
        for (const r of before.values())
          expect(r.input_hash).toMatch(/^[0-9a-f]{64}$/);

        // Nothing changed: every row is the second scan's, with the same key and the same blob.
        const second = await rescanAs(backend.server, first);
        const kept = await rows(knex);
        expect([...kept.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [ref, r] of kept) {
          const was = before.get(ref)!;
          expect({ ref, scan: r.scan_id }).toEqual({
            ref,
            scan: second.last!.scanId,
          });
          expect({ ref, hash: r.input_hash }).toEqual({
            ref,
            hash: was.input_hash,
          });
          // The stored snapshots are the same (read times aside): kept without slicing.
          expect({ ref, index: r.index_fingerprint }).toEqual({
            ref,
            index: was.index_fingerprint,
          });
          // Not rewritten: the compressed posture is byte for byte the first scan's.
          expect(
            Buffer.from(r.posture_gzip).equals(Buffer.from(was.posture_gzip)),
          ).toBe(true);
          expect(r.checks).toEqual(was.checks);
        }
        // What the entity page reads says the scan that kept it (patched once, on first read).
        for (let read = 0; read < 2; read++) {
          const res = await request(backend.server).get(
            '/api/backup-posture/entities/component/default/payments-ledger/posture',
          );
          expect(res.status).toBe(200);
          expect(res.body.freshness.lastScanAt).toBe(second.last!.finishedAt);
          expect(res.body.evaluation.checks).toEqual(
            postureOf(before.get('component:default/payments-ledger')!)
              .evaluation!.checks,
          );
        }

        const read = await rows(knex);
        expect(read.get('component:default/payments-ledger')!.input_hash).toBe(
          kept.get('component:default/payments-ledger')!.input_hash,
        );

        // One scope fails: the entities whose slice holds it are evaluated again (and say so),
        // the others keep their rows.
        sim.faults.add({
          kind: 'access-denied',
          account: '222222222222',
          region: 'eu-west-1',
          service: 'backup',
          operation: 'ListBackupVaults',
        });
        await rescanAs(backend.server, second);
        const after = await rows(knex);
        const changed = [...after.values()].filter(
          r => r.input_hash !== read.get(r.entity_ref)!.input_hash,
        );
        const same = [...after.values()].filter(
          r => r.input_hash === read.get(r.entity_ref)!.input_hash,
        );
        expect(changed.length).toBeGreaterThan(0);
        for (const r of same)
          expect(
            Buffer.from(r.posture_gzip).equals(
              Buffer.from(read.get(r.entity_ref)!.posture_gzip),
            ),
          ).toBe(true);
        for (const r of changed)
          expect(
            Buffer.from(r.posture_gzip).equals(
              Buffer.from(read.get(r.entity_ref)!.posture_gzip),
            ),
          ).toBe(false);
      } finally {
        await backend.stop();
      }
    });
  },
);

async function rescanAs(server: any, after: ScanStatusResponse) {
  const res = await request(server)
    .post('/api/backup-posture/scan/refresh')
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(202);
  return waitForScan(server, { after: after.last!.startedAt });
}

describe('incremental evaluation and the clock', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('past a recovery point’s age limit, with no inventory change, the entity is evaluated again and fails with the age reason', async () => {
    // Only Date is faked (the demo estate's points are fresh an hour after its NOW); it runs on.
    jest.useFakeTimers({
      now: Date.parse(NOW) + 3600_000,
      advanceTimers: true,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    const knex = await databases.init('SQLITE_3');
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
      extraFeatures: [mockServices.database.factory({ knex })],
    });
    try {
      const first = await waitForScan(backend.server);
      const before = await rows(knex);
      const ageOf = (r: Row) =>
        postureOf(r).evaluation?.checks.find(
          c => c.checkId === 'last-recovery-point-age',
        );
      // A component whose recovery points pass the age limit: valid until the oldest turns.
      const fresh = [...before.values()].find(
        r => r.kind === 'component' && ageOf(r)?.status === 'pass',
      )!;
      expect(fresh).toBeDefined();
      expect(fresh.valid_until).not.toBeNull();
      const ageLimitTurns = Math.min(
        ...ageOf(fresh)!.findings.map(
          f =>
            Date.parse(
              [f.evidence.newestRecoveryPoint, f.evidence.lastBackupTime]
                .filter((x): x is string => typeof x === 'string')
                .sort()
                .pop()!,
            ) +
            48 * 3600_000 +
            1,
        ),
      );
      expect(Date.parse(fresh.valid_until!)).toBeLessThanOrEqual(ageLimitTurns);

      // Still valid: the rescan keeps the row as it is.
      const second = await rescanAs(backend.server, first);
      const kept = (await rows(knex)).get(fresh.entity_ref)!;
      expect(kept.scan_id).toBe(second.last!.scanId);
      expect(
        Buffer.from(kept.posture_gzip).equals(Buffer.from(fresh.posture_gzip)),
      ).toBe(true);

      // Past the limit, the same inventory: evaluated again, and now it fails, saying why.
      jest.setSystemTime(ageLimitTurns + 3600_000);
      await rescanAs(backend.server, second);
      const later = (await rows(knex)).get(fresh.entity_ref)!;
      expect(later.input_hash).toBe(fresh.input_hash);
      const age = ageOf(later)!;
      expect(age.status).toBe('fail');
      expect(age.findings.map(f => f.status)).toContain('fail');
      expect(age.findings.find(f => f.status === 'fail')!.message).toMatch(
        /^newest recovery point is from \d{4}-\d\d-\d\d \d\d:\d\d UTC, older than the limit of 48 h$/,
      );
    } finally {
      await backend.stop();
    }
  });
});
