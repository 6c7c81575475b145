/**
 * What the simulated AWS answers before a service handles a call: to a caller whose credentials
 * it does not know, to a call beyond the rate quotas, and to a call an injected fault matches (an
 * error, a dropped connection or a truncated body).
 */
import { HttpResponse } from 'msw';
import { abortable } from './callLog';
import { ActiveFault, FAULT_ERRORS } from './faults';
import { ServiceSimulator } from './handlers/common/context';
import { AwsError, errorResponse } from './handlers/common/errors';
import { CallerIdentity } from './handlers/common/identity';

/** Completes the call's log entry with the answer (see `logCall`). */
type Respond = (response: Response, errorCode?: string) => Response;

/** Truncated bodies per protocol, for `malformed` faults. */
const MALFORMED_BODIES = {
  awsQuery: { contentType: 'text/xml', garbage: '<Response><Result><Crede' },
  restJson1: {
    contentType: 'application/json',
    garbage: '{"truncated": [{"Arn": "arn:aws:',
  },
  awsJson1_1: {
    contentType: 'application/x-amz-json-1.1',
    garbage: '{"truncated": [{"Arn": "arn:aws:',
  },
  awsJson1_0: {
    contentType: 'application/x-amz-json-1.0',
    garbage: '{"Table": {"TableArn": "arn:aws:',
  },
  ec2Query: {
    contentType: 'text/xml;charset=UTF-8',
    garbage: '<DescribeVolumesResponse><volumeSet><item><volu',
  },
  restXml: {
    contentType: 'application/xml',
    garbage: '<ServerSideEncryptionConfiguration><Rule><Appl',
  },
};

/** The answer to a signed request whose credentials name no caller the estate knows. */
export function unknownCaller(
  service: string,
  simulator: ServiceSimulator,
  respond: Respond,
): Response {
  const error =
    service === 'sts'
      ? new AwsError(
          'InvalidClientTokenId',
          'The security token included in the request is invalid.',
          403,
        )
      : new AwsError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
          simulator.protocol === 'restJson1' ? 403 : 400,
        );
  return respond(errorResponse(simulator.protocol, error), error.code);
}

/** The answer to a call beyond the rate quotas (`enforceRateQuotas`). */
export function throttled(
  service: string,
  simulator: ServiceSimulator,
  respond: Respond,
): Response {
  const spec = FAULT_ERRORS.throttle[service];
  return respond(
    errorResponse(
      simulator.protocol,
      new AwsError(spec.code, 'Rate exceeded', spec.status),
    ),
    spec.code,
  );
}

/** The answer to a call an injected fault matches. */
export async function faultAnswer(
  fault: ActiveFault,
  {
    request,
    simulator,
    service,
    operation,
    caller,
  }: {
    request: Request;
    simulator: ServiceSimulator;
    service: string;
    operation: string;
    caller: CallerIdentity;
  },
  respond: Respond,
): Promise<Response> {
  if (fault.kind === 'timeout') {
    await abortable(fault.holdMs ?? 30_000, request.signal);
    return respond(HttpResponse.error() as unknown as Response);
  }
  if (fault.kind === 'malformed') {
    const { contentType, garbage } = MALFORMED_BODIES[simulator.protocol];
    return respond(
      new Response(garbage, {
        status: 200,
        headers: { 'content-type': contentType },
      }),
    );
  }
  const spec = FAULT_ERRORS[fault.kind][service];
  const message =
    fault.message ??
    (fault.kind === 'access-denied'
      ? `User: ${caller.principalArn} is not authorized to perform: ${simulator.iamAction?.(operation) ?? `${service}:${operation}`}`
      : spec.message);
  return respond(
    errorResponse(
      simulator.protocol,
      new AwsError(spec.code, message, spec.status),
    ),
    spec.code,
  );
}
