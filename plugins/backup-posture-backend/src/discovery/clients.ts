import { BackupClient } from '@aws-sdk/client-backup';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { BackupPostureConfig } from '../config';
import { AccountCredentials } from './credentials';
import { CallRateLimiter } from './rateLimit';
import { Scope, scopeKey } from './types';

/** The SDK clients of one account × region; they share credentials and a rate limiter. */
export interface ScopeClients {
  backup: BackupClient;
  kms: KMSClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

/**
 * One client per service per account × region, created once and reused across scans: the adaptive
 * retry mode keeps its client-side rate state per client instance.
 */
export class AwsClientFactory {
  private readonly scopes = new Map<string, ScopeClients>();

  constructor(
    private readonly config: BackupPostureConfig,
    private readonly credentials: AccountCredentials,
  ) {}

  private common(region: string, credentials: AwsCredentialIdentityProvider) {
    const { endpoint, concurrency } = this.config.aws;
    return {
      region,
      credentials,
      retryMode: 'adaptive',
      maxAttempts: concurrency.maxAttempts,
      ...(endpoint ? { endpoint } : {}),
    };
  }

  async forScope(scope: Scope): Promise<ScopeClients> {
    const key = scopeKey(scope);
    let clients = this.scopes.get(key);
    if (!clients) {
      const credentials = await this.credentials.forAccount(scope.accountId);
      const limiter = new CallRateLimiter(
        this.config.aws.concurrency.callsPerSecondPerScope,
      );
      const common = this.common(scope.region, credentials);
      clients = {
        backup: new BackupClient(common),
        kms: new KMSClient(common),
        tagging: new ResourceGroupsTaggingAPIClient(common),
      };
      for (const c of Object.values(clients)) {
        c.middlewareStack.use(limiter.plugin());
      }
      this.scopes.set(key, clients);
    }
    return clients;
  }

  /** Credentials of the management account (or the base credentials when none is configured). */
  private async managementCredentials() {
    const id = this.config.aws.managementAccountId;
    return id ? this.credentials.forAccount(id) : this.credentials.main();
  }

  /** Organizations is global: its endpoint is in us-east-1. */
  async organizations(): Promise<OrganizationsClient> {
    return new OrganizationsClient(
      this.common('us-east-1', await this.managementCredentials()),
    );
  }

  /** A Backup client in the management account, for DescribeGlobalSettings. */
  async managementBackup(region: string): Promise<BackupClient> {
    return new BackupClient(
      this.common(region, await this.managementCredentials()),
    );
  }
}
