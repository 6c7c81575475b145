/** What a fault makes the simulated service do. */
export type FaultKind =
  'throttle' | 'server-error' | 'access-denied' | 'timeout' | 'malformed';

/** Which calls a fault or latency rule applies to; an absent field matches everything. */
export interface CallScope {
  /** The caller's account (for STS AssumeRole also the target account of the role). */
  account?: string;
  region?: string;
  /**
   * SigV4 signing name: backup, kms, sts, organizations, tagging, and the source resources'
   * services rds, ec2, elasticfilesystem, dynamodb, s3, redshift.
   */
  service?: string;
  operation?: string;
}

export interface FaultSpec extends CallScope {
  kind: FaultKind;
  /** How many matching calls fail; unlimited when absent. */
  times?: number;
  /** Overrides the error message. */
  message?: string;
  /** For `timeout`: how long to hold the request before dropping the connection (default 30 s). */
  holdMs?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  /** How many calls this fault has failed so far. */
  hits: number;
  remove(): void;
}

export interface LatencyRule extends CallScope {
  ms: number;
}

export function scopeMatches(
  scope: CallScope,
  call: Required<CallScope> & { targetAccount?: string },
): boolean {
  return (
    (!scope.account ||
      scope.account === call.account ||
      scope.account === call.targetAccount) &&
    (!scope.region || scope.region === call.region) &&
    (!scope.service || scope.service === call.service) &&
    (!scope.operation || scope.operation === call.operation)
  );
}

/** Injected faults, consumed in the order they were added. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = {
      ...spec,
      id: this.nextId++,
      hits: 0,
      remove: () => {
        this.faults = this.faults.filter(f => f !== fault);
      },
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  /** The fault that applies to this call, if any; counts the hit. */
  take(
    call: Required<CallScope> & { targetAccount?: string },
  ): ActiveFault | undefined {
    const fault = this.faults.find(
      f => scopeMatches(f, call) && (f.times === undefined || f.hits < f.times),
    );
    if (fault) fault.hits++;
    return fault;
  }
}

/** The error each service returns for an injected fault: the code becomes the SDK's `err.name`. */
export const FAULT_ERRORS: Record<
  'throttle' | 'server-error' | 'access-denied',
  Record<string, { code: string; status: number; message: string }>
> = {
  throttle: {
    backup: {
      code: 'ThrottlingException',
      status: 429,
      message: 'Rate exceeded',
    },
    kms: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
    organizations: {
      code: 'TooManyRequestsException',
      status: 429,
      message:
        "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
    },
    tagging: {
      code: 'ThrottledException',
      status: 400,
      message: 'Rate exceeded',
    },
    sts: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
    rds: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
    ec2: {
      code: 'RequestLimitExceeded',
      status: 503,
      message: 'Request limit exceeded.',
    },
    elasticfilesystem: {
      code: 'ThrottlingException',
      status: 429,
      message: 'Rate exceeded',
    },
    dynamodb: {
      code: 'ThrottlingException',
      status: 400,
      message: 'Rate of requests exceeds the allowed throughput.',
    },
    s3: {
      code: 'SlowDown',
      status: 503,
      message: 'Please reduce your request rate.',
    },
    redshift: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  },
  'server-error': {
    backup: {
      code: 'ServiceUnavailableException',
      status: 500,
      message: 'The request failed due to a temporary failure of the server.',
    },
    kms: {
      code: 'KMSInternalException',
      status: 500,
      message: 'An internal error occurred.',
    },
    organizations: {
      code: 'ServiceException',
      status: 500,
      message:
        "AWS Organizations can't complete your request because of an internal service error. Try again later.",
    },
    tagging: {
      code: 'InternalServiceException',
      status: 500,
      message: 'The request processing failed because of an unknown error.',
    },
    sts: {
      code: 'InternalFailure',
      status: 500,
      message: 'The request processing has failed because of an unknown error.',
    },
    rds: {
      code: 'InternalFailure',
      status: 500,
      message: 'The request processing has failed because of an unknown error.',
    },
    ec2: {
      code: 'InternalError',
      status: 500,
      message: 'An internal error has occurred',
    },
    elasticfilesystem: {
      code: 'InternalServerError',
      status: 500,
      message: 'An internal error occurred.',
    },
    dynamodb: {
      code: 'InternalServerError',
      status: 500,
      message: 'Internal server error',
    },
    s3: {
      code: 'InternalError',
      status: 500,
      message: 'We encountered an internal error. Please try again.',
    },
    redshift: {
      code: 'InternalFailure',
      status: 500,
      message: 'The request processing has failed because of an unknown error.',
    },
  },
  'access-denied': {
    backup: {
      code: 'AccessDeniedException',
      status: 403,
      message: 'not authorized',
    },
    kms: {
      code: 'AccessDeniedException',
      status: 400,
      message: 'not authorized',
    },
    organizations: {
      code: 'AccessDeniedException',
      status: 403,
      message: "You don't have permissions to access this resource.",
    },
    tagging: {
      code: 'AccessDeniedException',
      status: 400,
      message: 'not authorized',
    },
    sts: { code: 'AccessDenied', status: 403, message: 'not authorized' },
    rds: { code: 'AccessDenied', status: 403, message: 'not authorized' },
    ec2: {
      code: 'UnauthorizedOperation',
      status: 403,
      message: 'You are not authorized to perform this operation.',
    },
    elasticfilesystem: {
      code: 'AccessDeniedException',
      status: 403,
      message: 'not authorized',
    },
    dynamodb: {
      code: 'AccessDeniedException',
      status: 400,
      message: 'not authorized',
    },
    s3: { code: 'AccessDenied', status: 403, message: 'Access Denied' },
    redshift: { code: 'AccessDenied', status: 403, message: 'not authorized' },
  },
};
