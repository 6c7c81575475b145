import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Kinds whose posture is the roll-up of their members rather than their own annotation. */
export const ROLL_UP_KINDS = ['system', 'group', 'domain'] as const;

/** Whether `kind` (in any case) is one of `ROLL_UP_KINDS`. */
export const isRollUpKind = (kind: string) =>
  (ROLL_UP_KINDS as readonly string[]).includes(kind.toLowerCase());

function targets(
  entity: Entity,
  type: string,
  specField: string,
  kind: string,
) {
  const refs = (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  const spec = (entity.spec as Record<string, unknown> | undefined)?.[
    specField
  ];
  if (typeof spec === 'string' && spec) {
    try {
      refs.push(
        stringifyEntityRef(
          parseEntityRef(spec, {
            defaultKind: kind,
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ).toLocaleLowerCase('en-US'),
      );
    } catch {
      // an unparsable spec field is the catalog's business; the relation list still applies
    }
  }
  return [...new Set(refs)];
}

/**
 * Members of each system, domain and group, from catalog relations (partOf, ownedBy; falling back
 * to spec.system / spec.owner / spec.domain): a system has its components and resources, a domain its
 * systems' members, a group what it owns directly plus the members of the systems it owns.
 */
export function buildRollUps(entities: Entity[]): Map<string, Set<string>> {
  const members = new Map<string, Set<string>>();
  const add = (parent: string, child: string) => {
    let set = members.get(parent);
    if (!set) members.set(parent, (set = new Set()));
    set.add(child);
  };
  const leaves = entities.filter(e => !isRollUpKind(e.kind));
  const systems = entities.filter(e => e.kind.toLowerCase() === 'system');
  for (const e of leaves) {
    const ref = stringifyEntityRef(e).toLocaleLowerCase('en-US');
    for (const s of targets(e, RELATION_PART_OF, 'system', 'system'))
      add(s, ref);
    for (const g of targets(e, RELATION_OWNED_BY, 'owner', 'group'))
      add(g, ref);
  }
  for (const s of systems) {
    const ref = stringifyEntityRef(s).toLocaleLowerCase('en-US');
    const sysMembers = members.get(ref) ?? new Set<string>();
    for (const g of targets(s, RELATION_OWNED_BY, 'owner', 'group')) {
      for (const m of sysMembers) add(g, m);
    }
    for (const d of targets(s, RELATION_PART_OF, 'domain', 'domain')) {
      for (const m of sysMembers) add(d, m);
    }
  }
  return members;
}
