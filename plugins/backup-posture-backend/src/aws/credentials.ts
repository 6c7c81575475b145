import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from '@aws-sdk/types';
import { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { AccountConfig, BackupPostureConfig } from '../config';

/** Hands out one cached credential provider per account. */
export interface AccountCredentials {
  /** Base credentials (`aws.mainAccount`), used when no management account is configured. */
  main(): Promise<AwsCredentialIdentityProvider>;
  /** Credentials of the read-only role in `accountId`. */
  forAccount(accountId: string): Promise<AwsCredentialIdentityProvider>;
}

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Shares one AssumeRole result between all clients of an account until it nears expiry. */
function memoize(
  provider: AwsCredentialIdentityProvider,
): AwsCredentialIdentityProvider {
  let cached: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (cached) {
      const c = await cached.catch(() => undefined);
      const expiry = c?.expiration?.getTime();
      if (c && (!expiry || expiry - Date.now() > REFRESH_MARGIN_MS)) return c;
    }
    cached = provider();
    cached.catch(() => {
      cached = undefined;
    });
    return cached;
  };
}

/**
 * Account credentials following @backstage/integration-aws-node: base credentials from
 * `aws.mainAccount`; an account listed in `aws.accounts` uses that entry (unless an endpoint override
 * is set, which the integration's STS client cannot take); every other account assumes
 * `backupPosture.aws.roleName` (or the per-account role) with STS at the configured endpoint.
 * Only configuration decides accounts, roles and endpoints.
 */
export class DefaultAccountCredentials implements AccountCredentials {
  private readonly cache = new Map<
    string,
    Promise<AwsCredentialIdentityProvider>
  >();

  static fromConfig(root: Config, config: BackupPostureConfig) {
    const integrationAccounts = new Set(
      (root.getOptionalConfigArray('aws.accounts') ?? []).map(a =>
        a.getString('accountId'),
      ),
    );
    return new DefaultAccountCredentials(
      DefaultAwsCredentialsManager.fromConfig(root),
      integrationAccounts,
      config,
    );
  }

  constructor(
    private readonly manager: DefaultAwsCredentialsManager,
    private readonly integrationAccounts: Set<string>,
    private readonly config: BackupPostureConfig,
  ) {}

  async main() {
    return (await this.manager.getCredentialProvider()).sdkCredentialProvider;
  }

  forAccount(accountId: string): Promise<AwsCredentialIdentityProvider> {
    // Cache the promise: concurrent scopes of one account share one AssumeRole.
    let provider = this.cache.get(accountId);
    if (!provider) {
      provider = this.create(accountId).then(memoize);
      this.cache.set(accountId, provider);
    }
    return provider;
  }

  private async create(accountId: string) {
    const { aws } = this.config;
    const account: AccountConfig | undefined = aws.accounts.find(
      a => a.accountId === accountId,
    );
    const ownRole = account?.roleArn || account?.roleName;
    if (!aws.endpoint && !ownRole && this.integrationAccounts.has(accountId)) {
      return (await this.manager.getCredentialProvider({ accountId }))
        .sdkCredentialProvider;
    }
    const roleArn =
      account?.roleArn ??
      `arn:aws:iam::${accountId}:role/${account?.roleName ?? aws.roleName}`;
    const externalId = account?.externalId ?? aws.externalId;
    return fromTemporaryCredentials({
      masterCredentials: await this.main(),
      params: {
        RoleArn: roleArn,
        RoleSessionName: aws.roleSessionName,
        ...(externalId ? { ExternalId: externalId } : {}),
      },
      clientConfig: {
        region: aws.regions[0] ?? 'us-east-1',
        ...(aws.endpoint ? { endpoint: aws.endpoint } : {}),
      },
    });
  }
}
