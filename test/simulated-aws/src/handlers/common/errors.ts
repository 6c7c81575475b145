/** An AWS error response: the code becomes `err.name` in the SDK. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly type: 'Sender' | 'Receiver' = status >= 500
      ? 'Receiver'
      : 'Sender',
  ) {
    super(message);
  }
}

export type Protocol =
  | 'restJson1'
  | 'awsJson1_0'
  | 'awsJson1_1'
  | 'awsQuery'
  | 'ec2Query'
  | 'restXml';

function requestId(): string {
  return `sim-${Math.random().toString(16).slice(2, 10)}-${Date.now().toString(16)}`;
}

const XML_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Serialises an error the way the service's protocol does: restJson1 sends the code in
 * `x-amzn-ErrorType` and `Code`/`Message` in the body; awsJson1.0/1.1 send `__type`; awsQuery an
 * `<ErrorResponse>` document; EC2 a `<Response><Errors>` document; restXml (S3) an `<Error>`.
 */
export function errorResponse(protocol: Protocol, error: AwsError): Response {
  const id = requestId();
  if (protocol === 'ec2Query') {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${id}</RequestID></Response>`;
    return new Response(body, {
      status: error.status,
      headers: { 'content-type': 'text/xml;charset=UTF-8' },
    });
  }
  if (protocol === 'restXml') {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message><RequestId>${id}</RequestId><HostId>${id}</HostId></Error>`;
    return new Response(body, {
      status: error.status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': id },
    });
  }
  if (protocol === 'awsJson1_0') {
    // DynamoDB qualifies the type with its namespace; the SDK keeps the part after `#`.
    return new Response(
      JSON.stringify({
        __type: `com.amazonaws.dynamodb.v20120810#${error.code}`,
        message: error.message,
      }),
      {
        status: error.status,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-RequestId': id,
        },
      },
    );
  }
  if (protocol === 'awsQuery') {
    const body = `<ErrorResponse xmlns="${XML_NAMESPACE}">\n  <Error>\n    <Type>${error.type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n  <RequestId>${id}</RequestId>\n</ErrorResponse>\n`;
    return new Response(body, {
      status: error.status,
      headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': id },
    });
  }
  if (protocol === 'awsJson1_1') {
    return new Response(
      JSON.stringify({ __type: error.code, message: error.message }),
      {
        status: error.status,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-RequestId': id,
          'x-amzn-ErrorType': error.code,
        },
      },
    );
  }
  return new Response(
    JSON.stringify({
      Code: error.code,
      Message: error.message,
      Type: error.type === 'Sender' ? 'User' : 'Service',
    }),
    {
      status: error.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-RequestId': id,
        'x-amzn-ErrorType': `${error.code}:http://internal.amazon.com/coral/com.amazonaws.sim/`,
      },
    },
  );
}

export function jsonResponse(
  protocol: 'restJson1' | 'awsJson1_0' | 'awsJson1_1',
  body: unknown,
  status = 200,
): Response {
  return new Response(
    JSON.stringify(body, (_k, v) => (v === undefined ? undefined : v)),
    {
      status,
      headers: {
        'content-type':
          protocol === 'restJson1'
            ? 'application/json'
            : `application/x-amz-json-${protocol === 'awsJson1_0' ? '1.0' : '1.1'}`,
        'x-amzn-RequestId': requestId(),
      },
    },
  );
}

/** An awsQuery answer: `<ActionResponse><ActionResult>…` in the service's namespace. */
export function xmlResponse(
  action: string,
  resultXml: string,
  namespace: string = XML_NAMESPACE,
): Response {
  const id = requestId();
  const body = `<${action}Response xmlns="${namespace}">\n  <${action}Result>\n${resultXml}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>${id}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`;
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': id },
  });
}

/** Epoch seconds, as restJson1 and awsJson1.1 send timestamps. */
export function epoch(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Date.parse(iso) / 1000;
}
