/**
 * The check registry: AWS (`aws/`) then Azure (`azure/`), one file per check; the order here is
 * the order of results and of docs/checks.md.
 */
import { CheckDefinition } from '../../posture';
import { awsBackupChecks } from './aws';
import { azureVaultChecks } from './azure';
import { BackupPostureCheck } from './backupPostureCheck';

/**
 * The checks this package ships, AWS first: the engine's default, and what the backend's
 * built-in checks module registers.
 *
 * @public
 */
export const builtInChecks: readonly BackupPostureCheck[] = [
  ...awsBackupChecks,
  ...azureVaultChecks,
];

/**
 * Every built-in check definition, AWS first (one source of truth for docs/checks.md). A backend
 * with check modules installed serves more: ask it, not this list.
 *
 * @public
 */
export function listCheckDefinitions(): CheckDefinition[] {
  return builtInChecks.map(c => c.definition);
}

/** The ids of the built-in checks. @public */
export function listCheckIds(): string[] {
  return listCheckDefinitions().map(d => d.id);
}
