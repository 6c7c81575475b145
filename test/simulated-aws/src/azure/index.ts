export type * from './types';
export {
  SIM_AZURE_CREDENTIALS,
  SIM_AZURE_SCANNER_OBJECT_ID,
  AZURE_HOSTS,
  AZURE_AUDIENCES,
  ARM_PAGE_SIZE,
} from './constants';
export {
  demoAzureEstate,
  demoKeyVersion,
  DEMO_AZURE_SUBSCRIPTIONS,
  DEMO_AZURE_PRINCIPALS,
} from './demo';
export {
  recoveryVaultId,
  keyVaultId,
  userAssignedIdentityId,
  parseKeyUri,
  keyPermissionsOf,
} from './model';
export { azureTarget } from './route';
export { azureTruth, AZURE_CHECK_IDS } from './truth';
export type { AzureVaultTruth, AzureCheckId, ExpectedStatus } from './truth';
