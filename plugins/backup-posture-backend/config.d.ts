import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the backup-posture backend plugin. */
  backupPosture?: {
    /**
     * When and how long the discovery scan runs. Runs as a global scheduler task: with several
     * replicas sharing one database, one replica scans.
     * Defaults: every 30 minutes, timeout 15 minutes, initial delay 10 seconds.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** AWS discovery settings. Base credentials come from `aws.mainAccount` (@backstage/integration-aws-node). */
    aws?: {
      /**
       * Endpoint override used by every AWS client, STS role assumption included
       * (LocalStack-style single endpoint, or the simulated estate). Never set it in production.
       */
      endpoint?: string;
      /** Name of the role assumed in every scanned account (default `BackupPostureReadOnly`). */
      roleName?: string;
      /** External id passed when assuming the role (default: none). */
      externalId?: string;
      /** Session name of the assumed role sessions (default `backstage-backup-posture`). */
      roleSessionName?: string;
      /** Accounts to scan explicitly. Merged with the accounts discovered through Organizations. */
      accounts?: Array<{
        /** 12-digit AWS account id. */
        accountId: string;
        /** Role name to assume in this account (overrides `roleName`). */
        roleName?: string;
        /** Full role ARN to assume in this account (overrides `roleName`). */
        roleArn?: string;
        /** External id for this account (overrides `externalId`). */
        externalId?: string;
        /** Regions for this account (overrides `regions`). */
        regions?: string[];
      }>;
      /** Discover member accounts with AWS Organizations ListAccounts from the management account. */
      organization?: {
        /** Enable discovery of ACTIVE member accounts (default false). */
        enabled?: boolean;
        /** Account ids never to scan even when discovered. */
        excludeAccountIds?: string[];
      };
      /**
       * The organization's management account: Organizations and AWS Backup global settings are
       * read there (through the assumed role). When absent, the base credentials are used.
       */
      managementAccountId?: string;
      /** Regions scanned in every account (default `us-east-1`). */
      regions?: string[];
      /** Bounds on parallelism. */
      concurrency?: {
        /** Account×region scopes scanned at the same time (default 64). */
        scopes?: number;
        /**
         * AWS requests in flight at once for the whole backend, all scopes together (default
         * 128): what this process spends on one scan, whatever the estate's size.
         */
        requestsInFlight?: number;
        /**
         * Share of AWS's per-account × region request quotas a scan uses (default 0.5: other tools
         * call the same accounts). Each scope's calls wait for token buckets at this share of
         * AWS Backup's (all calls 50/s, DescribeBackupVault 5/s, each Get API 15/s, each List API
         * 20/s) and KMS's quotas; docs/benchmarks.md has the table.
         */
        quotaShare?: number;
        /** An extra cap on all AWS calls per second within one account×region (none by default). */
        callsPerSecondPerScope?: number;
        /** Retry attempts of each SDK client, adaptive mode (default 5). */
        maxAttempts?: number;
      };
      /**
       * Optional default mapping convention: entities without an annotation own the resources
       * whose tag `tagKey` equals the entity name.
       */
      defaultTagSelector?: {
        /** The tag key, e.g. `backstage.io/component`. */
        tagKey: string;
      };
      /** Copy jobs created within this many days are read (default 14). */
      copyJobsLookbackDays?: number;
    };
    /**
     * Azure Backup discovery: Recovery Services vaults, the key vaults and keys behind them. Off
     * unless at least one subscription is listed. Read-only: see docs/azure-role.json.
     */
    azure?: {
      /**
       * Endpoint override for every Azure host (Entra ID, ARM, Key Vault): a request to
       * `https://<host>/<path>` is sent to `<endpoint>/<host>/<path>`. For the simulated estate
       * only; never set it in production.
       */
      endpoint?: string;
      /** Entra ID tenant of the service principal (with clientId and clientSecret). */
      tenantId?: string;
      /** Client id of the service principal. Without a secret, DefaultAzureCredential is used. */
      clientId?: string;
      /**
       * Client secret of the service principal. Without it, DefaultAzureCredential is used
       * (managed identity, workload identity, environment, Azure CLI).
       * @visibility secret
       */
      clientSecret?: string;
      /** Subscriptions to scan. */
      subscriptions?: Array<{
        /** The subscription GUID. */
        subscriptionId: string;
      }>;
      /** Bounds on parallelism. */
      concurrency?: {
        /** Subscriptions scanned at the same time (default 4). */
        subscriptions?: number;
        /** Keys read from Key Vault at the same time (default 4). */
        keys?: number;
        /** Retries of each Azure SDK call (default 3). */
        maxRetries?: number;
      };
    };
    /**
     * Time limits of a scan's work. A call or scope that runs out of time fails like any other
     * error of that scope (it keeps its last good snapshot, marked stale with the error); the rest
     * of the scan goes on. The scheduler's `schedule.timeout` bounds the whole scan.
     */
    timeouts?: {
      /**
       * One cloud SDK call, retries included (default 30 seconds): a hung AWS or Azure request
       * fails with `RequestTimeout` instead of stalling its scope.
       */
      request?: HumanDuration | string;
      /**
       * One AWS account × region or Azure subscription (default 5 minutes): a scope still running
       * then fails with `ScopeTimeout`, and its calls in flight are aborted.
       */
      scope?: HumanDuration | string;
    };
    catalogFollow?: {
      /**
       * How often the catalog is compared with the one the stored postures were evaluated
       * against (default 1 minute). When entities were added, removed, re-annotated or moved
       * (owner, system, relations) since, every entity is evaluated again from the stored
       * snapshots, without calling any cloud: the report and scorecards follow the catalog
       * between scans, and a backend that scanned before its catalog was loaded catches up.
       * A global scheduler task: one replica does it; never while a scan runs.
       */
      interval?: HumanDuration | string;
    };
    /**
     * The running scan's heartbeat: a scan whose process is gone (killed, crashed, lost its
     * database) stops marking its row alive; any replica then closes it as `interrupted`, releases
     * the scheduler's lock and starts the next scan.
     */
    heartbeat?: {
      /** How often the running scan marks its row alive (default 10 seconds). */
      interval?: HumanDuration | string;
      /** A running scan not marked alive for this long is interrupted (default 60 seconds). */
      staleAfter?: HumanDuration | string;
    };
    /** How much scan history to keep for trends. */
    retention?: {
      /** Scans older than this many days are deleted (default 90). */
      days?: number;
    };
    /**
     * Notify an entity's owners when a scan finds a check newly failing on it (it passed, warned,
     * was unknown or not applicable, or its exception expired, at the previous scan), through
     * Backstage's notifications (needs `@backstage/plugin-notifications-backend`). One
     * notification per entity per scan at most; nothing for findings that did not change.
     */
    notifications?: {
      /** Off unless true. */
      enabled?: boolean;
      /** The least severe check that notifies (default `high`). */
      minSeverity?: 'critical' | 'high' | 'medium' | 'low' | 'info';
    };
    /**
     * Exceptions as code (accepted findings), parsed by the posture engine's
     * `parsePostureExceptions`: `{ checkId, entityRef, subject?, justification, approver, expiresAt }`.
     */
    exceptions?: Array<{
      checkId: string;
      entityRef: string;
      subject?: string;
      justification: string;
      approver: string;
      expiresAt: string;
    }>;
  };
}
