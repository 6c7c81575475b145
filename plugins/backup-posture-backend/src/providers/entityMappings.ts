import { Entity } from '@backstage/catalog-model';
import { EntityConfigurationProblem } from '@backup-posture/plugin-backup-posture-common';
import { InventoryProvider } from '@backup-posture/plugin-backup-posture-node';

/** What an entity's annotations say, for every provider that found some. */
export interface EntityMappings {
  /** Each provider's mapping of the entity, by cloud (only usable ones). */
  byCloud: ReadonlyMap<string, unknown>;
  /** The problems of every provider's annotations: any makes the entity `invalid-annotation`. */
  problems: EntityConfigurationProblem[];
}

/** The entity's mappings; `undefined` when no provider finds annotations on it. */
export function readEntityMappings(
  entity: Entity,
  providers: readonly InventoryProvider[],
): EntityMappings | undefined {
  const byCloud = new Map<string, unknown>();
  const problems: EntityConfigurationProblem[] = [];
  let mapped = false;
  for (const provider of providers) {
    const m = provider.mappingOf(entity);
    if (!m) continue;
    mapped = true;
    problems.push(...m.problems);
    if (m.mapping !== undefined && !m.problems.length)
      byCloud.set(provider.cloud, m.mapping);
  }
  return mapped ? { byCloud, problems } : undefined;
}
