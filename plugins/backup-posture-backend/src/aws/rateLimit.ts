import type { Pluggable } from '@smithy/types';

/**
 * Spaces calls evenly: at most `perSecond` requests start per second. One limiter per account ×
 * region, shared by its clients, so a scope stays under AWS Backup's per-account-region quotas.
 */
export class CallRateLimiter {
  private next = 0;
  private readonly interval: number;

  constructor(perSecond: number) {
    this.interval = 1000 / perSecond;
  }

  async acquire(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next);
    this.next = slot + this.interval;
    if (slot > now) await new Promise(r => setTimeout(r, slot - now));
  }

  /** An SDK plugin that waits for a slot before every HTTP attempt (retries included). */
  plugin(): Pluggable<any, any> {
    return {
      applyToStack: stack => {
        stack.add(
          next => async args => {
            await this.acquire();
            return next(args);
          },
          {
            step: 'finalizeRequest',
            priority: 'low',
            name: 'backupPostureRateLimit',
          },
        );
      },
    };
  }
}
