import { AwsError, epoch, jsonResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import { callerResources, createdAt } from './common/sourceResources';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

const badRequest = (message: string) =>
  new AwsError('BadRequest', message, 400);

function describeFileSystems(input: Record<string, any>, ctx: RequestContext) {
  let fileSystems = callerResources(ctx, ['EFS']);
  if (input.FileSystemId) {
    const id = String(input.FileSystemId);
    fileSystems = fileSystems.filter(r => r.name === id || r.arn === id);
    if (fileSystems.length === 0) {
      throw new AwsError(
        'FileSystemNotFound',
        `File system '${id}' does not exist.`,
        404,
      );
    }
  }
  const size = pageSize(input.MaxItems, {
    min: 1,
    max: 100,
    default: 100,
    name: 'maxItems',
    error: badRequest,
  });
  const { page, nextToken } = paginate(fileSystems, {
    token: input.Marker,
    pageSize: size,
    binding: `DescribeFileSystems:${input.FileSystemId ?? ''}`,
    invalidTokenError: () => badRequest('Invalid marker'),
  });
  return jsonResponse('restJson1', {
    Marker: input.Marker,
    NextMarker: nextToken,
    FileSystems: page.map(r => ({
      OwnerId: r.accountId,
      CreationToken: `console-${r.name}`,
      FileSystemId: r.name,
      FileSystemArn: r.arn,
      CreationTime: epoch(createdAt(ctx)),
      LifeCycleState: 'available',
      Name: r.tags.Name,
      NumberOfMountTargets: 2,
      SizeInBytes: { Value: 6144 },
      PerformanceMode: 'generalPurpose',
      Encrypted: r.kmsKeyArn !== undefined,
      KmsKeyId: r.kmsKeyArn,
      ThroughputMode: 'bursting',
      Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
    })),
  });
}

/** Amazon EFS (restJson1, `GET /2015-02-01/file-systems`). */
export const efsSimulator: ServiceSimulator = {
  signingName: 'elasticfilesystem',
  protocol: 'restJson1',
  parse(request, url) {
    const path = url.pathname.replace(/\/+$/, '');
    if (request.method === 'GET' && path === '/2015-02-01/file-systems') {
      const input: Record<string, string> = {};
      url.searchParams.forEach((value, key) => {
        input[key] = value;
      });
      return { operation: 'DescribeFileSystems', input };
    }
    return { operation: `${request.method} ${path}`, input: {} };
  },
  handle({ operation, input }: ParsedOperation, ctx) {
    if (operation === 'DescribeFileSystems')
      return describeFileSystems(input, ctx);
    throw new AwsError(
      'UnknownOperationException',
      `No operation matches ${operation}`,
      404,
    );
  },
};
