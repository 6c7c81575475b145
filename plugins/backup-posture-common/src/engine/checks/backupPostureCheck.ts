import { AzureCheck } from './azureTypes';
import { AwsCheck } from './types';

/**
 * Any check the engine runs: an AWS or an Azure one, told apart by `definition.cloud`. The
 * built-in checks and the checks backend modules add have this one shape.
 *
 * @public
 */
export type BackupPostureCheck = AwsCheck | AzureCheck;

/** @public */
export function isAwsCheck(check: BackupPostureCheck): check is AwsCheck {
  return check.definition.cloud === 'aws';
}

/** @public */
export function isAzureCheck(check: BackupPostureCheck): check is AzureCheck {
  return check.definition.cloud === 'azure';
}
