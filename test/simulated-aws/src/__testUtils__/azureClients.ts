import { ClientSecretCredential } from '@azure/identity';
import {
  HttpClient,
  PipelineRequest,
  createDefaultHttpClient,
} from '@azure/core-rest-pipeline';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { KeyClient } from '@azure/keyvault-keys';
import { SIM_AZURE_CREDENTIALS } from '../azure/constants';

/**
 * Sends `https://{host}{path}` to `{endpoint}/{host}{path}` over plain HTTP, after the auth
 * policies ran (so Key Vault's challenge still sees the real vault host), as the backend does.
 */
export function endpointOverrideClient(endpoint: string): HttpClient {
  const base = createDefaultHttpClient();
  return {
    async sendRequest(req: PipelineRequest) {
      const original = req.url;
      const url = new URL(original);
      req.url = `${endpoint}/${url.host}${url.pathname}${url.search}`;
      req.allowInsecureConnection = true;
      try {
        return await base.sendRequest(req);
      } finally {
        req.url = original;
      }
    },
  };
}

export interface AzureClientOptions {
  httpClient?: HttpClient;
  clientSecret?: string;
  /** Retries off unless asked: injected faults should surface at once. */
  maxRetries?: number;
}

export function azureClients(opts: AzureClientOptions = {}) {
  const { httpClient } = opts;
  const retryOptions = { maxRetries: opts.maxRetries ?? 0 };
  const credential = new ClientSecretCredential(
    SIM_AZURE_CREDENTIALS.tenantId,
    SIM_AZURE_CREDENTIALS.clientId,
    opts.clientSecret ?? SIM_AZURE_CREDENTIALS.clientSecret,
    { disableInstanceDiscovery: true, httpClient, retryOptions },
  );
  return {
    credential,
    recoveryServices: (subscriptionId: string) =>
      new RecoveryServicesClient(credential, subscriptionId, {
        httpClient,
        retryOptions,
      }),
    keyVaultManagement: (subscriptionId: string) =>
      new KeyVaultManagementClient(credential, subscriptionId, {
        httpClient,
        retryOptions,
      }),
    authorization: (subscriptionId: string) =>
      new AuthorizationManagementClient(credential, subscriptionId, {
        httpClient,
        retryOptions,
      }),
    keys: (keyVaultName: string) =>
      new KeyClient(`https://${keyVaultName}.vault.azure.net`, credential, {
        httpClient,
        retryOptions,
      }),
  };
}

export async function collect<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iter) out.push(item);
  return out;
}
