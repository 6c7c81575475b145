import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_AWS_RESOURCE_ARNS } from '@backup-posture/plugin-backup-posture-common';

export const ENTITY_COUNT = 10_000;
export const GROUP_COUNT = 100;
export const SYSTEM_COUNT = 500;

export const componentName = (i: number) => `svc-${String(i).padStart(5, '0')}`;

/**
 * A catalog of `count` components, each owning one resource of the estate by ARN annotation (round
 * robin, so a small estate's resources are shared by several components), owned by 100 groups and
 * grouped in 500 systems, so the scan also computes group and system roll-ups.
 */
export function benchmarkEntities(
  resourceArns: string[],
  count = ENTITY_COUNT,
): Entity[] {
  const entities: Entity[] = [];
  for (let g = 0; g < GROUP_COUNT; g++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${g}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
    });
  }
  for (let s = 0; s < SYSTEM_COUNT; s++) {
    const owner = `group:default/team-${s % GROUP_COUNT}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s}`, namespace: 'default' },
      spec: { owner },
      relations: [{ type: 'ownedBy', targetRef: owner }],
    });
  }
  for (let i = 0; i < count; i++) {
    const owner = `group:default/team-${i % GROUP_COUNT}`;
    const system = `system:default/system-${i % SYSTEM_COUNT}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: componentName(i),
        namespace: 'default',
        annotations: {
          [ANNOTATION_AWS_RESOURCE_ARNS]: resourceArns[i % resourceArns.length],
        },
      },
      spec: { type: 'service', lifecycle: 'production', owner, system },
      relations: [
        { type: 'ownedBy', targetRef: owner },
        { type: 'partOf', targetRef: system },
      ],
    });
  }
  return entities;
}
