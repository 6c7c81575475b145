/* eslint-disable no-console */
import { parseArgs } from 'node:util';
import { demoScenario } from './model/demo';
import { scaleScenario } from './model/scale';
import { SimulatedAws } from './SimulatedAws';
import { startSimulatedAwsServer } from './server';

/**
 * Serves a simulated AWS estate on loopback for the dev app and the benchmark:
 *   serve --scenario demo|scale [--port 4566] [--latency-ms 0] [--seed N]
 *         [--accounts 100] [--regions 16] [--resources-per-region 3]
 */
async function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string', default: '0' },
      seed: { type: 'string' },
      accounts: { type: 'string' },
      regions: { type: 'string' },
      'resources-per-region': { type: 'string' },
    },
  });
  const seed = values.seed !== undefined ? Number(values.seed) : undefined;
  let estate;
  if (values.scenario === 'demo') {
    estate = demoScenario({ seed });
  } else if (values.scenario === 'scale') {
    estate = scaleScenario({
      seed,
      accounts: values.accounts ? Number(values.accounts) : undefined,
      regions: values.regions ? Number(values.regions) : undefined,
      resourcesPerRegion: values['resources-per-region']
        ? Number(values['resources-per-region'])
        : undefined,
    });
  } else {
    throw new Error(`unknown scenario ${values.scenario} (use demo or scale)`);
  }
  const sim = new SimulatedAws(estate);
  const latency = Number(values['latency-ms']);
  if (latency > 0) sim.setLatency({ ms: latency });
  const server = await startSimulatedAwsServer(sim, {
    port: Number(values.port),
    host: values.host,
  });
  console.log(
    `simulated AWS (scenario ${values.scenario}) listening on ${server.url}`,
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
