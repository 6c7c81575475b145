import { describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { waitForScan } from './__testUtils__/backend';
import {
  check,
  findingOf,
  get,
  S,
  useAzureBackend,
} from './__testUtils__/azureBackend';

jest.setTimeout(90_000);

const { sim, startAzureBackend } = useAzureBackend();

describe('Azure discovery at the wire (Entra ID, ARM, Key Vault with its 401 challenge)', () => {
  it('reports the key grant as unknown, never a pass, when role assignments cannot be read', async () => {
    sim.faults.add({
      kind: 'access-denied',
      service: 'azure-arm',
      operation: 'RoleAssignments_ListForScope',
    });
    const backend = await startAzureBackend();
    try {
      await waitForScan(backend.server);
      const erp = await get(backend.server, 'erp');
      const usable = findingOf(erp, 'rsv-key-usable', 'rsv-erp');
      expect(usable.status).toBe('unknown');
      expect(usable.message).toContain('AuthorizationFailed');
      expect(usable.message).toContain(
        'Microsoft.Authorization/roleAssignments/read',
      );
    } finally {
      await backend.stop();
    }
  });

  it('keeps the last good subscription snapshot when a later scan is denied, and says why', async () => {
    const backend = await startAzureBackend();
    try {
      const first = await waitForScan(backend.server);
      const before = await get(backend.server, 'hr-portal');
      expect(before.evaluation!.score.grade).toBe('A');

      sim.faults.add({
        kind: 'access-denied',
        service: 'azure-arm',
        account: S.prod,
      });
      await request(backend.server).post('/api/backup-posture/scan/refresh');
      await waitForScan(backend.server, { after: first.last!.startedAt });

      const after = await get(backend.server, 'hr-portal');
      expect(after.inventory?.azure?.vaults.map(v => v.name)).toEqual([
        'rsv-hr-prod',
      ]);
      expect(after.freshness.stale).toBe(true);
      const prod = after.freshness.scopes.find(s => s.account === S.prod)!;
      expect(prod.state).toBe('stale');
      expect(prod.error?.name).toBe('AuthorizationFailed');
      // The last good data still answers (marked stale above), as for AWS scopes.
      expect(check(after, 'rsv-customer-managed-key').status).toBe('pass');
      expect(after.evaluation!.score.grade).toBe('A');
    } finally {
      await backend.stop();
    }
  });
});
