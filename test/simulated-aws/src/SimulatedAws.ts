import { RequestHandler, http } from 'msw';
import { abortable, CallRecord, logCall } from './callLog';
import { deriveBackups } from './derive/deriveBackups';
import { EstateIndex } from './derive/estateIndex';
import { DerivedBackups } from './derive/types';
import { Estate } from './model/types';
import { FaultInjector, LatencyRule, scopeMatches } from './faults';
import {
  DerivedLookup,
  RequestContext,
  buildLookup,
} from './handlers/common/context';
import { AwsError, errorResponse } from './handlers/common/errors';
import { AWS_RATE_QUOTAS, RateLimiter, RateQuota } from './quotas';
import { resolveCaller } from './handlers/common/identity';
import { credentialScope } from './handlers/common/sigv4';
import { SIMULATORS } from './handlers/simulators';
import { AzureSimulator } from './azure/AzureSimulator';
import { faultAnswer, throttled, unknownCaller } from './refusals';

/**
 * A simulated AWS estate behind wire-faithful handlers. Use `handlers()` with msw's
 * `setupServer` (they match any host, so the SDK's real endpoints work) or serve them on
 * loopback (see `serve.ts`). Faults and latency can be injected per account, region, service
 * and operation; every call is logged in `calls`.
 */
export class SimulatedAws {
  readonly faults = new FaultInjector();
  readonly calls: CallRecord[] = [];
  private latencyRules: LatencyRule[] = [];
  private readonly extraKeys = new Map<string, string>();
  private rateLimiter?: RateLimiter;
  /** Behaviours of real AWS that are legal but awkward, off by default. */
  readonly quirks = {
    /** Organizations ListAccounts answers an empty first page with a NextToken. */
    emptyOrganizationsPages: false,
  };
  /** Entra ID, ARM and Key Vault, sharing the call log, faults and latency rules. */
  private readonly azureSimulator = new AzureSimulator({
    azure: () => this.state.estate.azure,
    estateNow: () => this.state.estate.now,
    calls: this.calls,
    faults: this.faults,
    latencyMs: call =>
      Math.max(
        0,
        ...this.latencyRules.filter(r => scopeMatches(r, call)).map(r => r.ms),
      ),
  });
  private state!: {
    estate: Estate;
    index: EstateIndex;
    derived: DerivedBackups;
    lookup: DerivedLookup;
  };

  constructor(estate: Estate) {
    this.setEstate(estate);
  }

  get estate(): Estate {
    return this.state.estate;
  }

  /** What AWS produced from the estate: recovery points, copy jobs, protected resources. */
  get derived(): DerivedBackups {
    return this.state.derived;
  }

  /** Replaces the estate (or re-derives after a test changed it in place). */
  setEstate(estate: Estate): void {
    const derived = deriveBackups(estate);
    this.state = {
      estate,
      index: new EstateIndex(estate),
      derived,
      lookup: buildLookup(derived),
    };
  }

  /** Lets an extra long-term access key act as an IAM user of `accountId`. */
  registerAccessKey(accessKeyId: string, accountId: string): void {
    this.extraKeys.set(accessKeyId, accountId);
  }

  setLatency(rule: LatencyRule): void {
    this.latencyRules.push(rule);
  }

  clearLatency(): void {
    this.latencyRules = [];
  }

  /**
   * Throttles calls beyond AWS's per-account, per-region request rates (`AWS_RATE_QUOTAS`, or
   * custom quotas); `false` turns it off.
   */
  enforceRateQuotas(quotas: RateQuota[] | boolean = true): void {
    if (quotas === false) this.rateLimiter = undefined;
    else
      this.rateLimiter = new RateLimiter(
        quotas === true ? AWS_RATE_QUOTAS : quotas,
      );
  }

  /** The Entra ID endpoint restarts: tokens it issued before are no longer accepted. */
  restartAzureIdentity(): void {
    this.azureSimulator.issuer.rotate();
  }

