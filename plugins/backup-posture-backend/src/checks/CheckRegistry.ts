import { ConflictError, InputError } from '@backstage/errors';
import {
  BackupPostureCheck,
  builtInChecks,
} from '@backup-posture/plugin-backup-posture-common';
import { BackupPostureChecksExtensionPoint } from '@backup-posture/plugin-backup-posture-node';

/** A check id: lowercase words joined by `-` (what the report's `check` filter accepts). */
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A cloud id, as inventory providers are registered by (`aws`, `azure`, a module's). */
const CLOUD_ID = /^[a-z][a-z0-9-]*$/;

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
      const cloud: unknown = check.definition.cloud;
      if (typeof cloud !== 'string' || !CLOUD_ID.test(cloud)) {
        throw new InputError(
          `Backup-posture check ${id} has cloud ${JSON.stringify(cloud)}: it must be "aws", "azure" or the cloud of a module's inventory provider`,
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
   * Stops the backend when a check reads a cloud no inventory provider is registered for (a
   * module's check installed without its provider): it would never run, silently.
   */
  assertCloudsProvided(clouds: readonly string[]): void {
    for (const check of this.byId.values()) {
      if (!clouds.includes(check.definition.cloud)) {
        throw new InputError(
          `Backup-posture check ${check.definition.id} reads cloud "${check.definition.cloud}", which no inventory provider is registered for (registered: ${clouds.join(', ')})`,
        );
      }
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
