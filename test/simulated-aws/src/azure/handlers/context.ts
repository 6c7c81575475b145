import { AzureError } from '../errors';
import { TokenClaims, TokenIssuer } from '../tokens';
import { AzureTarget } from '../route';
import { SimAzureEstate } from '../types';

export type AzureService = 'azure-ad' | 'azure-arm' | 'azure-keyvault';

/** Everything an Azure handler needs to answer one request. */
export interface AzureRequestContext {
  request: Request;
  target: AzureTarget;
  azure: SimAzureEstate;
  issuer: TokenIssuer;
  /** The estate's clock (key dates are relative to it). */
  estateNow: Date;
  /** Tokens expire on the wall clock. */
  wallClockNow: () => Date;
  /** The verified bearer token (ARM and Key Vault handlers run only after authentication). */
  claims?: TokenClaims;
}

/**
 * One routed request: the call-log fields (known before anything is answered, so faults and
 * latency can match on them) and how to answer it.
 */
export interface AzureRoute {
  service: AzureService;
  operation: string;
  /** Subscription id (Entra ID: tenant id); `unknown` when it cannot be told. */
  account: string;
  /** Location of the resource, or `global`. */
  region: string;
  /** `arm`/`keyvault`: a valid bearer token for that audience is required first. */
  auth: 'none' | 'arm' | 'keyvault';
  /** Absent: the host does not exist (DNS failure), answered as a network error. */
  answer?: (ctx: AzureRequestContext) => Response | Promise<Response>;
  /**
   * The error a caller without access gets here, as the handler itself raises it; an injected
   * `access-denied` fault answers with it too.
   */
  denied?: (caller: AzureCaller) => AzureError;
}

/** Who calls: the token's ids (before sign-in, the client id from the token request). */
export type AzureCaller = Pick<TokenClaims, 'appid' | 'oid' | 'tid'>;

export const EMPTY_AZURE_ESTATE: SimAzureEstate = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  servicePrincipals: [],
  subscriptions: [],
  userAssignedIdentities: [],
  recoveryVaults: [],
  keyVaults: [],
};
