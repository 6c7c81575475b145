import { AwsError, xmlResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import { parseQuery, xmlFields } from './common/query';
import { callerResources, createdAt } from './common/sourceResources';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

const NAMESPACE = 'http://redshift.amazonaws.com/doc/2012-12-01/';

const invalidValue = (message: string) =>
  new AwsError('InvalidParameterValue', message);

function describeClusters(input: Record<string, any>, ctx: RequestContext) {
  let clusters = callerResources(ctx, ['Redshift']);
  if (input.ClusterIdentifier) {
    const id = String(input.ClusterIdentifier).toLowerCase();
    clusters = clusters.filter(r => r.name === id);
    if (clusters.length === 0) {
      throw new AwsError(
        'ClusterNotFound',
        `Cluster ${input.ClusterIdentifier} not found.`,
        404,
      );
    }
  }
  const size = pageSize(input.MaxRecords, {
    min: 20,
    max: 100,
    default: 100,
    name: 'maxRecords',
    error: () =>
      invalidValue(
        `Invalid value ${input.MaxRecords} for MaxRecords. Must be between 20 and 100`,
      ),
  });
  const { page, nextToken } = paginate(clusters, {
    token: input.Marker,
    pageSize: size,
    binding: `DescribeClusters:${input.ClusterIdentifier ?? ''}`,
    invalidTokenError: () => invalidValue('The marker is not valid.'),
  });
  const body = page
    .map(
      r =>
        `      <Cluster>\n${xmlFields(
          {
            ClusterIdentifier: r.name,
            NodeType: 'ra3.xlplus',
            ClusterStatus: 'available',
            ClusterAvailabilityStatus: 'Available',
            ClusterCreateTime: createdAt(ctx),
            NumberOfNodes: 2,
            Encrypted: r.kmsKeyArn !== undefined,
            KmsKeyId: r.kmsKeyArn,
            ClusterNamespaceArn: `arn:aws:redshift:${r.region}:${r.accountId}:namespace:${r.name}`,
          },
          '        ',
        )}        <Tags>\n${Object.entries(r.tags)
          .map(
            ([Key, Value]) =>
              `          <Tag>\n${xmlFields({ Key, Value }, '            ')}          </Tag>\n`,
          )
          .join('')}        </Tags>\n      </Cluster>\n`,
    )
    .join('');
  return xmlResponse(
    'DescribeClusters',
    `${nextToken ? `    <Marker>${nextToken}</Marker>\n` : ''}    <Clusters>\n${body}    </Clusters>\n`,
    NAMESPACE,
  );
}

/** Amazon Redshift (awsQuery, version 2012-12-01). */
export const redshiftSimulator: ServiceSimulator = {
  signingName: 'redshift',
  protocol: 'awsQuery',
  parse: (_request, url, body) => parseQuery(url, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    if (operation === 'DescribeClusters') return describeClusters(input, ctx);
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${operation} for version 2012-12-01`,
    );
  },
};
