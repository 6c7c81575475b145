import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { demoScenario, SimulatedAws } from '@internal/simulated-aws';
import { setupServer } from 'msw/node';
import { NOW } from './fixtures';

/**
 * The demo estate (AWS and Azure) behind msw for the whole test file: the SDKs' real HTTP is
 * answered at the wire, unhandled requests fail, faults and the call log reset after each test.
 */
export function useSimulatedEstate(): SimulatedAws {
  const sim = new SimulatedAws(demoScenario({ now: NOW }));
  const server = setupServer(...sim.handlers());
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => sim.reset());
  afterAll(() => server.close());
  return sim;
}
