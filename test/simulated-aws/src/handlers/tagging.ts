import { parseArn, taggingResourceType } from '../model/resourceTypes';
import { AwsError, jsonResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
  parseAwsJson,
} from './common/context';

const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterException', message);

function getResources(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  const size = pageSize(input.ResourcesPerPage, {
    min: 1,
    max: 100,
    default: 100,
    error: invalidParameter,
    name: 'resourcesPerPage',
  });
  const tagFilters: Array<{ Key: string; Values?: string[] }> =
    input.TagFilters ?? [];
  const typeFilters: string[] = input.ResourceTypeFilters ?? [];
  const arnList: string[] | undefined = input.ResourceARNList;
  if (arnList && (tagFilters.length > 0 || typeFilters.length > 0)) {
    throw invalidParameter(
      'ResourceARNList cannot be combined with TagFilters or ResourceTypeFilters',
    );
  }
  const matches = ctx.estate.resources.filter(r => {
    if (r.accountId !== ctx.caller.accountId || r.region !== ctx.region)
      return false;
    if (arnList && !arnList.includes(r.arn)) return false;
    if (
      typeFilters.length > 0 &&
      !typeFilters.some(f => {
        const type = taggingResourceType(r.arn);
        return (
          type === f || (!f.includes(':') && parseArn(r.arn).service === f)
        );
      })
    ) {
      return false;
    }
    // Filters are ANDed; the values of one filter are ORed; no values means "has the key".
    return tagFilters.every(f =>
      f.Values && f.Values.length > 0
        ? f.Values.includes(r.tags[f.Key])
        : f.Key in r.tags,
    );
  });
  const binding = `GetResources:${JSON.stringify([tagFilters, typeFilters, arnList])}`;
  const { page, nextToken } = paginate(matches, {
    token: input.PaginationToken,
    pageSize: size,
    binding,
    invalidTokenError: () =>
      invalidParameter('The specified pagination token is invalid.'),
  });
  return jsonResponse('awsJson1_1', {
    // The Tagging API ends with an empty string, not an absent token.
    PaginationToken: nextToken ?? '',
    ResourceTagMappingList: page.map(r => ({
      ResourceARN: r.arn,
      Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
    })),
  });
}

/** Resource Groups Tagging API (awsJson1.1, `ResourceGroupsTaggingAPI_20170126.*`). */
export const taggingSimulator: ServiceSimulator = {
  signingName: 'tagging',
  protocol: 'awsJson1_1',
  parse: (request, _url, body) => parseAwsJson(request, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    if (operation === 'GetResources') return getResources(input, ctx);
    throw new AwsError(
      'UnknownOperationException',
      `Unknown operation ${operation}`,
    );
  },
};
