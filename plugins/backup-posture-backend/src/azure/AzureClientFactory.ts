import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { TokenCredential } from '@azure/core-auth';
import type {
  HttpClient,
  PipelinePolicy,
  PipelineRequest,
} from '@azure/core-rest-pipeline';
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

/** The audience and tenant a bearer token was issued for (its JWT payload), if it is one. */
function tokenAudience(
  token: string,
): { aud: string; tid?: string } | undefined {
  try {
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return typeof claims?.aud === 'string'
      ? { aud: claims.aud, tid: claims.tid }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A 401 to a request that carried a token (the identity endpoint restarted, the token was
 * revoked or rolled over): the token is dropped and a new one fetched once, past every cache (a
 * claims request, as for a continuous-access-evaluation challenge), and the request is sent again.
 * Runs after the SDK's authentication policy, so it sees the token that was really sent; the
 * freshest token per audience is kept, so requests of clients still holding the old one are
 * retried with it instead of fetching again. A 401 without a token (Key Vault's first challenge)
 * is the authentication policy's.
 */
function refreshTokenOn401(credential: TokenCredential): PipelinePolicy {
  /** Per audience: the newest token fetched here. */
  const newest = new Map<string, string>();
  /** Per refused token: the one fetch that replaces it (concurrent 401s share it). */
  const replacing = new Map<string, Promise<string | undefined>>();
  const refetch = async (
    refused: string,
    audience: { aud: string; tid?: string },
    abortSignal?: PipelineRequest['abortSignal'],
  ) => {
    const token = await credential.getToken(
      `${audience.aud.replace(/\/+$/, '')}/.default`,
      {
        // Claims bypass every token cache: a token issued from now on.
        claims: JSON.stringify({
          access_token: {
            nbf: {
              essential: true,
              value: String(Math.floor(Date.now() / 1000)),
            },
          },
        }),
        ...(audience.tid ? { tenantId: audience.tid } : {}),
        abortSignal,
      },
    );
    return token && token.token !== refused ? token.token : undefined;
  };
  return {
    name: 'backupPostureRefreshTokenOn401',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status !== 401) return response;
      const sent = /^Bearer\s+(\S+)$/i.exec(
        request.headers.get('authorization') ?? '',
      )?.[1];
      const audience = sent ? tokenAudience(sent) : undefined;
      if (!sent || !audience) return response;
      const key = `${audience.tid ?? ''} ${audience.aud.replace(/\/+$/, '')}`;
      let token = newest.get(key);
      if (!token || token === sent) {
        let fetching = replacing.get(sent);
        if (!fetching) {
          fetching = refetch(sent, audience, request.abortSignal);
          replacing.set(sent, fetching);
          fetching.then(
            t => {
              if (t) newest.set(key, t);
            },
            () => replacing.delete(sent),
          );
        }
        token = await fetching;
      }
      if (!token) return response;
      request.headers.set('authorization', `Bearer ${token}`);
      return next(request);
    },
  };
}

/**
 * The Azure SDK clients the scan uses, sharing one credential. A service principal secret when
 * configured, else DefaultAzureCredential (managed or workload identity in production).
 */
export class AzureClientFactory {
  private readonly credential: TokenCredential;
  private readonly httpClient?: HttpClient;
  private refreshPolicy?: PipelinePolicy;
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
    // After the credential exists (its own pipeline has no need of it).
    this.refreshPolicy = refreshTokenOn401(this.credential);
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
        ...(this.refreshPolicy
          ? [{ policy: this.refreshPolicy, position: 'perRetry' as const }]
          : []),
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
