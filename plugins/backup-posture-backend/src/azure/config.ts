import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { AzureConfig } from '../config';
import { notNegative, positive } from '../configValues';

const SUBSCRIPTION_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads `backupPosture.azure`; undefined when no subscription is configured. */
export function readAzureConfig(
  config: Config | undefined,
): AzureConfig | undefined {
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
