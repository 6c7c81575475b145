import { ResourceType, SimResource } from '../model/types';
import { AwsError, xmlResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import { parseQuery, queryFilters, xmlFields } from './common/query';
import { createdAt, callerResources } from './common/sourceResources';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

const NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';
const CLUSTER_TYPES: ResourceType[] = ['Aurora', 'DocumentDB', 'Neptune'];
const ENGINES: Partial<Record<ResourceType, string>> = {
  Aurora: 'aurora-postgresql',
  DocumentDB: 'docdb',
  Neptune: 'neptune',
  RDS: 'postgres',
};

const invalidValue = (message: string) =>
  new AwsError('InvalidParameterValue', message);

/**
 * The resources an RDS describe call names: an identifier (or ARN) parameter, or the `id` filter
 * (identifiers or ARNs) and `engine` filter. DocumentDB and Neptune clusters are RDS clusters.
 */
function select(
  input: Record<string, any>,
  ctx: RequestContext,
  opts: { types: ResourceType[]; idParam: string; idFilter: string },
): SimResource[] {
  let resources = callerResources(ctx, opts.types);
  const matchesId = (r: SimResource, id: string) =>
    r.arn === id || r.name.toLowerCase() === id.toLowerCase();
  for (const f of queryFilters(input, 'rds')) {
    if (f.name === opts.idFilter)
      resources = resources.filter(r => f.values.some(v => matchesId(r, v)));
    else if (f.name === 'engine')
      resources = resources.filter(r => f.values.includes(ENGINES[r.type]!));
    else throw invalidValue(`Unrecognized filter name: ${f.name}`);
  }
  const id = input[opts.idParam];
  if (id) resources = resources.filter(r => matchesId(r, String(id)));
  return resources;
}

function page(
  operation: string,
  items: SimResource[],
  input: Record<string, any>,
) {
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
  const { Marker: _marker, MaxRecords: _max, ...filters } = input;
  return paginate(items, {
    token: input.Marker,
    pageSize: size,
    binding: `${operation}:${JSON.stringify(filters)}`,
    invalidTokenError: () => invalidValue('The marker is not valid.'),
  });
}

const tagList = (r: SimResource) =>
  `        <TagList>\n${Object.entries(r.tags)
    .map(
      ([Key, Value]) =>
        `          <Tag>\n${xmlFields({ Key, Value }, '            ')}          </Tag>\n`,
    )
    .join('')}        </TagList>\n`;

const resourceId = (prefix: string, r: SimResource) =>
  `${prefix}-${Buffer.from(r.arn).toString('hex').slice(-26).toUpperCase()}`;

function describeDBClusters(input: Record<string, any>, ctx: RequestContext) {
  const clusters = select(input, ctx, {
    types: CLUSTER_TYPES,
    idParam: 'DBClusterIdentifier',
    idFilter: 'db-cluster-id',
  });
  if (input.DBClusterIdentifier && clusters.length === 0) {
    throw new AwsError(
      'DBClusterNotFoundFault',
      `DBCluster ${input.DBClusterIdentifier} not found.`,
      404,
    );
  }
  const { page: items, nextToken } = page(
    'DescribeDBClusters',
    clusters,
    input,
  );
  const body = items
    .map(
      r =>
        `      <DBCluster>\n${xmlFields(
          {
            DBClusterIdentifier: r.name,
            DBClusterArn: r.arn,
            Engine: ENGINES[r.type],
            Status: 'available',
            MultiAZ: false,
            ClusterCreateTime: createdAt(ctx),
            DbClusterResourceId: resourceId('cluster', r),
            StorageEncrypted: r.kmsKeyArn !== undefined,
            KmsKeyId: r.kmsKeyArn,
          },
          '        ',
        )}${tagList(r)}      </DBCluster>\n`,
    )
    .join('');
  return xmlResponse(
    'DescribeDBClusters',
    `${nextToken ? `    <Marker>${nextToken}</Marker>\n` : ''}    <DBClusters>\n${body}    </DBClusters>\n`,
    NAMESPACE,
  );
}

function describeDBInstances(input: Record<string, any>, ctx: RequestContext) {
  const instances = select(input, ctx, {
    types: ['RDS'],
    idParam: 'DBInstanceIdentifier',
    idFilter: 'db-instance-id',
  });
  if (input.DBInstanceIdentifier && instances.length === 0) {
    throw new AwsError(
      'DBInstanceNotFound',
      `DBInstance ${input.DBInstanceIdentifier} not found.`,
      404,
    );
  }
  const { page: items, nextToken } = page(
    'DescribeDBInstances',
    instances,
    input,
  );
  const body = items
    .map(
      r =>
        `      <DBInstance>\n${xmlFields(
          {
            DBInstanceIdentifier: r.name,
            DBInstanceArn: r.arn,
            DBInstanceClass: 'db.r6g.large',
            Engine: ENGINES[r.type],
            DBInstanceStatus: 'available',
            InstanceCreateTime: createdAt(ctx),
            DbiResourceId: resourceId('db', r),
            StorageEncrypted: r.kmsKeyArn !== undefined,
            KmsKeyId: r.kmsKeyArn,
          },
          '        ',
        )}${tagList(r)}      </DBInstance>\n`,
    )
    .join('');
  return xmlResponse(
    'DescribeDBInstances',
    `${nextToken ? `    <Marker>${nextToken}</Marker>\n` : ''}    <DBInstances>\n${body}    </DBInstances>\n`,
    NAMESPACE,
  );
}

/** Amazon RDS (awsQuery, version 2014-10-31); also serves DocumentDB and Neptune clusters. */
export const rdsSimulator: ServiceSimulator = {
  signingName: 'rds',
  protocol: 'awsQuery',
  parse: (_request, url, body) => parseQuery(url, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    switch (operation) {
      case 'DescribeDBClusters':
        return describeDBClusters(input, ctx);
      case 'DescribeDBInstances':
        return describeDBInstances(input, ctx);
      default:
        throw new AwsError(
          'InvalidAction',
          `Could not find operation ${operation} for version 2014-10-31`,
        );
    }
  },
};
