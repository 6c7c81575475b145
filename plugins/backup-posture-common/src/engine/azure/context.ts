import {
  AzureInventory,
  AzureKeyFact,
  AzureKeyVaultFact,
  EntityInventory,
} from '../../inventory';
import { EvaluationClock } from '../clock';
import { PostureLimits } from '../options';

const EMPTY_AZURE: AzureInventory = { vaults: [], keyVaults: [], keys: [] };

/** Read-only view over an entity's Azure inventory, what Azure checks read. @public */
export class AzureContext {
  readonly azure: AzureInventory;
  readonly present: boolean;
  /** Every comparison with the evaluation time goes through it (see {@link EvaluationClock}). */
  readonly clock: EvaluationClock;

  constructor(
    readonly inventory: EntityInventory,
    now: Date | EvaluationClock,
    readonly limits: PostureLimits,
  ) {
    this.clock =
      now instanceof EvaluationClock ? now : new EvaluationClock(now);
    this.present =
      Boolean(inventory.azure) ||
      inventory.scopes.some(s => s.cloud === 'azure');
    this.azure = inventory.azure ?? EMPTY_AZURE;
  }

  /**
   * The evaluation time. Compare facts' times through {@link AzureContext.clock} instead: read
   * here, the evaluation holds only for this instant (it is not reused later).
   */
  get now(): Date {
    this.clock.readDirectly();
    return this.clock.now;
  }

  /** The key behind a vault's key URI (versioned or versionless). */
  key(keyUri: string | undefined): AzureKeyFact | undefined {
    if (!keyUri) return undefined;
    const base = (u: string) => u.replace(/\/+$/, '').toLowerCase();
    return (
      this.azure.keys.find(k => base(k.keyUri) === base(keyUri)) ??
      this.azure.keys.find(k => base(keyUri).startsWith(base(k.keyUri)))
    );
  }

  /** The key vault a key URI points into (`https://<name>.vault.azure.net/keys/...`). */
  keyVault(keyUri: string | undefined): AzureKeyVaultFact | undefined {
    const name = keyUri ? /^https:\/\/([^.]+)\./.exec(keyUri)?.[1] : undefined;
    if (!name) return undefined;
    return this.azure.keyVaults.find(
      v => v.name.toLowerCase() === name.toLowerCase(),
    );
  }

  scopeError(subscriptionId: string): string | undefined {
    const scope = this.inventory.scopes.find(
      s =>
        s.cloud === 'azure' &&
        s.account.toLowerCase() === subscriptionId.toLowerCase() &&
        s.state === 'error',
    );
    if (!scope) return undefined;
    return `scan of subscription ${subscriptionId} failed${scope.error ? `: ${scope.error.name}: ${scope.error.message}` : ''}`;
  }
}
