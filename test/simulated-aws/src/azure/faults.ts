/**
 * What an injected fault makes the simulated Azure services answer (the `FaultInjector` of the
 * AWS side decides *whether* a call fails; this decides *how*, in each service's error shape).
 * Entra ID's shapes for throttling and server errors are approximations.
 */
import {
  AzureError,
  EntraError,
  azureErrorResponse,
  entraErrorResponse,
} from './errors';
import { randomUUID } from 'node:crypto';
import { AzureCaller, AzureRoute } from './handlers/context';

/** The error response for an injected `throttle`, `server-error` or `access-denied` fault. */
export function azureFaultResponse(
  kind: 'throttle' | 'server-error' | 'access-denied',
  route: AzureRoute,
  caller: AzureCaller,
  message?: string,
): { response: Response; code: string } {
  if (route.service === 'azure-ad') {
    const e =
      kind === 'access-denied'
        ? new EntraError(
            400,
            'unauthorized_client',
            7000112,
            message ?? `Application '${caller.appid ?? ''}' is disabled.`,
          )
        : new EntraError(
            kind === 'throttle' ? 429 : 500,
            'temporarily_unavailable',
            90033,
            message ?? 'A transient error has occurred. Please try again.',
          );
    return { response: entraErrorResponse(e), code: e.error };
  }
  let e: AzureError;
  if (kind === 'throttle') {
    e =
      route.service === 'azure-arm'
        ? new AzureError(
            429,
            'TooManyRequests',
            message ??
              'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits',
            { headers: { 'retry-after': '1' } },
          )
        : new AzureError(
            429,
            'Throttled',
            message ??
              'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached',
            { headers: { 'retry-after': '1' } },
          );
  } else if (kind === 'server-error') {
    e = new AzureError(
      500,
      'InternalServerError',
      message ??
        `Encountered internal server error. Diagnostic information: timestamp '${new Date().toISOString()}', subscription id '${route.account}', tracking id '${randomUUID()}'.`,
    );
  } else {
    // What the handler itself answers a caller without access.
    const denied =
      route.denied?.(caller) ??
      new AzureError(403, 'AuthorizationFailed', 'Access denied.');
    e = message
      ? new AzureError(denied.status, denied.code, message, denied.extra)
      : denied;
  }
  return { response: azureErrorResponse(e), code: e.code };
}

/** A truncated body with HTTP 200, for `malformed` faults. */
export function malformedAzureResponse(): Response {
  return new Response('{"value": [{"id": "/subscriptions/', {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
