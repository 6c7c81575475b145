/** The demo tenant and the scanner's app registration (fixed GUIDs, any test may use them). */
export const SIM_AZURE_CREDENTIALS = {
  tenantId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  clientId: '0b5c7e9a-1d3f-4a6b-9c8d-2e4f6a8b0c1d',
  clientSecret: 'sim-azure-client-secret',
} as const;

/** Object id of the scanner's service principal in the demo tenant. */
export const SIM_AZURE_SCANNER_OBJECT_ID =
  '6d1e3f5a-7b9c-4d2e-8f1a-3b5c7d9e1f2a';

export const AZURE_HOSTS = {
  login: 'login.microsoftonline.com',
  management: 'management.azure.com',
  /** Key vaults are `{name}.vault.azure.net`. */
  keyVaultSuffix: '.vault.azure.net',
} as const;

/** Audiences the simulated Entra ID issues tokens for (the scope without `/.default`). */
export const AZURE_AUDIENCES = {
  management: 'https://management.azure.com',
  vault: 'https://vault.azure.net',
} as const;

/** Items per page of ARM list operations (Recovery Services vaults, key vaults without `$top`). */
export const ARM_PAGE_SIZE = 50;
