import { BackupClient } from '@aws-sdk/client-backup';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BackupPostureConfig } from '../config';
import { AccountCredentials } from './credentials';
import { callWithTimeout } from '../scan/callContext';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import pLimit from 'p-limit';
import { quotaPlugin, ScopeQuotas } from './scopeQuotas';
import { Scope, scopeKey } from './types';

type Sendable = { send(command: any, options?: any): Promise<any> };

/**
 * Every `send` of the client honours the signal of the work calling it (the scan's or the
 * scope's) and the per-request timeout (`backupPosture.timeouts.request`), through the SDK's
 * `abortSignal` option: an aborted or hung call is cut, not left to run.
 */
export function withAbort<C extends Sendable>(client: C, timeoutMs: number): C {
  const send = client.send.bind(client);
  client.send = (command: any, options?: any) => {
    if (typeof options === 'function') return send(command, options);
    const what = `${String(command?.constructor?.name ?? 'call').replace(/Command$/, '')}`;
    return callWithTimeout(what, timeoutMs, options?.abortSignal, abortSignal =>
      send(command, { ...options, abortSignal }),
    );
  };
  return client;
}

/**
 * The SDK clients of one account × region; they share credentials, the scope's quotas and one
 * adaptive retry strategy (a throttling answer to any of them slows the whole scope, and only it).
 */
export interface ScopeClients {
  backup: BackupClient;
  kms: KMSClient;
  tagging: ResourceGroupsTaggingAPIClient;
  /** The services whose resources' own keys are read (see `sourceKeys/`). */
  rds: RDSClient;
  ec2: EC2Client;
  efs: EFSClient;
  dynamodb: DynamoDBClient;
  s3: S3Client;
  redshift: RedshiftClient;
}

/**
 * The SDK clients of the account × region scopes in use, created on first use (a scope that never
 * describes a key or resolves tags never builds a KMS or Tagging client). Each client holds its
 * own HTTP agent, resolved configuration and middleware (about 20 KiB before its first request,
 * more after), so only the most recently used scopes keep theirs: a scan of 4,800 scopes that kept
 * every client held hundreds of MiB for nothing (docs/benchmarks.md). An evicted scope's clients
 * are not destroyed (a request may still be in flight on them); they are collected once idle.
 * The per-scope quotas and retry strategies are small and kept for good, so evicting clients never
 * lets a scope exceed its call rate or forget that it was throttled. Every request of every scope
 * also waits for a slot among `requestsInFlight`: what one scan costs this process is bounded
 * whatever the estate's size.
 */
export class AwsClientFactory {
  private readonly scopes = new Map<string, ScopeClients>();
  private readonly quotas = new Map<
    string,
    { quotas: ScopeQuotas; retry: AdaptiveRetryStrategy }
  >();
  private readonly maxCachedScopes: number;
  private readonly inFlight: pLimit.Limit;
  /**
   * One keep-alive connection pool for every client: the clients of thousands of scopes would
   * otherwise each open their own connections (a TCP and TLS handshake per client and host).
   */
  private readonly agents: { httpAgent: HttpAgent; httpsAgent: HttpsAgent };

  constructor(
    private readonly config: BackupPostureConfig,
    private readonly credentials: AccountCredentials,
  ) {
    // Scopes scanned at once, plus the key scopes described meanwhile, with room to spare.
    this.maxCachedScopes = Math.max(64, config.aws.concurrency.scopes + 16);
    this.inFlight = pLimit(config.aws.concurrency.requestsInFlight);
    const sockets = {
      keepAlive: true,
      maxSockets: config.aws.concurrency.requestsInFlight,
    };
    this.agents = {
      httpAgent: new HttpAgent(sockets),
      httpsAgent: new HttpsAgent(sockets),
    };
  }

  private common(region: string, credentials: AwsCredentialIdentityProvider) {
    const { endpoint, concurrency } = this.config.aws;
    return {
      region,
      credentials,
      retryMode: 'adaptive',
      maxAttempts: concurrency.maxAttempts,
      requestHandler: this.agents,
      ...(endpoint ? { endpoint } : {}),
    };
  }

