import { AzureClientFactory } from './AzureClientFactory';
import { toKeyVaultFact, toRecoveryVaultFact } from './mapFacts';
import { AzureSubscriptionSnapshot, toAzureFactError } from './types';

/**
 * Reads one subscription: its Recovery Services vaults (a failure fails the subscription, whose
 * last snapshot is then kept) and its key vaults (a failure is recorded; the vaults still count).
 */
export async function scanSubscription(
  subscriptionId: string,
  clients: AzureClientFactory,
): Promise<AzureSubscriptionSnapshot> {
  const snapshot: AzureSubscriptionSnapshot = {
    subscriptionId,
    collectedAt: new Date().toISOString(),
    vaults: [],
    keyVaults: [],
    partialErrors: [],
  };
  for await (const vault of clients
    .recoveryServices(subscriptionId)
    .vaults.listBySubscriptionId()) {
    snapshot.vaults.push(toRecoveryVaultFact(vault, subscriptionId));
  }
  try {
    for await (const kv of clients
      .keyVaultManagement(subscriptionId)
      .vaults.listBySubscription()) {
      snapshot.keyVaults.push(toKeyVaultFact(kv));
    }
  } catch (e) {
    snapshot.partialErrors.push({
      operation: 'KeyVaults_ListBySubscription',
      error: toAzureFactError(e),
    });
  }
  return snapshot;
}
