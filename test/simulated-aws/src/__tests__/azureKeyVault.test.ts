import { describe, expect, it } from '@jest/globals';
import { RestError } from '@azure/core-rest-pipeline';
import { setupSimulator } from '../__testUtils__/demoSimulator';
import { azureClients } from '../__testUtils__/azureClients';
import { DEMO_AZURE_SUBSCRIPTIONS as S, demoKeyVersion } from '../azure/demo';
import { SIM_AZURE_SCANNER_OBJECT_ID } from '../azure/constants';

const sim = setupSimulator();

describe('Key Vault data plane through @azure/keyvault-keys', () => {
  it('answers the 401 challenge, then the key with a vault-scoped token', async () => {
    const key = await azureClients()
      .keys('kv-hr-prod-jpe')
      .getKey('rsv-hr-cmk');
    expect(key.id).toBe(
      `https://kv-hr-prod-jpe.vault.azure.net/keys/rsv-hr-cmk/${demoKeyVersion('kv-hr-prod-jpe', 'rsv-hr-cmk', 2)}`,
    );
    expect(key.keyType).toBe('RSA');
    expect(Buffer.from(key.key!.n!).length).toBe(384); // 3072 bits
    expect(key.properties).toMatchObject({
      enabled: true,
      recoveryLevel: 'Recoverable',
      recoverableDays: 90,
    });
    expect(key.properties.expiresOn).toBeUndefined();
    const kvCalls = sim.calls.filter(c => c.service === 'azure-keyvault');
    expect(kvCalls.map(c => [c.operation, c.status, c.errorCode])).toEqual([
      ['Keys_Get', 401, 'Unauthorized'],
      ['Keys_Get', 200, undefined],
    ]);
    expect(kvCalls[1]).toMatchObject({ account: S.prod, region: 'japaneast' });
    expect(sim.countCalls({ service: 'azure-ad', operation: 'Token' })).toBe(1);
  });

  it('reads a pinned version, an expired key and a rotation policy', async () => {
    const crm = azureClients().keys('kv-crm-jpe');
    const v1 = demoKeyVersion('kv-crm-jpe', 'rsv-crm-cmk', 1);
    const old = await crm.getKey('rsv-crm-cmk', { version: v1 });
    expect(old.properties.version).toBe(v1);
    expect(sim.calls.at(-1)).toMatchObject({ account: S.security });
    const none = await crm.getKeyRotationPolicy('rsv-crm-cmk');
    expect(none.lifetimeActions ?? []).toEqual([]);

    const dataLake = await azureClients()
      .keys('kv-data-lake')
      .getKey('rsv-data-lake-cmk');
    expect(dataLake.properties.expiresOn!.toISOString()).toBe(
      '2026-11-13T00:00:00.000Z',
    );

    const policy = await azureClients()
      .keys('kv-hr-prod-jpe')
      .getKeyRotationPolicy('rsv-hr-cmk');
    expect(policy.lifetimeActions).toEqual([
      { action: 'Rotate', timeAfterCreate: 'P18M' },
      { action: 'Notify', timeBeforeExpiry: 'P30D' },
    ]);
    expect(policy.expiresIn).toBe('P2Y');
    expect(
      sim.countCalls({ operation: 'Keys_GetRotationPolicy', status: 200 }),
    ).toBe(2);
  });

  it('answers KeyNotFound for a missing key or version', async () => {
    const client = azureClients().keys('kv-hr-prod-jpe');
    const error = await client.getKey('nope').catch(e => e);
    expect(error).toBeInstanceOf(RestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'KeyNotFound' });
    const badVersion = await client
      .getKey('rsv-hr-cmk', { version: '0'.repeat(32) })
      .catch(e => e);
    expect(badVersion).toMatchObject({ statusCode: 404, code: 'KeyNotFound' });
  });

  it('reads keys through Azure RBAC (Key Vault Reader)', async () => {
    const key = await azureClients().keys('kv-erp').getKey('rsv-erp-cmk');
    // Soft delete without purge protection.
    expect(key.properties.recoveryLevel).toBe('Recoverable+Purgeable');
  });

  it('forbids a scanner without data-plane access (access policy and RBAC)', async () => {
    const azure = sim.estate.azure!;
    const hr = azure.keyVaults.find(k => k.name === 'kv-hr-prod-jpe')!;
    const erp = azure.keyVaults.find(k => k.name === 'kv-erp')!;
    const savedPolicies = hr.accessPolicies;
    const savedRoles = erp.roleAssignments;
    hr.accessPolicies = hr.accessPolicies.filter(
      p => p.objectId !== SIM_AZURE_SCANNER_OBJECT_ID,
    );
    erp.roleAssignments = [];
    try {
      const byPolicy = await azureClients()
        .keys('kv-hr-prod-jpe')
        .getKey('rsv-hr-cmk')
        .catch(e => e);
      expect(byPolicy).toMatchObject({ statusCode: 403, code: 'Forbidden' });
      expect(byPolicy.message).toContain(
        "does not have keys get permission on key vault 'kv-hr-prod-jpe;location=japaneast'",
      );
      const byRbac = await azureClients()
        .keys('kv-erp')
        .getKey('rsv-erp-cmk')
        .catch(e => e);
      expect(byRbac).toMatchObject({ statusCode: 403, code: 'Forbidden' });
      expect(byRbac.message).toContain('Caller is not authorized');
    } finally {
      hr.accessPolicies = savedPolicies;
      erp.roleAssignments = savedRoles;
    }
  });

  it('fails like DNS for a key vault that does not exist', async () => {
    const error = await azureClients()
      .keys('kv-legacy-gone')
      .getKey('legacy-archive-cmk')
      .catch(e => e);
    expect(error).toBeInstanceOf(RestError);
    expect(error.statusCode).toBeUndefined();
    expect(error.code).toBe('REQUEST_SEND_ERROR');
    expect(sim.calls.filter(c => c.service === 'azure-keyvault')).toEqual([
      expect.objectContaining({
        operation: 'Keys_Get',
        account: 'unknown',
        region: 'global',
        status: 0,
        errorCode: 'ENOTFOUND',
      }),
    ]);
    // No token was fetched: the request never reached a server.
    expect(sim.countCalls({ service: 'azure-ad' })).toBe(0);
  });

  it('blocks the scanner at a network-restricted key vault (ForbiddenByFirewall)', async () => {
    const kv = sim.estate.azure!.keyVaults.find(k => k.name === 'kv-intranet')!;
    kv.networkDefaultAction = 'Deny';
    try {
      const error = await azureClients()
        .keys('kv-intranet')
        .getKey('rsv-intranet-cmk')
        .catch(e => e);
      expect(error).toMatchObject({ statusCode: 403, code: 'Forbidden' });
      expect(error.message).toContain('Client address is not authorized');
    } finally {
      kv.networkDefaultAction = 'Allow';
    }
  });
});