  async forScope(scope: Scope): Promise<ScopeClients> {
    const key = scopeKey(scope);
    let clients = this.scopes.get(key);
    if (clients) {
      // Most recently used last: eviction takes the first entry.
      this.scopes.delete(key);
      this.scopes.set(key, clients);
      return clients;
    }
    const credentials = await this.credentials.forAccount(scope.accountId);
    clients = this.scopes.get(key); // another caller may have built them meanwhile
    if (clients) return clients;
    const { quotas, retry } = this.quotasFor(key);
    const common = {
      ...this.common(scope.region, credentials),
      retryStrategy: retry,
    };
    const requestMs = this.config.timeouts.requestMs;
    const limited = <
      C extends Sendable & { middlewareStack: { use(p: any): void } },
    >(
      client: C,
    ) => {
      client.middlewareStack.use(quotaPlugin(quotas, this.inFlight));
      return withAbort(client, requestMs);
    };
    let backup: BackupClient | undefined;
    let kms: KMSClient | undefined;
    let tagging: ResourceGroupsTaggingAPIClient | undefined;
    let rds: RDSClient | undefined;
    let ec2: EC2Client | undefined;
    let efs: EFSClient | undefined;
    let dynamodb: DynamoDBClient | undefined;
    let s3: S3Client | undefined;
    let redshift: RedshiftClient | undefined;
    // Behind an endpoint override (a LocalStack-style simulator), buckets go in the path: a
    // virtual-hosted `bucket.localhost` name need not resolve.
    const s3Options = {
      ...common,
      ...(this.config.aws.endpoint ? { forcePathStyle: true } : {}),
    };
    clients = {
      get backup() {
        return (backup ??= limited(new BackupClient(common)));
      },
      get kms() {
        return (kms ??= limited(new KMSClient(common)));
      },
      get tagging() {
        return (tagging ??= limited(
          new ResourceGroupsTaggingAPIClient(common),
        ));
      },
      get rds() {
        return (rds ??= limited(new RDSClient(common)));
      },
      get ec2() {
        return (ec2 ??= limited(new EC2Client(common)));
      },
      get efs() {
        return (efs ??= limited(new EFSClient(common)));
      },
      get dynamodb() {
        return (dynamodb ??= limited(new DynamoDBClient(common)));
      },
      get s3() {
        return (s3 ??= limited(new S3Client(s3Options)));
      },
      get redshift() {
        return (redshift ??= limited(new RedshiftClient(common)));
      },
    };
    this.scopes.set(key, clients);
    if (this.scopes.size > this.maxCachedScopes) {
      const oldest = this.scopes.keys().next().value;
      if (oldest !== undefined) this.scopes.delete(oldest);
    }
    return clients;
  }

  private quotasFor(key: string) {
    let scope = this.quotas.get(key);
    if (!scope) {
      const { concurrency } = this.config.aws;
      scope = {
        quotas: new ScopeQuotas(concurrency),
        retry: new AdaptiveRetryStrategy(concurrency.maxAttempts),
      };
      this.quotas.set(key, scope);
    }
    return scope;
  }

  /** Credentials of the management account (or the base credentials when none is configured). */
  private async managementCredentials() {
    const id = this.config.aws.managementAccountId;
    return id ? this.credentials.forAccount(id) : this.credentials.main();
  }

  /** Organizations is global: its endpoint is in us-east-1. */
  async organizations(): Promise<OrganizationsClient> {
    return withAbort(
      new OrganizationsClient(
        this.common('us-east-1', await this.managementCredentials()),
      ),
      this.config.timeouts.requestMs,
    );
  }

  /** A Backup client in the management account, for DescribeGlobalSettings. */
  async managementBackup(region: string): Promise<BackupClient> {
    return withAbort(
      new BackupClient(this.common(region, await this.managementCredentials())),
      this.config.timeouts.requestMs,
    );
  }
}
