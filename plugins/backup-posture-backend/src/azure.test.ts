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
  it('scans every subscription, reads each key once, and evaluates every Z rule story', async () => {
    const backend = await startAzureBackend();
    try {
      const status = await waitForScan(backend.server);
      expect(status.last?.state).toBe('partial');
      expect(status.last?.errors).toContainEqual(
        expect.objectContaining({
          account: S.legacy,
          region: 'global',
          error: expect.objectContaining({ name: 'AuthorizationFailed' }),
        }),
      );

      // Read-only: Azure calls are GETs; the only POST is the Entra ID token request.
      const azureCalls = sim.calls.filter(c => c.service.startsWith('azure'));
      expect(azureCalls.length).toBeGreaterThan(5);
      expect(
        azureCalls.filter(
          c => c.service !== 'azure-ad' && !/_(Get|List)/.test(c.operation),
        ),
      ).toEqual([]);
      // Each key URI is read once (plus the 401 challenge round trip per key vault).
      const keyUris = new Set(
        sim.estate
          .azure!.recoveryVaults.filter(
            v => v.encryption?.keyUri && v.subscriptionId !== S.legacy,
          )
          .map(v => v.encryption!.keyUri!.toLowerCase()),
      );
      const keyGets = sim.calls.filter(
        c => c.operation === 'Keys_Get' && c.status === 200,
      );
      expect(keyGets).toHaveLength(
        [...keyUris].filter(u => !u.includes('kv-legacy-gone')).length,
      );
      expect(
        sim.calls.some(c => c.operation === 'Keys_Get' && c.status === 401),
      ).toBe(true);

      const hr = await get(backend.server, 'hr-portal');
      expect(hr.state).toBe('ok');
      expect(hr.inventory?.aws).toBeUndefined();
      expect(hr.inventory?.azure?.vaults.map(v => v.name)).toEqual([
        'rsv-hr-prod',
      ]);
      expect(
        hr
          .evaluation!.checks.filter(c => c.status !== 'pass')
          .map(c => c.checkId),
      ).toEqual([]);
      expect(hr.evaluation!.score.grade).toBe('A');
      const [hrChain] = hr.evaluation!.lineage;
      expect(hrChain.links[0].expectedKey).toMatchObject({
        manager: 'customer',
        keyState: 'Enabled',
        keyVault: { name: 'kv-hr-prod-jpe', location: 'japaneast' },
      });

      const payroll = await get(backend.server, 'payroll');
      expect(check(payroll, 'rsv-customer-managed-key').status).toBe('fail');
      expect(payroll.evaluation!.lineage[0].links[0].expectedKey?.manager).toBe(
        'platform-managed',
      );

      const crm = await get(backend.server, 'crm');
      expect(findingOf(crm, 'rsv-key-rotation', 'rsv-crm').status).toBe('warn');
      expect(findingOf(crm, 'rsv-key-usable', 'rsv-crm').status).toBe('pass');
      const dr = findingOf(crm, 'rsv-key-usable', 'rsv-crm-dr');
      expect(dr.status).toBe('fail');
      expect(dr.message).toContain('japanwest');

      const erp = await get(backend.server, 'erp');
      expect(check(erp, 'rsv-key-vault-recoverable').status).toBe('fail');
      expect(
        check(erp, 'rsv-key-vault-recoverable').findings[0].message,
      ).toContain('purge protection');

      // Azure RBAC key vaults: the identity's role assignments and their roles decide (Z3).
      const erpUsable = findingOf(erp, 'rsv-key-usable', 'rsv-erp');
      expect(erpUsable.status).toBe('pass');
      expect(erpUsable.evidence?.identityPermissions).toBe(
        'get, list, wrapKey, unwrapKey granted (Azure RBAC)',
      );
      const lake = await get(backend.server, 'data-lake');
      const lakeUsable = findingOf(
        lake,
        'rsv-key-usable',
        'rsv-data-lake-archive',
      );
      expect(lakeUsable.status).toBe('fail');
      expect(lakeUsable.message).toContain(
        'vault identity lacks wrapKey, unwrapKey on key vault kv-data-lake',
      );
      // One listing per RBAC key vault and identity; each role definition read once.
      const listed = sim.calls.filter(
        c => c.operation === 'RoleAssignments_ListForScope',
      );
      expect(listed.map(c => c.account).sort()).toEqual(
        [S.prod, S.security].sort(),
      );
      expect(
        sim.calls.filter(c => c.operation === 'RoleDefinitions_GetById'),
      ).toHaveLength(2);

      const intranet = await get(backend.server, 'intranet');
      const identity = check(intranet, 'rsv-identity');
      expect(identity.status).toBe('fail');
      expect(identity.findings[0].message).toContain('private endpoints');

      // A denied subscription and a deleted key vault: stale and unknown, never pass.
      const legacy = await get(backend.server, 'legacy-files');
      expect(legacy.freshness.stale).toBe(true);
      expect(
        legacy.freshness.scopes.find(s => s.account === S.legacy),
      ).toMatchObject({ cloud: 'azure', state: 'error' });
      const gone = findingOf(
        legacy,
        'rsv-key-vault-recoverable',
        'rsv-legacy-archive',
      );
      expect(gone.status).toBe('unknown');
      expect(gone.message).toContain('KeyVaultNotFound');
      expect(
        findingOf(legacy, 'rsv-key-usable', 'rsv-legacy-archive').status,
      ).toBe('unknown');

      const denied = await get(backend.server, 'denied-vault');
      const deniedFinding = check(denied, 'rsv-customer-managed-key')
        .findings[0];
      expect(deniedFinding.status).toBe('unknown');
      expect(deniedFinding.message).toContain('AuthorizationFailed');

      const malformed = await get(backend.server, 'malformed-azure');
      expect(malformed.state).toBe('invalid-annotation');
      expect(malformed.problems[0].message).toContain(
        'is not a Recovery Services vault resource id',
      );

      // The report lists Azure entities with their subscriptions and locations.
      const report = await request(backend.server).get(
        '/api/backup-posture/report?cloud=azure',
      );
      expect(report.status).toBe(200);
      const hrRow = report.body.items.find((r: any) =>
        r.entityRef.endsWith('/hr-portal'),
      );
      expect(hrRow).toMatchObject({
        clouds: ['azure'],
        accounts: [S.prod],
        regions: ['japaneast'],
      });
      expect(hrRow.keyMix.customer).toBe(1);
      const payrollRow = report.body.items.find((r: any) =>
        r.entityRef.endsWith('/payroll'),
      );
      expect(payrollRow.keyMix.platformManaged).toBe(1);
    } finally {
      await backend.stop();
    }
  });
});
