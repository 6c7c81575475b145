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

describe('key facts carry their own freshness (issue 15, item 3)', () => {
  it('a throttled DescribeKey keeps the last good key description, marked stale with the error, and the scan counts it', async () => {
    const backend = await startPlugin({
      config: simulatedConfig(),
      entities: demoEntities(sim),
    });
    try {
      const first = await waitForScan(backend.server);
      // A key in an account outside the organization is never readable: an error, every scan.
      expect(first.last!.keyErrors!.map(k => k.error.name)).toEqual([
        'AccessDeniedException',
      ]);
      const unreadable = first.last!.keyErrors![0].key;
      const before: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      const customerKeys = before.inventory!.aws!.keys.filter(
        k => k.keyManager === 'CUSTOMER',
      );
      expect(customerKeys.length).toBeGreaterThan(0);
      const readable = before.inventory!.aws!.keys.filter(
        k => k.arn !== unreadable,
      );
      expect(readable.length).toBeGreaterThan(0);
      for (const k of readable) {
        expect({ key: k.arn, readAt: k.readAt, stale: k.staleError }).toEqual({
          key: k.arn,
          readAt: expect.any(String),
          stale: undefined,
        });
      }
      expect(before.freshness.stale).toBe(false);
      expect(
        (before.freshness.keys ?? []).filter(k => k.state === 'stale'),
      ).toEqual([]);

      // KMS throttles every DescribeKey of the next scan.
      sim.faults.add({
        kind: 'throttle',
        service: 'kms',
        operation: 'DescribeKey',
      });
      const startedBefore = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const second = await waitForScan(backend.server, {
        after: startedBefore,
      });
      // No scope failed; the key reads did, and the scan says so.
      expect(second.last!.errors).toEqual([]);
      expect(second.last!.keyErrorCount).toBeGreaterThan(readable.length);
      expect(second.last!.keyErrors).toContainEqual({
        cloud: 'aws',
        key: customerKeys[0].arn,
        error: {
          name: 'ThrottlingException',
          message: 'Rate exceeded',
        },
      });

      const after: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      expect(after.freshness.stale).toBe(true);
      for (const k of after.inventory!.aws!.keys.filter(
        key => key.arn !== unreadable,
      )) {
        const old = before.inventory!.aws!.keys.find(o => o.arn === k.arn)!;
        // The last good description, from the first scan, with this scan's error.
        expect({
          key: k.arn,
          keyState: k.keyState,
          readAt: k.readAt,
          staleError: k.staleError?.name,
          triedLater: k.lastAttemptAt! > k.readAt!,
        }).toEqual({
          key: k.arn,
          keyState: old.keyState,
          readAt: old.readAt,
          staleError: 'ThrottlingException',
          triedLater: true,
        });
      }
      expect(
        after.freshness
          .keys!.filter(k => k.state === 'stale')
          .map(k => [k.key, k.error.name])
          .sort(),
      ).toEqual(readable.map(k => [k.arn, 'ThrottlingException']).sort());

      // Once KMS answers again, the keys are fresh again.
      sim.faults.clear();
      const thirdStart = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const third = await waitForScan(backend.server, { after: thirdStart });
      expect(third.last!.keyErrorCount).toBe(1);
      const fresh: EntityPostureResponse = (
        await request(backend.server).get(POSTURE)
      ).body;
      expect(fresh.freshness).toMatchObject({ stale: false });
      expect(
        (fresh.freshness.keys ?? []).filter(k => k.state === 'stale'),
      ).toEqual([]);
      expect(
        fresh
          .inventory!.aws!.keys.filter(k => k.arn !== unreadable)
          .filter(k => k.staleError || !k.readAt),
      ).toEqual([]);
    } finally {
      await backend.stop();
    }
  });
});
