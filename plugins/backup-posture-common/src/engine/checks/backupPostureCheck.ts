import { AzureCheck } from './azureTypes';
import { ProviderCheck } from './providerTypes';
import { AwsCheck } from './types';

/**
 * Any check the engine runs, told apart by `definition.cloud`: an AWS or an Azure one, or one
 * over a cloud a backend module adds. The built-in checks and the checks backend modules add
 * have this one shape.
 *
 * @public
 */
export type BackupPostureCheck = AwsCheck | AzureCheck | ProviderCheck;

/** @public */
export function isAwsCheck(check: BackupPostureCheck): check is AwsCheck {
  return check.definition.cloud === 'aws';
}

/** @public */
export function isAzureCheck(check: BackupPostureCheck): check is AzureCheck {
  return check.definition.cloud === 'azure';
}

/** A check over a module's cloud (neither AWS nor Azure). @public */
export function isProviderCheck(
  check: BackupPostureCheck,
): check is ProviderCheck {
  return !isAwsCheck(check) && !isAzureCheck(check);
}
