import { EntityInventory } from '../inventory';
import {
  BackupPostureCheck,
  isProviderCheck,
} from './checks/backupPostureCheck';
import { ProviderCheck, ProviderEvaluationInput } from './checks/providerTypes';
import { EvaluationClock } from './clock';
import { EvaluateOptions, PostureLimits } from './options';

/** One module cloud of an entity: its checks and what they are given. */
export interface ProviderCloudRun {
  input: ProviderEvaluationInput;
  checks: ProviderCheck[];
}

/**
 * The clouds backend modules add that the entity's inventory has a part of
 * (`EntityInventory.clouds`), in cloud order, each with its lineage drawn and its checks: those
 * whose `definition.cloud` names it, in the given order.
 */
export function providerCloudRuns(
  inventory: EntityInventory,
  given: readonly BackupPostureCheck[],
  options: EvaluateOptions,
  now: Date | EvaluationClock,
  limits: PostureLimits,
): ProviderCloudRun[] {
  const clock = now instanceof EvaluationClock ? now : new EvaluationClock(now);
  const providerChecks = given.filter(isProviderCheck);
  return Object.keys(inventory.clouds ?? {})
    .sort()
    .map(cloud => {
      // Read directly, the time bounds the evaluation to its instant (engine/clock.ts).
      const base = () =>
        Object.defineProperty(
          {
            cloud,
            entityRef: inventory.entityRef,
            slice: inventory.clouds?.[cloud],
            scopes: inventory.scopes.filter(s => s.cloud === cloud),
            clock,
            limits,
          },
          'now',
          {
            enumerable: true,
            get: () => {
              clock.readDirectly();
              return clock.now;
            },
          },
        ) as Omit<ProviderEvaluationInput, 'lineage'>;
      const draw = options.lineage?.[cloud];
      const input: ProviderEvaluationInput = Object.assign(base(), {
        lineage: draw ? draw(base()) : [],
      });
      return {
        input,
        checks: providerChecks.filter(c => c.definition.cloud === cloud),
      };
    });
}
