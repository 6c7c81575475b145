import { describe, expect, it } from '@jest/globals';
import { setupSimulator } from '../__testUtils__/demoSimulator';
import { azureClients, collect } from '../__testUtils__/azureClients';
import { DEMO_AZURE_SUBSCRIPTIONS as S } from '../azure/demo';
import { SIM_AZURE_CREDENTIALS } from '../azure/constants';

const sim = setupSimulator();

describe('Azure faults and latency', () => {
  it('throttles ARM with 429 and Retry-After, then recovers', async () => {
    sim.faults.add({
      kind: 'throttle',
      service: 'azure-arm',
      account: S.prod,
      operation: 'RecoveryServicesVaults_ListBySubscriptionId',
      times: 1,
    });
    const client = azureClients().recoveryServices(S.prod);
    const error = await collect(client.vaults.listBySubscriptionId()).catch(
      e => e,
    );
    expect(error).toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(error.response.headers.get('retry-after')).toBe('1');
    // Another subscription is not affected, and the fault is used up.
    await collect(
      azureClients().recoveryServices(S.security).vaults.listBySubscriptionId(),
    );
    expect(await collect(client.vaults.listBySubscriptionId())).toHaveLength(8);
  });

  it('lets the SDK retry a throttled call on its own', async () => {
    sim.faults.add({ kind: 'throttle', service: 'azure-arm', times: 1 });
    const vaults = await collect(
      azureClients({ maxRetries: 2 })
        .recoveryServices(S.prod)
        .vaults.listBySubscriptionId(),
    );
    expect(vaults).toHaveLength(8);
    expect(
      sim.calls
        .filter(c => c.service === 'azure-arm')
        .map(c => [c.status, c.errorCode]),
    ).toEqual([
      [429, 'TooManyRequests'],
      [200, undefined],
    ]);
  });

  it('denies Key Vault reads and fails ARM with 500 on demand', async () => {
    sim.faults.add({
      kind: 'access-denied',
      service: 'azure-keyvault',
      operation: 'Keys_Get',
    });
    const denied = await azureClients()
      .keys('kv-hr-prod-jpe')
      .getKey('rsv-hr-cmk')
      .catch(e => e);
    expect(denied).toMatchObject({ statusCode: 403, code: 'Forbidden' });
    // The unauthenticated challenge round is answered before faults apply.
    expect(
      sim.calls.filter(c => c.service === 'azure-keyvault').map(c => c.status),
    ).toEqual([401, 403]);

    sim.faults.add({
      kind: 'server-error',
      service: 'azure-arm',
      operation: 'KeyVaults_ListBySubscription',
    });
    const failed = await collect(
      azureClients().keyVaultManagement(S.prod).vaults.listBySubscription(),
    ).catch(e => e);
    expect(failed).toMatchObject({
      statusCode: 500,
      code: 'InternalServerError',
    });
  });

  it('denies ARM reads by injected access-denied', async () => {
    sim.faults.add({
      kind: 'access-denied',
      service: 'azure-arm',
      account: S.prod,
    });
    const error = await collect(
      azureClients().recoveryServices(S.prod).vaults.listBySubscriptionId(),
    ).catch(e => e);
    expect(error).toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    expect(error.message).toContain(
      `The client '${SIM_AZURE_CREDENTIALS.clientId}'`,
    );
  });

  it('fails sign-in on a token fault', async () => {
    sim.faults.add({ kind: 'access-denied', service: 'azure-ad' });
    const error = await azureClients()
      .credential.getToken('https://management.azure.com/.default')
      .catch(e => e);
    expect(error.message).toContain('AADSTS7000112');
  });

  it('returns a truncated body for malformed faults', async () => {
    sim.faults.add({ kind: 'malformed', service: 'azure-arm' });
    const error = await collect(
      azureClients().recoveryServices(S.prod).vaults.listBySubscriptionId(),
    ).catch(e => e);
    expect(error).toBeInstanceOf(Error);
    expect(sim.calls.at(-1)).toMatchObject({ status: 200 });
  });

  it('drops the connection after holdMs for timeout faults', async () => {
    sim.faults.add({
      kind: 'timeout',
      service: 'azure-keyvault',
      holdMs: 100,
    });
    const started = Date.now();
    const error = await azureClients()
      .keys('kv-erp')
      .getKey('rsv-erp-cmk')
      .catch(e => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(error.code).toBe('REQUEST_SEND_ERROR');
    expect(sim.calls.at(-1)).toMatchObject({
      operation: 'Keys_Get',
      status: 0,
    });
  });

  it('adds latency by service and operation', async () => {
    sim.setLatency({
      service: 'azure-arm',
      operation: 'RecoveryServicesVaults_ListBySubscriptionId',
      ms: 150,
    });
    const client = azureClients();
    await client.credential.getToken('https://management.azure.com/.default');
    const fastStart = Date.now();
    await collect(
      client.keyVaultManagement(S.prod).vaults.listBySubscription(),
    );
    const fast = Date.now() - fastStart;
    const slowStart = Date.now();
    await collect(
      client.recoveryServices(S.prod).vaults.listBySubscriptionId(),
    );
    const slow = Date.now() - slowStart;
    expect(slow).toBeGreaterThanOrEqual(145);
    // Only the chosen operation waits: the other one is faster by about the latency, whatever
    // the machine's load adds to both (an absolute bound on it failed under load).
    expect(slow - fast).toBeGreaterThan(75);
  });
});
