import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Severity } from '@backup-posture/plugin-backup-posture-common';
import { readAzureConfig } from './azure/config';
import { durationMs, optionalPositive, positive, share } from './configValues';

/** One explicitly configured account. */
export interface AccountConfig {
  accountId: string;
  roleArn?: string;
  roleName?: string;
  externalId?: string;
  regions?: string[];
}

/** Azure discovery settings; absent when no subscription is configured. */
export interface AzureConfig {
  endpoint?: string;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  subscriptions: Array<{ subscriptionId: string }>;
  concurrency: {
    subscriptions: number;
    keys: number;
    maxRetries: number;
  };
}

/** The plugin's configuration, read once at startup. */
export interface BackupPostureConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  aws: {
    endpoint?: string;
    roleName: string;
    externalId?: string;
    roleSessionName: string;
    accounts: AccountConfig[];
    organization: { enabled: boolean; excludeAccountIds: string[] };
    managementAccountId?: string;
    regions: string[];
    concurrency: {
      scopes: number;
      /** Every AWS request of the process at once, all scopes together. */
      requestsInFlight: number;
      /** Share of AWS's per-account × region rate quotas a scan uses (0 < share ≤ 1). */
      quotaShare: number;
      /** An extra cap on all calls within one account × region, when configured. */
      callsPerSecondPerScope?: number;
      maxAttempts: number;
    };
    defaultTagSelector?: { tagKey: string };
    copyJobsLookbackDays: number;
  };
  azure?: AzureConfig;
  retentionDays: number;
  /** Time limits of one scan's work, in milliseconds. */
  timeouts: {
    /** One cloud SDK call (all its retries). */
    requestMs: number;
    /** One AWS account × region or Azure subscription, from its first call to its last. */
    scopeMs: number;
  };
  /** The running scan's heartbeat, in milliseconds. */
  heartbeat: {
    /** How often the running scan marks its row alive. */
    intervalMs: number;
    /** A running scan row not marked alive for this long is closed as interrupted. */
    staleAfterMs: number;
  };
  /**
   * How often the catalog is compared with the one the stored postures were evaluated against,
   * in milliseconds; a change re-evaluates every entity from the stored snapshots.
   */
  catalogFollowIntervalMs: number;
  /** Regression notifications to entity owners (off unless enabled). */
  notifications: { enabled: boolean; minSeverity: Severity };
  /** Raw exception objects, validated by the posture engine. */
  exceptions: unknown[];
}

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function readNotifications(config: Config | undefined) {
  const minSeverity = (config?.getOptionalString('notifications.minSeverity') ??
    'high') as Severity;
  if (!SEVERITIES.includes(minSeverity)) {
    throw new InputError(
      `backupPosture.notifications.minSeverity must be one of ${SEVERITIES.join(', ')}`,
    );
  }
  return {
    enabled: config?.getOptionalBoolean('notifications.enabled') ?? false,
    minSeverity,
  };
}

const ACCOUNT_ID = /^\d{12}$/;

function accountId(value: string, key: string): string {
  if (!ACCOUNT_ID.test(value)) {
    throw new InputError(
      `${key} must be a 12-digit AWS account id, got '${value}'`,
    );
  }
  return value;
}

/** Reads and validates `backupPosture` (see config.d.ts for every key). */
export function readConfig(root: Config): BackupPostureConfig {
  const config = root.getOptionalConfig('backupPosture');
  const aws = config?.getOptionalConfig('aws');
  const schedule = config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 10 },
      };
  const accounts = (aws?.getOptionalConfigArray('accounts') ?? []).map(
    (a, i) => ({
      accountId: accountId(
        a.getString('accountId'),
        `backupPosture.aws.accounts[${i}].accountId`,
      ),
      roleArn: a.getOptionalString('roleArn'),
      roleName: a.getOptionalString('roleName'),
      externalId: a.getOptionalString('externalId'),
      regions: a.getOptionalStringArray('regions'),
    }),
  );
  const managementAccountId = aws?.getOptionalString('managementAccountId');
  const tagKey = aws?.getOptionalString('defaultTagSelector.tagKey');
  return {
    schedule,
    aws: {
      endpoint: aws?.getOptionalString('endpoint'),
      roleName: aws?.getOptionalString('roleName') ?? 'BackupPostureReadOnly',
      externalId: aws?.getOptionalString('externalId'),
      roleSessionName:
        aws?.getOptionalString('roleSessionName') ?? 'backstage-backup-posture',
      accounts,
      organization: {
        enabled: aws?.getOptionalBoolean('organization.enabled') ?? false,
        excludeAccountIds:
          aws?.getOptionalStringArray('organization.excludeAccountIds') ?? [],
      },
      managementAccountId: managementAccountId
        ? accountId(
            managementAccountId,
            'backupPosture.aws.managementAccountId',
          )
        : undefined,
      regions: aws?.getOptionalStringArray('regions') ?? ['us-east-1'],
      concurrency: {
        scopes: positive(
          aws?.getOptionalNumber('concurrency.scopes'),
          64,
          'aws.concurrency.scopes',
        ),
        requestsInFlight: positive(
          aws?.getOptionalNumber('concurrency.requestsInFlight'),
          128,
          'aws.concurrency.requestsInFlight',
        ),
        quotaShare: share(
          aws?.getOptionalNumber('concurrency.quotaShare'),
          0.5,
          'aws.concurrency.quotaShare',
        ),
        ...optionalPositive(
          'callsPerSecondPerScope',
          aws?.getOptionalNumber('concurrency.callsPerSecondPerScope'),
          'aws.concurrency.callsPerSecondPerScope',
        ),
        maxAttempts: positive(
          aws?.getOptionalNumber('concurrency.maxAttempts'),
          5,
          'aws.concurrency.maxAttempts',
        ),
      },
      defaultTagSelector: tagKey ? { tagKey } : undefined,
      copyJobsLookbackDays: positive(
        aws?.getOptionalNumber('copyJobsLookbackDays'),
        14,
        'aws.copyJobsLookbackDays',
      ),
    },
    azure: readAzureConfig(config),
    retentionDays: positive(
      config?.getOptionalNumber('retention.days'),
      90,
      'retention.days',
    ),
    timeouts: {
      requestMs: durationMs(config, 'timeouts.request', 30_000),
      scopeMs: durationMs(config, 'timeouts.scope', 5 * 60_000),
    },
    heartbeat: {
      intervalMs: durationMs(config, 'heartbeat.interval', 10_000),
      staleAfterMs: durationMs(config, 'heartbeat.staleAfter', 60_000),
    },
    catalogFollowIntervalMs: durationMs(
      config,
      'catalogFollow.interval',
      60_000,
    ),
    notifications: readNotifications(config),
    exceptions: (config?.getOptional<unknown[]>('exceptions') ??
      []) as unknown[],
  };
}

/** The AWS part of the configuration. */
export type AwsConfig = BackupPostureConfig['aws'];
