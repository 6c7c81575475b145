import {
  derivedOf,
  EntityPostureResponse,
} from '@backup-posture/plugin-backup-posture-common';

/** A fixture posture with what the backend derives from its inventory (by the same engine code). */
export function withDerived(
  posture: EntityPostureResponse,
): EntityPostureResponse {
  return posture.inventory
    ? { ...posture, derived: derivedOf(posture.inventory) }
    : posture;
}
