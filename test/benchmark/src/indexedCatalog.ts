import { createServiceFactory } from '@backstage/backend-plugin-api';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';

const refKey = (ref: string) =>
  stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');

/**
 * The in-memory catalog of the test utilities, with look-ups by ref from an index. The plain one
 * rebuilds a map of every entity on each `getEntityByRef` (10,000 entities: milliseconds per
 * call), which would measure the mock, not the plugin; the real catalog looks refs up by index.
 */
class IndexedCatalogClient extends InMemoryCatalogClient {
  private readonly byRef = new Map<string, Entity>();

  constructor(entities: Entity[]) {
    super({ entities });
    for (const e of entities) this.byRef.set(refKey(stringifyEntityRef(e)), e);
  }

  async getEntityByRef(
    entityRef: string | { kind: string; namespace?: string; name: string },
  ) {
    const ref =
      typeof entityRef === 'string' ? entityRef : stringifyEntityRef(entityRef);
    return this.byRef.get(refKey(ref));
  }

  async getEntitiesByRefs(request: { entityRefs: string[] }) {
    return { items: request.entityRefs.map(r => this.byRef.get(refKey(r))) };
  }
}

export const indexedCatalogServiceFactory = (entities: Entity[]) =>
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => new IndexedCatalogClient(entities),
  });
