import { createHash } from 'node:crypto';
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The kinds a posture is computed for: mapped leaves and the roll-ups over them. */
const KINDS = ['component', 'resource', 'system', 'group', 'domain'];

/** Every catalog entity of those kinds, read with the plugin's own credentials. */
export async function readCatalogEntities(
  catalog: CatalogService,
  auth: AuthService,
): Promise<Entity[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    { filter: [{ kind: KINDS }] },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities;
}

/**
 * A hash of what an evaluation reads from the catalog (each entity's ref, title, annotations,
 * spec and relations), so a change is noticed without evaluating again when there is none.
 */
export function catalogFingerprint(entities: readonly Entity[]): string {
  const parts = entities
    .map(e =>
      JSON.stringify([
        stringifyEntityRef(e),
        e.metadata.title ?? null,
        Object.entries(e.metadata.annotations ?? {}).sort(([a], [b]) =>
          a.localeCompare(b),
        ),
        e.spec ?? null,
        (e.relations ?? [])
          .map(r => `${r.type} ${r.targetRef}`)
          .sort((a, b) => a.localeCompare(b)),
      ]),
    )
    .sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
