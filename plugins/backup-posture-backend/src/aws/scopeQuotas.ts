import type { Pluggable } from '@smithy/types';
import pLimit from 'p-limit';
import { callOf, quotasOf } from './quotas';
import { TokenBucket } from './tokenBucket';

/** What the scan may use of AWS's quotas, and of this process. */
export interface RequestBudget {
  /** Share of each per-account × region quota a scan uses (0 < share ≤ 1). */
  quotaShare: number;
  /** Every request of the scan at once, all scopes together. */
  requestsInFlight: number;
  /** An extra cap on all calls of one account × region (requests per second), if configured. */
  callsPerSecondPerScope?: number;
}

/**
 * The quotas of one account × region, as token buckets at the configured share of AWS's rates,
 * shared by every client of the scope: a call waits for each bucket it counts against (its
 * service's and its operation's), so a scope stays under AWS's limits however many of its calls
 * run at once, and never slows another scope.
 */
export class ScopeQuotas {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly overall?: TokenBucket;

  constructor(
    private readonly budget: RequestBudget,
    private readonly clock: () => number = Date.now,
  ) {
    if (budget.callsPerSecondPerScope)
      this.overall = new TokenBucket(
        budget.callsPerSecondPerScope,
        undefined,
        clock,
      );
  }

  /** How long a call of `service:operation` must wait, booked now (ms). */
  reserve(service: string, operation: string): number {
    let wait = this.overall?.reserve() ?? 0;
    for (const { key, quota } of quotasOf(service, operation)) {
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = new TokenBucket(
          quota.perSecond * this.budget.quotaShare,
          undefined,
          this.clock,
        );
        this.buckets.set(key, bucket);
      }
      wait = Math.max(wait, bucket.reserve());
    }
    return wait;
  }
}

/**
 * The SDK plugin of a scope's clients: before every HTTP attempt (retries included) it waits for
 * the scope's quotas, then for a slot among the process's requests in flight.
 */
export function quotaPlugin(
  quotas: ScopeQuotas,
  inFlight: pLimit.Limit,
): Pluggable<any, any> {
  return {
    applyToStack: stack => {
      stack.add(
        (next, context) => async args => {
          const { service, operation } = callOf(
            context.clientName,
            context.commandName,
          );
          const wait = quotas.reserve(service, operation);
          if (wait > 0) await new Promise(r => setTimeout(r, wait));
          return inFlight(() => next(args));
        },
        {
          step: 'finalizeRequest',
          priority: 'low',
          name: 'backupPostureQuotas',
        },
      );
    },
  };
}

/** The limit on requests in flight for the whole process (one per client factory). */
export const requestsInFlightLimit = (budget: RequestBudget) =>
  pLimit(budget.requestsInFlight);
