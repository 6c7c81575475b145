/**
 * AWS's request-rate quotas per account and region (docs/aws-api-notes.md). When enabled, calls
 * beyond them are throttled the way the service throttles, so a benchmark sees what a too-eager
 * scanner would see in a real account.
 */
export interface RateQuota {
  service: string;
  /** An operation name, or a prefix ending in `*` (e.g. `List*`); absent = all calls together. */
  operation?: string;
  perSecond: number;
}

export const AWS_RATE_QUOTAS: RateQuota[] = [
  { service: 'backup', operation: 'DescribeBackupVault', perSecond: 5 },
  { service: 'backup', operation: 'Get*', perSecond: 15 },
  { service: 'backup', operation: 'List*', perSecond: 20 },
  { service: 'backup', perSecond: 50 },
  { service: 'kms', operation: 'DescribeKey', perSecond: 2000 },
  { service: 'kms', operation: 'GetKeyPolicy', perSecond: 1000 },
  { service: 'kms', operation: 'ListAliases', perSecond: 500 },
];

function applies(
  quota: RateQuota,
  service: string,
  operation: string,
): boolean {
  if (quota.service !== service) return false;
  if (!quota.operation) return true;
  return quota.operation.endsWith('*')
    ? operation.startsWith(quota.operation.slice(0, -1))
    : quota.operation === operation;
}

/** Sliding one-second windows per account, region and quota. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly quotas: RateQuota[]) {}

  /** Records the call and says whether it exceeds a quota. */
  exceeds(
    call: {
      account: string;
      region: string;
      service: string;
      operation: string;
    },
    now: number,
  ): boolean {
    let exceeded = false;
    this.quotas.forEach((quota, i) => {
      if (!applies(quota, call.service, call.operation)) return;
      const key = `${call.account}|${call.region}|${i}`;
      const window = (this.windows.get(key) ?? []).filter(t => now - t < 1000);
      if (window.length >= quota.perSecond) exceeded = true;
      else window.push(now);
      this.windows.set(key, window);
    });
    return exceeded;
  }
}
