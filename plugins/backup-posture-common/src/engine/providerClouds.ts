import { EntityInventory } from '../inventory';
import {
  BackupPostureCheck,
  isProviderCheck,
} from './checks/backupPostureCheck';
import { ProviderCheck, ProviderEvaluationInput } from './checks/providerTypes';
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
  now: Date,
  limits: PostureLimits,
): ProviderCloudRun[] {
  const providerChecks = given.filter(isProviderCheck);
  return Object.keys(inventory.clouds ?? {})
    .sort()
    .map(cloud => {
      const base = {
        cloud,
        entityRef: inventory.entityRef,
        slice: inventory.clouds?.[cloud],
        scopes: inventory.scopes.filter(s => s.cloud === cloud),
        now,
        limits,
      };
      const draw = options.lineage?.[cloud];
      return {
        input: { ...base, lineage: draw ? draw(base) : [] },
        checks: providerChecks.filter(c => c.definition.cloud === cloud),
      };
    });
}
