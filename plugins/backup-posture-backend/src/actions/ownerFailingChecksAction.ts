import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckDefinition,
  failingCheckIdsOf,
} from '@backup-posture/plugin-backup-posture-common';
import { isRollUpKind } from '../mapping/rollUp';
import { entityRefOf } from '../posture/entityPosture';
import { EntityPostureStore } from '../store/types';

/**
 * `list-owned-failing-backup-checks`: the failing checks of every entity a group owns, or a user
 * owns directly or through the groups they are a member of; only entities the caller may read
 * (the catalog applies the caller's credentials), as on the REST API.
 */
export function registerOwnerFailingChecksAction(
  registry: ActionsRegistryService,
  deps: {
    catalog: CatalogService;
    entities: EntityPostureStore;
    /** The registered checks' definitions (built-in and from modules). */
    definitions: readonly CheckDefinition[];
  },
) {
  registry.register({
    name: 'list-owned-failing-backup-checks',
    title: 'Failing backup checks of what a user or group owns',
    description:
      'Lists, for each catalog entity owned by a group (or by a user, directly or through their groups), its backup posture grade and the ids and titles of its failing checks (AWS Backup, Azure Backup). Entities whose posture is unknown are listed with state other than ok and no grade. Use get-entity-backup-posture for the why and the fix of one entity.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          ownerRef: z
            .string()
            .describe(
              'A group or user entity ref, e.g. group:default/payments or user:default/jane',
            ),
        }),
      output: z =>
        z.object({
          ownerRef: z.string(),
          owners: z.array(z.string()),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              state: z.string(),
              grade: z.string().nullable(),
              score: z.number().nullable(),
              stale: z.boolean(),
              failingChecks: z.array(
                z.object({
                  checkId: z.string(),
                  title: z.string(),
                  severity: z.string(),
                }),
              ),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'What a team should fix',
        input: { ownerRef: 'group:default/payments' },
      },
    ],
    action: async ({ input, credentials }) => {
      const { catalog, entities } = deps;
      const owner = await catalog.getEntityByRef(input.ownerRef, {
        credentials,
      });
      const kind = owner?.kind.toLocaleLowerCase('en-US');
      if (!owner || (kind !== 'group' && kind !== 'user')) {
        throw new NotFoundError(
          `No group or user ${input.ownerRef} in the catalog`,
        );
      }
      const ownerRef = entityRefOf(owner);
      const owners = [
        ownerRef,
        ...(owner.relations ?? [])
          .filter(r => kind === 'user' && r.type === RELATION_MEMBER_OF)
          .map(r => r.targetRef),
      ];
      const owned = await catalog.getEntities(
        {
          filter: { 'relations.ownedBy': owners },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      const refs = owned.items
        .filter(e => !isRollUpKind(e.kind))
        .map(entityRefOf)
        .sort();
      const definitions = new Map(deps.definitions.map(d => [d.id, d]));
      const summaries = await entities.getSummaries(refs);
      return {
        output: {
          ownerRef,
          owners,
          entities: summaries.map(s => ({
            entityRef: s.entityRef,
            state: s.state,
            grade: s.state === 'ok' ? s.score.grade : null,
            score: s.state === 'ok' ? s.score.score : null,
            stale: s.stale,
            failingChecks: [...failingCheckIdsOf(s)].sort().map(id => ({
              checkId: id,
              title: definitions.get(id)?.title ?? id,
              severity: definitions.get(id)?.severity ?? 'unknown',
            })),
          })),
        },
      };
    },
  });
}
