import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityRefOf } from '../posture/entityPosture';

/**
 * A filter keeping the items whose entity the caller can read: the catalog applies its policy.
 * Decided once per request (allow all, deny all, or ask the catalog for each batch of refs).
 */
export async function readableFilter(
  deps: { permissions: PermissionsService; catalog: CatalogService },
  credentials: BackstageCredentials,
): Promise<<T extends { entityRef: string }>(items: T[]) => Promise<T[]>> {
  const [decision] = await deps.permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return async items => items;
  if (decision.result === AuthorizeResult.DENY) return async () => [];
  return async items => {
    if (items.length === 0) return items;
    const { items: entities } = await deps.catalog.getEntitiesByRefs(
      {
        entityRefs: items.map(i => i.entityRef),
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    const allowed = new Set(entities.flatMap(e => (e ? [entityRefOf(e)] : [])));
    return items.filter(i => allowed.has(i.entityRef));
  };
}
