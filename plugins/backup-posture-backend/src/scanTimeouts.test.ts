import { describe, expect, it, jest } from '@jest/globals';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { demoEntities } from './__testUtils__/fixtures';
import {
  IRELAND_PROD,
  simulatedConfigWith as config,
} from './__testUtils__/scanConfig';

jest.setTimeout(120_000);

const sim = useSimulatedEstate();

describe('timeouts and the scheduler signal (issue 15, item 2)', () => {
  it('a hung AWS request times out: its scope fails with RequestTimeout and the scan finishes', async () => {
    sim.faults.add({
      kind: 'timeout',
      ...IRELAND_PROD,
      service: 'backup',
      operation: 'ListBackupVaults',
      holdMs: 60_000,
    });
    const backend = await startPlugin({
      config: config({ timeouts: { request: { seconds: 5 } } }),
      entities: demoEntities(sim),
    });
    try {
      const started = Date.now();
      const done = await waitForScan(backend.server, { timeoutMs: 30_000 });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(done.last!.state).toBe('partial');
      expect(done.last!.errors).toEqual([
        {
          cloud: 'aws',
          account: IRELAND_PROD.account,
          region: IRELAND_PROD.region,
          error: {
            name: 'RequestTimeout',
            message:
              'ListBackupVaults got no answer within 5 s (backupPosture.timeouts.request)',
          },
        },
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('a slow scope times out as a whole: ScopeTimeout, the other scopes are kept', async () => {
    // Every call there takes 4 s: the scope's sequential calls cannot end within 8 s.
    sim.setLatency({ ...IRELAND_PROD, ms: 4_000 });
    const backend = await startPlugin({
      config: config({ timeouts: { scope: { seconds: 8 } } }),
      entities: demoEntities(sim),
    });
    try {
      const done = await waitForScan(backend.server, { timeoutMs: 30_000 });
      expect(done.last!.state).toBe('partial');
      expect(done.last!.scopesDone).toBe(24);
      expect(done.last!.errors).toEqual([
        {
          cloud: 'aws',
          account: IRELAND_PROD.account,
          region: IRELAND_PROD.region,
          error: {
            name: 'ScopeTimeout',
            message:
              '222222222222/eu-west-1 was not read within 8 s (backupPosture.timeouts.scope)',
          },
        },
      ]);
    } finally {
      sim.clearLatency();
      await backend.stop();
    }
  });

  it("the scheduler's timeout aborts the scan: closed as interrupted, its calls cut", async () => {
    const hang = sim.faults.add({
      kind: 'timeout',
      ...IRELAND_PROD,
      service: 'backup',
      operation: 'ListBackupVaults',
      holdMs: 60_000,
    });
    const backend = await startPlugin({
      config: config({
        schedule: {
          frequency: { minutes: 30 },
          timeout: { seconds: 3 },
          initialDelay: { seconds: 0 },
        },
      }),
      entities: demoEntities(sim),
    });
    try {
      const started = Date.now();
      const done = await waitForScan(backend.server, { timeoutMs: 30_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(done.last!.state).toBe('interrupted');
      expect(done.last!.error).toEqual({
        name: 'ScanInterrupted',
        message:
          'The scheduler stopped the scan (schedule.timeout reached, or the backend is shutting down)',
      });
      expect(done.last!.errors).toEqual([]);
      expect(hang.hits).toBe(1);
    } finally {
      await backend.stop();
    }
  });
});
