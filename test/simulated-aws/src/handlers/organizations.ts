import { AwsError, epoch, jsonResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
  parseAwsJson,
} from './common/context';

const invalidInput = (message: string) =>
  new AwsError('InvalidInputException', message);

function requireMember(ctx: RequestContext) {
  if (!ctx.index.inOrganization(ctx.caller.accountId)) {
    throw new AwsError(
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
    );
  }
}

function requireManagement(ctx: RequestContext) {
  requireMember(ctx);
  if (ctx.caller.accountId !== ctx.estate.organization.managementAccountId) {
    throw new AwsError(
      'AccessDeniedException',
      "You don't have permissions to access this resource.",
    );
  }
}

function listAccounts(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  requireManagement(ctx);
  const org = ctx.estate.organization;
  const size = pageSize(input.MaxResults, {
    min: 1,
    max: 20,
    default: 20,
    error: invalidInput,
    name: 'maxResults',
  });
  const accounts = ctx.estate.accounts.filter(a => a.inOrganization);
  if (ctx.quirks.emptyOrganizationsPages && !input.NextToken) {
    // Real Organizations may answer an empty page that still carries a NextToken.
    const first = paginate(accounts, {
      token: undefined,
      pageSize: 0,
      binding: 'ListAccounts',
      invalidTokenError: () => invalidInput(''),
    });
    return jsonResponse('awsJson1_1', {
      Accounts: [],
      NextToken: first.nextToken,
    });
  }
  const { page, nextToken } = paginate(accounts, {
    token: input.NextToken,
    pageSize: size,
    binding: 'ListAccounts',
    invalidTokenError: () =>
      invalidInput('The specified value for NextToken is invalid.'),
  });
  return jsonResponse('awsJson1_1', {
    Accounts: page.map(a => ({
      Id: a.id,
      Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${a.id}`,
      Email: a.email,
      Name: a.name,
      Status: a.status,
      State: a.status,
      JoinedMethod: a.id === org.managementAccountId ? 'CREATED' : 'INVITED',
      JoinedTimestamp: epoch(a.joinedAt),
    })),
    NextToken: nextToken,
  });
}

function describeOrganization(ctx: RequestContext): Response {
  requireMember(ctx);
  const org = ctx.estate.organization;
  return jsonResponse('awsJson1_1', {
    Organization: {
      Id: org.id,
      Arn: org.arn,
      FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${org.managementAccountId}`,
      MasterAccountId: org.managementAccountId,
      MasterAccountEmail: org.managementAccountEmail,
      AvailablePolicyTypes: [
        { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
      ],
    },
  });
}

/** Organizations (awsJson1.1, `AWSOrganizationsV20161128.*`); answered from us-east-1 in the aws partition. */
export const organizationsSimulator: ServiceSimulator = {
  signingName: 'organizations',
  protocol: 'awsJson1_1',
  parse: (request, _url, body) => parseAwsJson(request, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    switch (operation) {
      case 'ListAccounts':
        return listAccounts(input, ctx);
      case 'DescribeOrganization':
        return describeOrganization(ctx);
      default:
        throw new AwsError(
          'UnknownOperationException',
          `Unknown operation ${operation}`,
        );
    }
  },
};
