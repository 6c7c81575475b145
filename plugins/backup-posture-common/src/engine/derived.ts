/** What the engine derives from an entity's inventory for the API (`PostureDerived`). */
import { PostureDerived } from '../api';
import { EntityInventory } from '../inventory';
import { coverageOf } from './coverage';
import { keysByManager, recoveryPointsByKeyManager } from './keyMix';

export function derivedOf(inventory: EntityInventory): PostureDerived {
  return {
    keysByManager: keysByManager(inventory),
    recoveryPointsByKeyManager: recoveryPointsByKeyManager(inventory),
    coverage: coverageOf(inventory),
  };
}
