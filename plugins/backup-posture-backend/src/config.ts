import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Severity } from '@backup-posture/plugin-backup-posture-common';

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
      callsPerSecondPerScope: number;
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

function positive(value: number | undefined, fallback: number, key: string) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(`backupPosture.${key} must be a positive number`);
  }
  return value;
}

function notNegative(value: number | undefined, fallback: number, key: string) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new InputError(`backupPosture.${key} must be 0 or more`);
  }
  return value;
}

function accountId(value: string, key: string): string {
  if (!ACCOUNT_ID.test(value)) {
    throw new InputError(
      `${key} must be a 12-digit AWS account id, got '${value}'`,
    );
  }
  return value;
}

const SUBSCRIPTION_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readAzureConfig(config: Config | undefined): AzureConfig | undefined {
  const azure = config?.getOptionalConfig('azure');
  if (!azure) return undefined;
  const subscriptions = (
    azure.getOptionalConfigArray('subscriptions') ?? []
  ).map((s, i) => {
    const subscriptionId = s.getString('subscriptionId');
    if (!SUBSCRIPTION_ID.test(subscriptionId)) {
      throw new InputError(
        `backupPosture.azure.subscriptions[${i}].subscriptionId must be a subscription GUID, got '${subscriptionId}'`,
      );
    }
    return { subscriptionId: subscriptionId.toLowerCase() };
  });
  if (subscriptions.length === 0) return undefined;
  const clientId = azure.getOptionalString('clientId');
  const clientSecret = azure.getOptionalString('clientSecret');
  const tenantId = azure.getOptionalString('tenantId');
  if (clientSecret && (!clientId || !tenantId)) {
    throw new InputError(
      'backupPosture.azure.clientSecret needs tenantId and clientId as well',
    );
  }
  return {
    endpoint: azure.getOptionalString('endpoint'),
    tenantId,
    clientId,
    clientSecret,
    subscriptions,
    concurrency: {
      subscriptions: positive(
        azure.getOptionalNumber('concurrency.subscriptions'),
        4,
        'azure.concurrency.subscriptions',
      ),
      keys: positive(
        azure.getOptionalNumber('concurrency.keys'),
        4,
        'azure.concurrency.keys',
      ),
      maxRetries: notNegative(
        azure.getOptionalNumber('concurrency.maxRetries'),
        3,
        'azure.concurrency.maxRetries',
      ),
    },
  };
}

const MS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** A positive duration (`{ seconds: 30 }` or ISO 8601 `PT30S`) in milliseconds. */
function durationMs(
  config: Config | undefined,
  key: string,
  fallbackMs: number,
): number {
  if (!config?.has(key)) return fallbackMs;
  let duration: Record<string, number | undefined>;
  try {
    duration = readDurationFromConfig(config, { key }) as Record<
      string,
      number | undefined
    >;
  } catch (e) {
    throw new InputError(
      `backupPosture.${key} must be a duration such as { seconds: 30 }: ${(e as Error).message}`,
    );
  }
  let ms = 0;
  for (const [unit, value] of Object.entries(duration)) {
    if (value === undefined) continue;
    if (!(unit in MS)) {
      throw new InputError(
        `backupPosture.${key} must be given in milliseconds, seconds, minutes, hours, days or weeks`,
      );
    }
    ms += value * MS[unit];
  }
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InputError(`backupPosture.${key} must be a positive duration`);
  }
  return ms;
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
          8,
          'aws.concurrency.scopes',
        ),
        callsPerSecondPerScope: positive(
          aws?.getOptionalNumber('concurrency.callsPerSecondPerScope'),
          10,
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
