import { Entity } from '@backstage/catalog-model';
import { BACKUP_POSTURE_ANNOTATIONS } from '@backup-posture/plugin-backup-posture-common';

/** Kinds that roll up the posture of the entities they contain or own. */
const ROLL_UP_KINDS = ['system', 'group', 'domain'];

/** True when the entity carries a backup-posture annotation. */
export function hasBackupPostureAnnotation(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return BACKUP_POSTURE_ANNOTATIONS.some(a => Boolean(annotations[a]?.trim()));
}

/** True for System, Group and Domain entities, which roll up their members. */
export function isRollUpEntity(entity: Entity): boolean {
  return ROLL_UP_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}

/**
 * Predicate for `EntitySwitch`: the entity is annotated, or is a System/Group/Domain that can roll up
 * the posture of its members.
 *
 * @public
 */
export function isBackupPostureAvailable(entity: Entity): boolean {
  return hasBackupPostureAnnotation(entity) || isRollUpEntity(entity);
}
