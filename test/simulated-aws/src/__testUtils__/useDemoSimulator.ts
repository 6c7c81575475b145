import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { setupServer } from 'msw/node';
import { demoScenario } from '../model/demo';
import { SimulatedAws } from '../SimulatedAws';

/**
 * For jest test files: the demo estate (AWS and Azure) behind msw for the whole file. The SDKs'
 * real HTTP is answered at the wire, unhandled requests fail, and faults and the call log reset
 * after each test. Not in the package index, which the dev app's `serve` loads without jest.
 */
export function useDemoSimulator(now: string): SimulatedAws {
  const sim = new SimulatedAws(demoScenario({ now }));
  const server = setupServer(...sim.handlers());
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => sim.reset());
  afterAll(() => server.close());
  return sim;
}
