import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, PipelinePolicy } from '@azure/core-rest-pipeline';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
} from '@azure/identity';
import { KeyClient } from '@azure/keyvault-keys';
import { AzureConfig } from '../config';
import { callWithTimeout } from '../scan/callContext';
import { endpointOverrideHttpClient } from './endpointOverride';

/**
 * Every operation honours the signal of the work calling it (the scan's or the subscription's)
 * and the per-request timeout: a hung or aborted call is cut.
 */
function abortPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'backupPostureAbort',
    sendRequest: (request, next) =>
      callWithTimeout(
        `${request.method} ${new URL(request.url).host}`,
        timeoutMs,
        request.abortSignal as AbortSignal | undefined,
        signal => {
          request.abortSignal = signal;
          return next(request);
        },
      ),
  };
}

/**
 * The Azure SDK clients the scan uses, sharing one credential. A service principal secret when
 * configured, else DefaultAzureCredential (managed or workload identity in production).
 */
export class AzureClientFactory {
  private readonly credential: TokenCredential;
  private readonly httpClient?: HttpClient;
  private readonly keyClients = new Map<string, KeyClient>();
  private readonly authorizationClients = new Map<
    string,
    AuthorizationManagementClient
  >();

  constructor(
    private readonly config: AzureConfig,
    /** `backupPosture.timeouts.request`: one operation, its retries included. */
    private readonly requestTimeoutMs = 30_000,
  ) {
    this.httpClient = config.endpoint
      ? endpointOverrideHttpClient(config.endpoint)
      : undefined;
    const common = this.options();
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
      additionalPolicies: [
        {
          policy: abortPolicy(this.requestTimeoutMs),
          position: 'perCall' as const,
        },
      ],
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

  /** Role assignments and definitions (Azure RBAC key vaults, rule Z3), one client per subscription. */
  authorization(subscriptionId: string): AuthorizationManagementClient {
    let client = this.authorizationClients.get(subscriptionId);
    if (!client) {
      client = new AuthorizationManagementClient(
        this.credential,
        subscriptionId,
        this.options(),
      );
      this.authorizationClients.set(subscriptionId, client);
    }
    return client;
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
