import { describe, expect, it, jest } from '@jest/globals';
import { AZURE_CHECK_IDS, azureTruth } from '@internal/simulated-aws';
import { NOW } from './__testUtils__/fixtures';
import { waitForScan } from './__testUtils__/backend';
import { check, get, useAzureBackend } from './__testUtils__/azureBackend';

jest.setTimeout(90_000);

const { sim, startAzureBackend } = useAzureBackend();

describe('Azure discovery at the wire (Entra ID, ARM, Key Vault with its 401 challenge)', () => {
  it('agrees with the simulator’s independent truth on every visible vault and check', async () => {
    const backend = await startAzureBackend();
    try {
      await waitForScan(backend.server);
      const truth = azureTruth(sim.estate, { now: NOW });
      const compared: string[] = [];
      for (const app of [
        'hr-portal',
        'crm',
        'erp',
        'intranet',
        'legacy-files',
        'payroll',
        'data-lake',
      ]) {
        const posture = await get(backend.server, app);
        for (const vault of posture.inventory!.azure!.vaults) {
          const expected = truth.find(
            t => t.vaultId.toLowerCase() === vault.id.toLowerCase(),
          )!;
          expect(expected.visible).toBe(true);
          for (const checkId of AZURE_CHECK_IDS) {
            const finding = check(posture, checkId).findings.find(
              f => f.subject === vault.id,
            );
            expect({
              vault: vault.name,
              checkId,
              status: finding?.status,
            }).toEqual({
              vault: vault.name,
              checkId,
              status: expected.checks[checkId],
            });
            compared.push(`${vault.name}:${checkId}`);
          }
        }
      }
      // Every visible vault of the tenant took part.
      expect(new Set(compared.map(c => c.split(':')[0])).size).toBe(
        truth.filter(t => t.visible).length,
      );
    } finally {
      await backend.stop();
    }
  });
});