  /** Clears faults, latency, rate quotas, quirks and the call log. */
  reset(): void {
    this.faults.clear();
    this.clearLatency();
    this.rateLimiter = undefined;
    this.quirks.emptyOrganizationsPages = false;
    this.calls.length = 0;
  }

  countCalls(filter: Partial<Omit<CallRecord, 'at'>> = {}): number {
    return this.calls.filter(c =>
      Object.entries(filter).every(
        ([k, v]) => v === undefined || (c as any)[k] === v,
      ),
    ).length;
  }

  /** Call counts keyed by `service:operation`. */
  callCountsByOperation(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of this.calls)
      counts[`${c.service}:${c.operation}`] =
        (counts[`${c.service}:${c.operation}`] ?? 0) + 1;
    return counts;
  }

  /** msw handlers for every simulated service, matching any host. */
  handlers(): RequestHandler[] {
    return [http.all('*', async ({ request }) => this.handle(request))];
  }

  /**
   * Answers one request, or returns undefined when it is neither an Azure request (Entra ID, ARM,
   * Key Vault; direct or behind an endpoint override) nor a signed request for a simulated AWS
   * service (so msw can report it as unhandled).
   */
  async handle(request: Request): Promise<Response | undefined> {
    const azure = await this.azureSimulator.handle(request);
    if (azure) return azure;
    const scope = credentialScope(request);
    const simulator =
      scope && SIMULATORS.find(s => s.signingName === scope.service);
    if (!scope || !simulator) return undefined;
    const url = new URL(request.url);
    const body =
      request.method === 'GET' || request.method === 'HEAD'
        ? ''
        : await request.text();
    let parsed;
    try {
      parsed = simulator.parse(request, url, body);
    } catch {
      return errorResponse(
        simulator.protocol,
        new AwsError('SerializationException', 'Malformed request body'),
      );
    }
    const caller = resolveCaller(
      this.estate,
      scope.accessKeyId,
      request.headers.get('x-amz-security-token'),
      this.extraKeys,
    );
    const record: CallRecord = {
      service: scope.service,
      operation: parsed.operation,
      account: caller?.accountId ?? 'unknown',
      region: scope.region,
      at: Date.now(),
      status: 0,
    };
    const respond = logCall(this.calls, record);

    const call = {
      account: record.account,
      region: scope.region,
      service: scope.service,
      operation: parsed.operation,
      targetAccount: /^arn:aws:iam::(\d{12}):/.exec(
        String(parsed.input.RoleArn ?? ''),
      )?.[1],
    };
    const latency = Math.max(
      0,
      ...this.latencyRules.filter(r => scopeMatches(r, call)).map(r => r.ms),
    );
    if (latency > 0) await abortable(latency, request.signal);

    if (!caller) return unknownCaller(scope.service, simulator, respond);

    if (this.rateLimiter?.exceeds(call, Date.now()))
      return throttled(scope.service, simulator, respond);

    const fault = this.faults.take(call);
    if (fault)
      return faultAnswer(
        fault,
        {
          request,
          simulator,
          service: scope.service,
          operation: parsed.operation,
          caller,
        },
        respond,
      );

    const ctx: RequestContext = {
      request,
      url,
      region: scope.region,
      caller,
      estate: this.state.estate,
      index: this.state.index,
      derived: this.state.derived,
      lookup: this.state.lookup,
      wallClockNow: () => new Date(),
      quirks: this.quirks,
    };
    try {
      return respond(await simulator.handle(parsed, ctx));
    } catch (e) {
      if (e instanceof AwsError)
        return respond(errorResponse(simulator.protocol, e), e.code);
      const error = new AwsError(
        'InternalFailure',
        `simulator error: ${(e as Error).message}`,
        500,
      );
      return respond(errorResponse(simulator.protocol, error), error.code);
    }
  }
}
