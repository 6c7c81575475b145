import { AWS_RATE_QUOTAS, RateQuota } from '@internal/simulated-aws';
import { MinimumCalls } from './minimumCalls';

/**
 * The quotas a call counts against, as the simulated AWS enforces them (its model of AWS's
 * per-account × region quotas, answering ThrottlingException beyond them): the service's, and
 * the operation's or its family's (`Get*`, counted together).
 */
function quotasOf(service: string, operation: string) {
  return AWS_RATE_QUOTAS.flatMap((quota: RateQuota, i) => {
    if (quota.service !== service) return [];
    if (
      quota.operation &&
      !(quota.operation.endsWith('*')
        ? operation.startsWith(quota.operation.slice(0, -1))
        : quota.operation === operation)
    )
      return [];
    return [{ key: `${service}:${quota.operation ?? '*'}#${i}`, quota }];
  });
}

/** What AWS and this process allow a scan: never the scanner's own scope settings. */
export interface AwsLimitInputs {
  latencyMs: number;
  /** Share of each per-account × region quota the plugin is configured to use. */
  quotaShare: number;
  /** Requests in flight at once for the whole process (the plugin's stated budget). */
  requestsInFlight: number;
}

/**
 * A lower bound on the scan's AWS phase that AWS's quotas and the in-flight budget set, from the
 * estate alone (the minimum calls), whatever the scanner does:
 *
 *   T = L·P_org + max( max_s t_s,  N·L / B )
 *   t_s = max( L·(d_s + 1),  max_q ( max(0, n_{s,q} − b_q) / (share·r_q) + L ) )
 *
 * L latency per call; P_org the Organizations chain before any scope can start; N the minimum
 * calls of the whole scan, each holding one of B in-flight slots for L; for each account × region
 * s: d_s its longest chain of dependent calls (+1 for its account's AssumeRole), and for each
 * quota q it counts against (AWS Backup's 50/s for all calls, DescribeBackupVault 5/s, the Get
 * APIs 15/s, the List APIs 20/s, KMS per operation: the quotas the simulated AWS enforces)
 * n_{s,q} calls at share·r_q per second after a burst of b_q = max(1, ⌊share·r_q⌋) (the
 * scanner's bucket; AWS's own bursts are not documented). Scopes are independent budgets: AWS
 * does not limit how many run at once.
 */
export function awsLimitMs(min: MinimumCalls, p: AwsLimitInputs) {
  const L = p.latencyMs;
  let chain = 0;
  let quota = 0;
  let quotaScope = '';
  for (const s of min.scopes) {
    chain = Math.max(chain, L * (s.depth + 1));
    const perQuota = new Map<string, { n: number; rate: number }>();
    for (const [op, n] of Object.entries({
      ...s.calls,
      ...s.keyCallsByOperation,
    })) {
      const [service, operation] = op.split(':');
      for (const q of quotasOf(service, operation)) {
        const entry = perQuota.get(q.key) ?? {
          n: 0,
          rate: q.quota.perSecond * p.quotaShare,
        };
        entry.n += n;
        perQuota.set(q.key, entry);
      }
    }
    for (const [key, { n, rate }] of perQuota) {
      const burst = Math.max(1, Math.floor(rate));
      const t = (Math.max(0, n - burst) / rate) * 1000 + L;
      if (t > quota) {
        quota = t;
        quotaScope = `${s.accountId}/${s.region} ${key}: ${n} calls at ${rate}/s`;
      }
    }
  }
  const inFlight = (min.total * L) / p.requestsInFlight;
  const prelude = L * min.preludeDepth;
  return {
    totalMs: prelude + Math.max(chain, quota, inFlight),
    preludeMs: prelude,
    chainMs: chain,
    quotaMs: quota,
    quotaScope,
    inFlightMs: inFlight,
  };
}
