import { describe, expect, it, jest } from '@jest/globals';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startReplicas, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(120_000);

// The local PostgreSQL 15 (trust auth); CI can point this variable at its own server.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

const sim = useSimulatedEstate();
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('several replicas sharing one database', () => {
  it.each(databases.eachSupportedId())(
    'scan once, not once each (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const features = [mockServices.database.factory({ knex })];
      const entities = demoEntities(sim);
      const replicas = await startReplicas(2, {
        config: simulatedConfig(),
        entities,
        extraFeatures: features,
      });
      try {
        const [a, b] = await Promise.all(
          replicas.map(r => waitForScan(r.server)),
        );
        expect(a.last!.scanId).toBe(b.last!.scanId);
        // Give the other replica's worker time to (wrongly) start a second scan.
        await new Promise(r => setTimeout(r, 3000));
        const [{ n }] = await knex('backup_posture_scans').count({ n: '*' });
        expect(Number(n)).toBe(1);
        // One scan's worth of AWS calls: 6 accounts assumed once, each of the 24 scopes' vaults listed once.
        expect(
          sim.countCalls({ service: 'sts', operation: 'AssumeRole' }),
        ).toBe(6);
        expect(
          sim.countCalls({ service: 'backup', operation: 'ListBackupVaults' }),
        ).toBe(24);
        // Both replicas serve the same stored posture.
        const path =
          '/api/backup-posture/entities/component/default/payments-ledger/posture';
        const [pa, pb] = await Promise.all(
          replicas.map(r => request(r.server).get(path)),
        );
        expect(pa.body.state).toBe('ok');
        expect(pb.body).toEqual(pa.body);
      } finally {
        await Promise.all(replicas.map(r => r.stop()));
      }
    },
  );
});
