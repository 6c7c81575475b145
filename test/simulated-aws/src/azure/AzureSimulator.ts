/**
 * Routes Azure requests (Entra ID, ARM, Key Vault data plane) to their handlers, in either URL
 * form (direct or behind an endpoint override, see `route.ts`), with the AWS side's call log,
 * latency rules and fault injector. Authentication is checked here, before faults, so an injected
 * fault counts authenticated calls only (Key Vault's unauthenticated challenge round is not one).
 */
import { abortable, CallRecord, logCall } from '../callLog';
import { HttpResponse } from 'msw';
import { CallScope, FaultInjector } from '../faults';
import { AZURE_AUDIENCES } from './constants';
import { AzureError, azureErrorResponse } from './errors';
import { azureFaultResponse, malformedAzureResponse } from './faults';
import { routeArm } from './handlers/arm';
import {
  AzureRequestContext,
  AzureRoute,
  EMPTY_AZURE_ESTATE,
} from './handlers/context';
import { routeEntra } from './handlers/entra';
import { routeKeyVault } from './handlers/keyVault';
import { azureTarget } from './route';
import { TokenClaims, TokenIssuer, sameAudience } from './tokens';
import { SimAzureEstate } from './types';

export interface AzureSimulatorHost {
  azure(): SimAzureEstate | undefined;
  estateNow(): string;
  calls: CallRecord[];
  faults: FaultInjector;
  latencyMs(call: Required<CallScope>): number;
}

const networkError = () => HttpResponse.error() as unknown as Response;

export class AzureSimulator {
  readonly issuer = new TokenIssuer();

  constructor(private readonly host: AzureSimulatorHost) {}

  /** Answers an Azure request, or returns undefined when the request is not for Azure. */
  async handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const target = azureTarget(url);
    if (!target) return undefined;
    const azure = this.host.azure() ?? EMPTY_AZURE_ESTATE;
    let route: AzureRoute | undefined;
    if (target.kind === 'login')
      route = routeEntra(request.method, target.path);
    else if (target.kind === 'management')
      route = routeArm(request.method, target.path, azure);
    else
      route = routeKeyVault(
        request.method,
        target.keyVaultName!,
        target.path,
        azure,
      );
    if (!route) {
      // Entra ID paths other than the token endpoint (discovery, authorize) are not simulated.
      return azureErrorResponse(
        new AzureError(
          404,
          'NotFound',
          `The simulated Entra ID serves only POST /{tenant}/oauth2/v2.0/token, not ${request.method} ${target.path}.`,
        ),
      );
    }

    const record: CallRecord = {
      service: route.service,
      operation: route.operation,
      account: route.account,
      region: route.region,
      at: Date.now(),
      status: 0,
    };
    const respond = logCall(this.host.calls, record);
    const call = {
      service: route.service,
      operation: route.operation,
      account: route.account,
      region: route.region,
    };
    const latency = this.host.latencyMs(call);
    if (latency > 0) await abortable(latency, request.signal);

    if (!route.answer) return respond(networkError(), 'ENOTFOUND');

    const ctx: AzureRequestContext = {
      request,
      target,
      azure,
      issuer: this.issuer,
      estateNow: new Date(this.host.estateNow()),
      wallClockNow: () => new Date(),
    };
    try {
      if (route.auth !== 'none') ctx.claims = this.authenticate(route, ctx);

      const fault = this.host.faults.take(call);
      if (fault) {
        if (fault.kind === 'timeout') {
          await abortable(fault.holdMs ?? 30_000, request.signal);
          return respond(networkError());
        }
        if (fault.kind === 'malformed')
          return respond(malformedAzureResponse());
        const { response, code } = azureFaultResponse(
          fault.kind,
          route,
          ctx.claims ?? {
            appid: clientIdOf(await request.clone().text()),
            oid: '',
            tid: azure.tenantId,
          },
          fault.message,
        );
        return respond(response, code);
      }
      const response = await route.answer(ctx);
      return respond(response, await errorCodeOf(response));
    } catch (e) {
      if (e instanceof AzureError)
        return respond(azureErrorResponse(e), e.code);
      const error = new AzureError(
        500,
        'InternalServerError',
        `simulator error: ${(e as Error).message}`,
      );
      return respond(azureErrorResponse(error), error.code);
    }
  }

  /** The verified token's claims, or throws the 401 ARM / Key Vault send. */
  private authenticate(
    route: AzureRoute,
    ctx: AzureRequestContext,
  ): TokenClaims {
    const { azure } = ctx;
    const kv = route.auth === 'keyvault';
    const audience = kv ? AZURE_AUDIENCES.vault : AZURE_AUDIENCES.management;
    // Key Vault answers every 401 with the challenge that tells the client where to get a token.
    const fail = (code: string, message: string) =>
      new AzureError(401, code, message, {
        headers: kv
          ? {
              'www-authenticate': `Bearer authorization="https://login.microsoftonline.com/${azure.tenantId}", resource="${AZURE_AUDIENCES.vault}"`,
            }
          : {},
      });
    const header = ctx.request.headers.get('authorization');
    const token = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token)
      throw kv
        ? fail(
            'Unauthorized',
            'AKV10000: Request is missing a Bearer or PoP token.',
          )
        : fail(
            'AuthenticationFailed',
            "Authentication failed. The 'Authorization' header is missing.",
          );
    const claims = this.issuer.verify(token);
    if (!claims)
      throw kv
        ? fail('Unauthorized', 'AKV10032: Invalid issuer or signature.')
        : fail('InvalidAuthenticationToken', 'The access token is invalid.');
    const now = Math.floor(ctx.wallClockNow().getTime() / 1000);
    if (claims.exp <= now)
      throw kv
        ? fail('Unauthorized', 'AKV10012: Token has expired.')
        : fail(
            'ExpiredAuthenticationToken',
            `The access token expiry UTC time '${new Date(claims.exp * 1000).toUTCString()}' is earlier than current UTC time '${new Date(now * 1000).toUTCString()}'.`,
          );
    if (!sameAudience(claims.aud, audience))
      throw kv
        ? fail(
            'Unauthorized',
            `AKV10022: Invalid audience. Expected ${audience}, found: ${claims.aud}.`,
          )
        : fail(
            'InvalidAuthenticationTokenAudience',
            `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.`,
          );
    if (claims.tid !== azure.tenantId)
      throw kv
        ? fail(
            'Unauthorized',
            `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${azure.tenantId}/, found https://sts.windows.net/${claims.tid}/.`,
          )
        : fail(
            'InvalidAuthenticationTokenTenant',
            `The access token is from the wrong issuer 'https://sts.windows.net/${claims.tid}/'. It must match the tenant 'https://sts.windows.net/${azure.tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${azure.tenantId}' to get the token.`,
          );
    return claims;
  }
}

function clientIdOf(formBody: string): string {
  try {
    return new URLSearchParams(formBody).get('client_id') ?? '';
  } catch {
    return '';
  }
}

/** The `error.code` (ARM, Key Vault) or `error` (Entra ID) of an error response, for the log. */
async function errorCodeOf(response: Response): Promise<string | undefined> {
  if (response.status < 400) return undefined;
  try {
    const body = await response.clone().json();
    return typeof body.error === 'string' ? body.error : body.error?.code;
  } catch {
    return undefined;
  }
}
