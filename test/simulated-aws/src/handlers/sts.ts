import { AwsError, escapeXml, xmlResponse } from './common/errors';
import { encodeSessionToken } from './common/identity';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

function assumeRole(input: Record<string, any>, ctx: RequestContext): Response {
  const roleArn = String(input.RoleArn ?? '');
  const sessionName = String(input.RoleSessionName ?? '');
  if (!roleArn || !sessionName) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value null at '${!roleArn ? 'roleArn' : 'roleSessionName'}' failed to satisfy constraint: Member must not be null`,
    );
  }
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(
    roleArn,
  );
  const account = match
    ? ctx.estate.accounts.find(a => a.id === match[1])
    : undefined;
  if (!match || !account || !account.assumableRoles.includes(match[2])) {
    throw new AwsError(
      'AccessDenied',
      `User: ${ctx.caller.principalArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  }
  const duration = Number(input.DurationSeconds ?? 3600);
  const expiration = new Date(
    ctx.wallClockNow().getTime() + duration * 1000,
  ).toISOString();
  const accessKeyId = `ASIASIM${account.id}X`;
  const token = encodeSessionToken({
    accountId: account.id,
    roleName: match[2],
    sessionName,
  });
  const assumedArn = `arn:aws:sts::${account.id}:assumed-role/${match[2]}/${sessionName}`;
  return xmlResponse(
    'AssumeRole',
    `    <AssumedRoleUser>\n      <AssumedRoleId>AROASIM${account.id}:${escapeXml(sessionName)}</AssumedRoleId>\n      <Arn>${escapeXml(assumedArn)}</Arn>\n    </AssumedRoleUser>\n    <Credentials>\n      <AccessKeyId>${accessKeyId}</AccessKeyId>\n      <SecretAccessKey>simulated</SecretAccessKey>\n      <SessionToken>${token}</SessionToken>\n      <Expiration>${expiration}</Expiration>\n    </Credentials>\n`,
  );
}

function getCallerIdentity(ctx: RequestContext): Response {
  return xmlResponse(
    'GetCallerIdentity',
    `    <Arn>${escapeXml(ctx.caller.principalArn)}</Arn>\n    <UserId>${escapeXml(ctx.caller.userId)}</UserId>\n    <Account>${ctx.caller.accountId}</Account>\n`,
  );
}

/** STS speaks awsQuery: a form-encoded POST (or GET) with `Action`, answered with XML. */
export const stsSimulator: ServiceSimulator = {
  signingName: 'sts',
  protocol: 'awsQuery',
  parse(_request, url, body) {
    const params = new URLSearchParams(body || url.search);
    const input: Record<string, string> = {};
    params.forEach((value, key) => {
      input[key] = value;
    });
    return { operation: input.Action ?? '', input };
  },
  handle({ operation, input }: ParsedOperation, ctx) {
    switch (operation) {
      case 'AssumeRole':
        return assumeRole(input, ctx);
      case 'GetCallerIdentity':
        return getCallerIdentity(ctx);
      default:
        throw new AwsError(
          'InvalidAction',
          `Could not find operation ${operation} for version 2011-06-15`,
        );
    }
  },
};
