/** Azure's error shapes: ARM and Key Vault `{error:{code,message}}`, Entra ID's OAuth errors. */
import { randomUUID } from 'node:crypto';

/** An ARM or Key Vault error: `code` becomes the SDK's `RestError.code`. */
export class AzureError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      innerCode?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}

export function azureJson(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-ms-request-id': randomUUID(),
      ...headers,
    },
  });
}

export function azureErrorResponse(error: AzureError): Response {
  return azureJson(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.extra.innerCode
          ? { innererror: { code: error.extra.innerCode } }
          : {}),
      },
    },
    error.status,
    error.extra.headers,
  );
}

/** Entra ID's token endpoint error (AADSTS…). */
export class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    description: string,
  ) {
    super(description);
  }
}

export function entraErrorResponse(e: EntraError): Response {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  return azureJson(
    {
      error: e.error,
      error_description: `AADSTS${e.aadsts}: ${e.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}Z`,
      error_codes: [e.aadsts],
      timestamp: `${timestamp}Z`,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${e.aadsts}`,
    },
    e.status,
  );
}
