import { SimulatedAws } from '@internal/simulated-aws';
import { useDemoSimulator } from '@internal/simulated-aws/src/__testUtils__/useDemoSimulator';
import { NOW } from './fixtures';

/** The demo estate (AWS and Azure) behind msw for the whole test file, on the tests' clock. */
export function useSimulatedEstate(): SimulatedAws {
  return useDemoSimulator(NOW);
}
