import { ConflictError, InputError } from '@backstage/errors';
import {
  BackupPostureCheck,
  builtInChecks,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureChecksExtensionPoint } from '@backup-posture/plugin-backup-posture-node';

/** A check id: lowercase words joined by `-` (what the report's `check` filter accepts). */
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CLOUDS = new Set(['aws', 'azure']);

/** Where each built-in check goes in the list: the documented order of docs/checks.md. */
const BUILT_IN_ORDER = new Map(
  builtInChecks.map((c, i) => [c.definition.id, i]),
);

/**
 * The checks registered through `backupPostureChecksExtensionPoint`, by the built-in checks
 * module and any other. Ids are unique: a duplicate is a startup error naming the id.
 */
export class CheckRegistry implements BackupPostureChecksExtensionPoint {
  private readonly byId = new Map<string, BackupPostureCheck>();

  addChecks(...checks: BackupPostureCheck[]): void {
    for (const check of checks) {
      const id = check?.definition?.id;
      if (typeof id !== 'string' || !CHECK_ID.test(id)) {
        throw new InputError(
          `Invalid backup-posture check id ${JSON.stringify(id)}: use lowercase words joined by "-", such as "vault-lock"`,
        );
      }
      if (!CLOUDS.has(check.definition.cloud)) {
        throw new InputError(
          `Backup-posture check ${id} has cloud ${JSON.stringify(check.definition.cloud)}: it must be "aws" or "azure"`,
        );
      }
      if (typeof check.evaluate !== 'function') {
        throw new InputError(`Backup-posture check ${id} has no evaluate()`);
      }
      if (this.byId.has(id)) {
        throw new ConflictError(
          `Backup-posture check ${id} is registered twice: check ids must be unique across modules`,
        );
      }
      this.byId.set(id, check);
    }
  }

  /**
   * Every registered check, in a stable order whatever order modules started in: the built-in
   * checks in their documented order, then the others by id.
   */
  list(): BackupPostureCheck[] {
    const rank = (c: BackupPostureCheck) =>
      BUILT_IN_ORDER.get(c.definition.id) ?? Number.MAX_SAFE_INTEGER;
    return [...this.byId.values()].sort(
      (a, b) =>
        rank(a) - rank(b) || a.definition.id.localeCompare(b.definition.id),
    );
  }
}
