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
import { armActionOf } from './handlers/arm';
import { AzureRoute } from './handlers/context';

const KV_PERMISSIONS: Record<string, string> = {
  Keys_Get: 'get',
  Keys_GetRotationPolicy: 'getrotationpolicy',
  Keys_List: 'list',
  Keys_ListVersions: 'list',
};

export interface FaultCaller {
  appid: string;
  oid: string;
  tid: string;
}

/** The error response for an injected `throttle`, `server-error` or `access-denied` fault. */
export function azureFaultResponse(
  kind: 'throttle' | 'server-error' | 'access-denied',
  route: AzureRoute,
  caller: FaultCaller | undefined,
  message?: string,
): { response: Response; code: string } {
  if (route.service === 'azure-ad') {
    const e =
      kind === 'access-denied'
        ? new EntraError(
            400,
            'unauthorized_client',
            7000112,
            message ?? `Application '${caller?.appid ?? ''}' is disabled.`,
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
  } else if (route.service === 'azure-arm') {
    e = new AzureError(
      403,
      'AuthorizationFailed',
      message ??
        `The client '${caller?.appid}' with object id '${caller?.oid}' does not have authorization to perform action '${armActionOf(route.operation) ?? 'Microsoft.Resources/read'}' over scope '/subscriptions/${route.account}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  } else {
    e = new AzureError(
      403,
      'Forbidden',
      message ??
        `The user, group or application 'appid=${caller?.appid};oid=${caller?.oid};iss=https://sts.windows.net/${caller?.tid}/' does not have keys ${KV_PERMISSIONS[route.operation] ?? 'get'} permission on key vault. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
      { innerCode: 'ForbiddenByPolicy' },
    );
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
