import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
} from '@azure/identity';
import { KeyClient } from '@azure/keyvault-keys';
import { AzureConfig } from '../config';
import { endpointOverrideHttpClient } from './endpointOverride';

/**
 * The Azure SDK clients the scan uses, sharing one credential. A service principal secret when
 * configured, else DefaultAzureCredential (managed or workload identity in production).
 */
export class AzureClientFactory {
  private readonly credential: TokenCredential;
  private readonly httpClient?: HttpClient;
  private readonly keyClients = new Map<string, KeyClient>();

  constructor(private readonly config: AzureConfig) {
    this.httpClient = config.endpoint
      ? endpointOverrideHttpClient(config.endpoint)
      : undefined;
    const common = {
      ...(this.httpClient ? { httpClient: this.httpClient } : {}),
      retryOptions: { maxRetries: config.concurrency.maxRetries },
    };
    this.credential =
      config.tenantId && config.clientId && config.clientSecret
        ? new ClientSecretCredential(
            config.tenantId,
            config.clientId,
            config.clientSecret,
            // The authority is the public cloud's; skip the instance metadata round trip.
            { ...common, disableInstanceDiscovery: true },
          )
        : new DefaultAzureCredential({
            ...common,
            ...(config.tenantId ? { tenantId: config.tenantId } : {}),
            ...(config.clientId
              ? { managedIdentityClientId: config.clientId }
              : {}),
          });
  }

  private options() {
    return {
      ...(this.httpClient ? { httpClient: this.httpClient } : {}),
      retryOptions: { maxRetries: this.config.concurrency.maxRetries },
    };
  }

  recoveryServices(subscriptionId: string): RecoveryServicesClient {
    return new RecoveryServicesClient(
      this.credential,
      subscriptionId,
      this.options(),
    );
  }

  keyVaultManagement(subscriptionId: string): KeyVaultManagementClient {
    return new KeyVaultManagementClient(
      this.credential,
      subscriptionId,
      this.options(),
    );
  }

  /** Role assignments and definitions (Azure RBAC key vaults, rule Z3). */
  authorization(subscriptionId: string): AuthorizationManagementClient {
    return new AuthorizationManagementClient(
      this.credential,
      subscriptionId,
      this.options(),
    );
  }

  /** One client per key vault, reused: it caches the challenge's scope and token. */
  keys(vaultUrl: string): KeyClient {
    let client = this.keyClients.get(vaultUrl);
    if (!client) {
      client = new KeyClient(vaultUrl, this.credential, this.options());
      this.keyClients.set(vaultUrl, client);
    }
    return client;
  }
}
