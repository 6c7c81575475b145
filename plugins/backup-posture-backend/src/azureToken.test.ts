import { describe, expect, it, jest } from '@jest/globals';
import {
  DEMO_AZURE_SUBSCRIPTIONS,
  SIM_AZURE_CREDENTIALS,
} from '@internal/simulated-aws';
import { ScanStatusResponse } from '@backup-posture/plugin-backup-posture-common';
import request from 'supertest';
import { startPlugin, waitForScan } from './__testUtils__/backend';
import { useSimulatedEstate } from './__testUtils__/simulatedEstate';
import { simulatedConfig } from './__testUtils__/fixtures';

jest.setTimeout(90_000);

const sim = useSimulatedEstate();

function azureConfig() {
  const config = simulatedConfig();
  (config.backupPosture as any).azure = {
    ...SIM_AZURE_CREDENTIALS,
    subscriptions: Object.values(DEMO_AZURE_SUBSCRIPTIONS).map(
      subscriptionId => ({ subscriptionId }),
    ),
    concurrency: { maxRetries: 0 },
  };
  return config;
}

const azureErrors = (s: ScanStatusResponse) =>
  s
    .last!.errors.filter(e => e.region === 'global')
    .map(e => `${e.account}: ${e.error.name}`)
    .sort();

describe('Azure tokens (issue 15, item 4)', () => {
  it('after the identity endpoint restarts, a cached token refused with 401 is dropped and fetched again once', async () => {
    const backend = await startPlugin({
      config: azureConfig(),
      entities: [],
    });
    try {
      const first = await waitForScan(backend.server);
      // The legacy subscription is denied by its role assignments in the demo estate.
      const before = azureErrors(first);
      expect(before).toEqual([
        `${DEMO_AZURE_SUBSCRIPTIONS.legacy}: AuthorizationFailed`,
      ]);
      const tokensBefore = sim.calls.filter(
        c => c.service === 'azure-ad',
      ).length;

      // Every token issued so far is now refused (InvalidAuthenticationToken, AKV10032).
      sim.restartAzureIdentity();
      const startedBefore = new Date().toISOString();
      await request(backend.server)
        .post('/api/backup-posture/scan/refresh')
        .expect(202);
      const second = await waitForScan(backend.server, {
        after: startedBefore,
      });
      expect(azureErrors(second)).toEqual(before);
      expect(second.last!.state).toBe(first.last!.state);
      // New tokens were fetched (once per audience, not once per request).
      const tokensAfter = sim.calls.filter(
        c => c.service === 'azure-ad',
      ).length;
      expect(tokensAfter - tokensBefore).toBeGreaterThan(0);
      expect(tokensAfter - tokensBefore).toBeLessThanOrEqual(4);
    } finally {
      await backend.stop();
    }
  });
});
