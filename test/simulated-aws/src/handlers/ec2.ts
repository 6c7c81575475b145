import { SimResource } from '../model/types';
import { AwsError } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import { parseQuery, queryFilters, queryList, xmlFields } from './common/query';
import {
  callerResources,
  createdAt,
  rootVolumeId,
} from './common/sourceResources';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

const NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

interface Volume {
  volumeId: string;
  resource: SimResource;
  /** Set for an instance's root volume. */
  instanceId?: string;
}

const invalidValue = (message: string) =>
  new AwsError('InvalidParameterValue', message);

/** EBS volumes of the model, plus each EC2 instance's root volume (with the instance's key). */
function volumes(ctx: RequestContext): Volume[] {
  return callerResources(ctx, ['EBS', 'EC2']).map(r =>
    r.type === 'EBS'
      ? { volumeId: r.name, resource: r }
      : { volumeId: rootVolumeId(r), resource: r, instanceId: r.name },
  );
}

const FILTERS: Record<string, (v: Volume) => string | undefined> = {
  'volume-id': v => v.volumeId,
  'attachment.instance-id': v => v.instanceId,
  encrypted: v => String(v.resource.kmsKeyArn !== undefined),
};

function volumeXml(v: Volume, ctx: RequestContext): string {
  const r = v.resource;
  const created = createdAt(ctx);
  const attachment = v.instanceId
    ? `                <attachmentSet>\n                    <item>\n${xmlFields(
        {
          volumeId: v.volumeId,
          instanceId: v.instanceId,
          device: '/dev/xvda',
          status: 'attached',
          attachTime: created,
          deleteOnTermination: true,
        },
        '                        ',
      )}                    </item>\n                </attachmentSet>\n`
    : '                <attachmentSet/>\n';
  const tags = v.instanceId ? {} : r.tags;
  return `            <item>\n${xmlFields(
    {
      volumeId: v.volumeId,
      size: 100,
      snapshotId: '',
      availabilityZone: `${ctx.region}a`,
      status: v.instanceId ? 'in-use' : 'available',
      createTime: created,
    },
    '                ',
  )}${attachment}${xmlFields(
    {
      volumeType: 'gp3',
      iops: 3000,
      encrypted: r.kmsKeyArn !== undefined,
      kmsKeyId: r.kmsKeyArn,
      throughput: 125,
    },
    '                ',
  )}                <tagSet>\n${Object.entries(tags)
    .map(
      ([key, value]) =>
        `                    <item>\n${xmlFields({ key, value }, '                        ')}                    </item>\n`,
    )
    .join('')}                </tagSet>\n            </item>\n`;
}

function describeVolumes(input: Record<string, any>, ctx: RequestContext) {
  const ids = queryList(input, 'VolumeId');
  if (ids.length > 0 && input.MaxResults !== undefined) {
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter volumeSet cannot be used with the parameter maxResults',
    );
  }
  let selected = volumes(ctx);
  if (ids.length > 0) {
    const missing = ids.filter(id => !selected.some(v => v.volumeId === id));
    if (missing.length > 0) {
      throw new AwsError(
        'InvalidVolume.NotFound',
        `The volume${missing.length > 1 ? 's' : ''} '${missing.join(', ')}' ${missing.length > 1 ? 'do' : 'does'} not exist.`,
      );
    }
    selected = selected.filter(v => ids.includes(v.volumeId));
  }
  for (const f of queryFilters(input, 'ec2')) {
    const value = FILTERS[f.name];
    if (!value) throw invalidValue(`The filter '${f.name}' is invalid`);
    selected = selected.filter(v => f.values.includes(value(v) ?? ''));
  }
  const size =
    input.MaxResults === undefined
      ? Math.max(1, selected.length)
      : pageSize(input.MaxResults, {
          min: 5,
          max: 500,
          default: 500,
          name: 'maxResults',
          error: () =>
            invalidValue(
              `Value ( ${input.MaxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 500.`,
            ),
        });
  const { NextToken: _token, MaxResults: _max, ...rest } = input;
  const { page, nextToken } = paginate(selected, {
    token: input.NextToken,
    pageSize: size,
    binding: `DescribeVolumes:${JSON.stringify(rest)}`,
    invalidTokenError: () =>
      invalidValue('The token provided for pagination is invalid.'),
  });
  const requestId = `sim-${Math.random().toString(16).slice(2, 10)}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeVolumesResponse xmlns="${NAMESPACE}">\n    <requestId>${requestId}</requestId>\n    <volumeSet>\n${page
    .map(v => volumeXml(v, ctx))
    .join(
      '',
    )}    </volumeSet>\n${nextToken ? `    <nextToken>${nextToken}</nextToken>\n` : ''}</DescribeVolumesResponse>\n`;
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
  });
}

/** Amazon EC2 (the EC2 query protocol, version 2016-11-15): the EBS volumes behind EBS and EC2. */
export const ec2Simulator: ServiceSimulator = {
  signingName: 'ec2',
  protocol: 'ec2Query',
  parse: (_request, url, body) => parseQuery(url, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    if (operation === 'DescribeVolumes') return describeVolumes(input, ctx);
    throw new AwsError(
      'InvalidAction',
      `The action ${operation} is not valid for this web service.`,
    );
  },
};
