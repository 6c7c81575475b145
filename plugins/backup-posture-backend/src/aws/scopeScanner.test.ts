import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
} from '@jest/globals';
import { ConfigReader } from '@backstage/config';
import { demoScenario, SimulatedAws } from '@internal/simulated-aws';
import { setupServer } from 'msw/node';
import { NOW, simulatedConfig } from '../__testUtils__/fixtures';
import { readConfig } from '../config';
import { AwsClientFactory } from './clients';
import { DefaultAccountCredentials } from './credentials';
import { KeyDescriber } from './keyDescriber';
import { scanScope } from './scopeScanner';

const sim = new SimulatedAws(demoScenario({ now: NOW }));
const server = setupServer(...sim.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.reset());
afterAll(() => server.close());

function factory() {
  const root = new ConfigReader(simulatedConfig());
  const config = readConfig(root);
  return new AwsClientFactory(
    config,
    DefaultAccountCredentials.fromConfig(root, config),
  );
}

const CENTRAL = { accountId: '444444444444', region: 'ap-northeast-1' };
const options = {
  tagSelectors: [{ team: 'payments' }],
  tagKeys: [],
  copyJobsSince: new Date(0),
};

describe('scope discovery', () => {
  it('A6: reads the region settings once per scope; a denied read is kept as the fact’s error, anything else fails the scope', async () => {
    const DEV_TOKYO = { accountId: '333333333333', region: 'ap-northeast-1' };
    const clients = await factory().forScope(DEV_TOKYO);
    const read = await scanScope(DEV_TOKYO, clients, options);
    expect(read.regionSettings).toMatchObject({
      ...DEV_TOKYO,
      resourceTypeOptInPreference: expect.objectContaining({ EFS: false }),
      resourceTypeManagementPreference: { DynamoDB: false, EFS: true },
      readAt: read.collectedAt,
    });
    expect(sim.countCalls({ operation: 'DescribeRegionSettings' })).toBe(1);

    sim.faults.add({
      kind: 'access-denied',
      operation: 'DescribeRegionSettings',
    });
    const denied = await scanScope(DEV_TOKYO, clients, options);
    expect(denied.regionSettings).toEqual({
      ...DEV_TOKYO,
      error: { name: 'AccessDeniedException', message: expect.any(String) },
    });
    expect(denied.partialErrors).toContainEqual({
      operation: 'DescribeRegionSettings',
      subject: '333333333333/ap-northeast-1',
      error: expect.objectContaining({ name: 'AccessDeniedException' }),
    });
    expect(denied.vaults).toEqual(read.vaults);

    sim.faults.clear();
    sim.faults.add({ kind: 'malformed', operation: 'DescribeRegionSettings' });
    await expect(scanScope(DEV_TOKYO, clients, options)).rejects.toBeDefined();
  });

  it('follows every page: tiny pages give the same snapshot as full pages', async () => {
    const clients = await factory().forScope(CENTRAL);
    const full = await scanScope(CENTRAL, clients, options);
    expect(full.recoveryPoints.length).toBeGreaterThan(2);
    sim.reset();
    const paged = await scanScope(CENTRAL, clients, {
      ...options,
      pageSize: 1,
    });
    const pointCalls = sim.countCalls({
      operation: 'ListRecoveryPointsByBackupVault',
    });
    expect(pointCalls).toBeGreaterThan(full.vaults.length);
    const strip = (s: typeof full) => ({
      ...s,
      collectedAt: '',
      regionSettings: { ...s.regionSettings!, readAt: '' },
    });
    expect(strip(paged)).toEqual(strip(full));
  });

  it('describes each KMS key once per scan, whatever the number of references', async () => {
    const f = factory();
    const clients = await f.forScope(CENTRAL);
    const snapshot = await scanScope(CENTRAL, clients, options);
    const arns = [
      ...new Set(
        snapshot.vaults.flatMap(v =>
          v.encryptionKeyArn ? [v.encryptionKeyArn] : [],
        ),
      ),
    ];
    expect(arns.length).toBeGreaterThan(0);
    sim.reset();
    const keys = new KeyDescriber(
      s => f.forScope(s),
      new Set([CENTRAL.accountId, '222222222222']),
    );
    const facts = await Promise.all(
      [...arns, ...arns, ...arns].map(arn => keys.describe(arn, CENTRAL)),
    );
    expect(sim.countCalls({ operation: 'DescribeKey' })).toBe(arns.length);
    expect(
      facts.every(
        k => k.keyManager === 'CUSTOMER' || k.keyManager === 'AWS' || k.error,
      ),
    ).toBe(true);
  });
});
