import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
} from '@jest/globals';
import { demoScenario } from '../model/demo';
import { SimulatedAws } from '../SimulatedAws';
import { SimulatedAwsServer, startSimulatedAwsServer } from '../server';
import { NOW } from '../__testUtils__/demoSimulator';
import {
  azureClients,
  collect,
  endpointOverrideClient,
} from '../__testUtils__/azureClients';
import { DEMO_AZURE_SUBSCRIPTIONS as S } from '../azure/demo';

/**
 * The dev app and the benchmark reach the simulator over plain HTTP with an endpoint override:
 * `https://{host}{path}` becomes `{endpoint}/{host}{path}` (no msw interception here).
 */
describe('Azure served over HTTP behind an endpoint override', () => {
  const sim = new SimulatedAws(demoScenario({ now: NOW }));
  let server: SimulatedAwsServer;
  let clients: ReturnType<typeof azureClients>;
  beforeAll(async () => {
    server = await startSimulatedAwsServer(sim, { port: 0 });
    clients = azureClients({ httpClient: endpointOverrideClient(server.url) });
  });
  afterEach(() => sim.reset());
  afterAll(() => server.close());

  it('signs in, pages vaults through the rewritten nextLink and reads a key after the challenge', async () => {
    const azure = sim.estate.azure!;
    const template = azure.recoveryVaults.find(v => v.name === 'rsv-payroll')!;
    const extra = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      name: `rsv-served-${i}`,
    }));
    azure.recoveryVaults.push(...extra);
    try {
      const vaults = await collect(
        clients.recoveryServices(S.prod).vaults.listBySubscriptionId(),
      );
      expect(vaults).toHaveLength(68);
    } finally {
      azure.recoveryVaults.splice(-extra.length);
    }
    const kvs = await collect(
      clients.keyVaultManagement(S.security).vaults.listBySubscription(),
    );
    expect(kvs.map(k => k.name).sort()).toEqual(['kv-crm-jpe', 'kv-data-lake']);
    const key = await clients.keys('kv-crm-jpe').getKey('rsv-crm-cmk');
    expect(key.properties.enabled).toBe(true);
    const policy = await clients
      .keys('kv-crm-jpe')
      .getKeyRotationPolicy('rsv-crm-cmk');
    expect(policy.lifetimeActions ?? []).toEqual([]);

    expect(
      sim.calls.map(c => `${c.service}:${c.operation}:${c.status}`),
    ).toEqual([
      'azure-ad:Token:200',
      'azure-arm:RecoveryServicesVaults_ListBySubscriptionId:200',
      'azure-arm:RecoveryServicesVaults_ListBySubscriptionId:200',
      'azure-arm:KeyVaults_ListBySubscription:200',
      'azure-keyvault:Keys_Get:401',
      'azure-ad:Token:200',
      'azure-keyvault:Keys_Get:200',
      // A new KeyClient starts with a new challenge; the credential caches the vault token.
      'azure-keyvault:Keys_GetRotationPolicy:401',
      'azure-keyvault:Keys_GetRotationPolicy:200',
    ]);
  });

  it('drops the connection for a key vault that does not exist', async () => {
    const error = await clients
      .keys('kv-legacy-gone')
      .getKey('legacy-archive-cmk')
      .catch(e => e);
    // A loopback server cannot fail DNS: it resets the connection instead (no HTTP status).
    expect(error.name).toBe('RestError');
    expect(error.code).toBe('ECONNRESET');
    expect(error.statusCode).toBeUndefined();
  });

  it('answers a denied subscription with AuthorizationFailed', async () => {
    const error = await collect(
      clients.recoveryServices(S.legacy).vaults.listBySubscriptionId(),
    ).catch(e => e);
    expect(error).toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
  });
});
