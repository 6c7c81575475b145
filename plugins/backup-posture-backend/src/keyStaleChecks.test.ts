import { describe, expect, it, jest } from '@jest/globals';
import { EntityPostureResponse } from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities, simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();
const POSTURE =
  '/api/backup-posture/entities/component/default/payments-api/posture';

const keyFindings = (posture: EntityPostureResponse) =>
  posture.evaluation!.checks.find(c => c.checkId === 'backup-key-healthy')!
    .findings;

describe('checks say when a key read failed (issue 15, item 3)', () => {
  it('A3: after a throttled DescribeKey, backup-key-healthy keeps the last good verdict with keyReadAt and keyReadError, and vault-key-customer-managed says so too', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
    });
    try {
      await waitForScan(backend.server);
      const before: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      const readBefore = keyFindings(before);
      expect(readBefore.length).toBeGreaterThan(0);
      expect(
        readBefore
          .filter(f => 'keyReadError' in f.evidence)
          .map(f => f.subject),
      ).toEqual([]);

      sim.faults.add({
        kind: 'throttle',
        service: 'kms',
        operation: 'DescribeKey',
      });
      const startedBefore = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      await waitForScan(backend.server, { after: startedBefore });

      const after: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      const readAtOf = new Map(
        after.inventory!.aws!.keys.map(k => [k.arn, k.readAt] as const),
      );
      const findings = keyFindings(after);
      for (const f of findings) {
        const old = readBefore.find(o => o.subject === f.subject)!;
        expect({
          key: f.subject,
          status: f.status,
          message: f.message,
          keyReadAt: f.evidence.keyReadAt,
          keyReadError: f.evidence.keyReadError,
        }).toEqual({
          key: f.subject,
          status: old.status,
          message: `${old.message} (key last read ${readAtOf
            .get(f.subject)!
            .slice(0, 16)
            .replace(
              'T',
              ' ',
            )} UTC; this scan's read failed: ThrottlingException: Rate exceeded)`,
          keyReadAt: readAtOf.get(f.subject),
          keyReadError: 'ThrottlingException: Rate exceeded',
        });
      }
      // Every key of the entity was read in the first scan: each verdict now relies on an old read.
      expect(findings.map(f => f.subject).sort()).toEqual(
        readBefore.map(f => f.subject).sort(),
      );
      // The vault keys' customer-managed verdicts say so too.
      const vaultKeys = after.evaluation!.checks.find(
        c => c.checkId === 'vault-key-customer-managed',
      )!.findings;
      expect(vaultKeys.length).toBeGreaterThan(0);
      expect(
        vaultKeys.filter(
          f => f.evidence.keyReadError !== 'ThrottlingException: Rate exceeded',
        ),
      ).toEqual([]);
    } finally {
      await backend.stop();
    }
  });
});
