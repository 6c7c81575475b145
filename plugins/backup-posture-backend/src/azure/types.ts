import {
  AzureKeyVaultFact,
  AzureRecoveryVaultFact,
  FactError,
} from '@backup-posture/plugin-backup-posture-common';

/** Everything read in one subscription (stored as JSON, one row per subscription). */
export interface AzureSubscriptionSnapshot {
  subscriptionId: string;
  collectedAt: string;
  vaults: AzureRecoveryVaultFact[];
  keyVaults: AzureKeyVaultFact[];
  /** Parts that could not be read without failing the subscription (e.g. key vault listing). */
  partialErrors: Array<{ operation: string; error: FactError }>;
}

/** An Azure SDK error as a fact: the service's error code when there is one (AuthorizationFailed…). */
export function toAzureFactError(e: unknown): FactError {
  const err = e as { code?: string; name?: string; message?: string };
  return {
    name: err?.code ?? err?.name ?? 'Error',
    message: err?.message ?? String(e),
  };
}
