import {
  DerivedBackups,
  DerivedCopyJob,
  DerivedProtectedResource,
  DerivedRecoveryPoint,
} from '../../derive/types';
import { EstateIndex } from '../../derive/estateIndex';
import { Estate } from '../../model/types';
import { Protocol } from './errors';
import { CallerIdentity } from './identity';

/** Everything a service handler needs to answer one request. */
export interface RequestContext {
  request: Request;
  url: URL;
  region: string;
  caller: CallerIdentity;
  estate: Estate;
  index: EstateIndex;
  derived: DerivedBackups;
  lookup: DerivedLookup;
  /** The role sessions minted by STS carry a wall-clock expiry, not the estate's clock. */
  wallClockNow: () => Date;
  quirks: { emptyOrganizationsPages: boolean };
}

/** A parsed request: the operation name and its input. */
export interface ParsedOperation {
  operation: string;
  input: Record<string, any>;
}

export interface ServiceSimulator {
  /** SigV4 signing name, e.g. `backup`, `kms`. */
  signingName: string;
  protocol: Protocol;
  /** The IAM action an operation needs, when it is not `<signingName>:<operation>`. */
  iamAction?(operation: string): string;
  parse(request: Request, url: URL, body: string): ParsedOperation;
  handle(
    operation: ParsedOperation,
    ctx: RequestContext,
  ): Response | Promise<Response>;
}

/** Parses an awsJson1.1 request: `X-Amz-Target: Prefix.Operation` and a JSON body. */
export function parseAwsJson(request: Request, body: string): ParsedOperation {
  const target = request.headers.get('x-amz-target') ?? '';
  const operation = target.split('.').pop() ?? '';
  let input: Record<string, any> = {};
  if (body.trim()) input = JSON.parse(body);
  return { operation, input };
}

/** Derived facts grouped the way the handlers read them, so large estates stay fast. */
export interface DerivedLookup {
  pointsByVault: Map<string, DerivedRecoveryPoint[]>;
  /** Keyed by `account|region`. */
  copyJobsByScope: Map<string, DerivedCopyJob[]>;
  protectedByScope: Map<string, DerivedProtectedResource[]>;
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function buildLookup(derived: DerivedBackups): DerivedLookup {
  return {
    pointsByVault: group(derived.recoveryPoints, p => p.backupVaultArn),
    copyJobsByScope: group(derived.copyJobs, j => `${j.accountId}|${j.region}`),
    protectedByScope: group(
      derived.protectedResources,
      r => `${r.accountId}|${r.region}`,
    ),
  };
}
