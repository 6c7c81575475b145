import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
} from '@aws-sdk/client-rds';
import { paginateDescribeVolumes, Volume } from '@aws-sdk/client-ec2';
import { NotFoundError } from '@backstage/errors';
import { ScopeClients } from '../clients';
import { Scope, toFactError } from '../types';
import { keyArnOf, SourceKeyReading, SourceRef, SOURCE_OF } from './sourceRef';

/** Ids per filter: RDS and EC2 filters take many values; chunks keep each request modest. */
export const SOURCE_FILTER_CHUNK = { rds: 100, ec2: 200 } as const;
/** Largest pages: RDS MaxRecords 100, EC2 DescribeVolumes MaxResults 500. */
export const SOURCE_PAGE = { rds: 100, ec2: 500 } as const;

type Readings = Map<string, SourceKeyReading>;

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
};

/** Runs one filtered read per chunk; a failed read gives its error to every resource of the chunk. */
async function perChunk(
  refs: SourceRef[],
  size: number,
  out: Readings,
  read: (chunk: SourceRef[]) => Promise<Map<string, string | undefined>>,
) {
  for (const chunk of chunks(refs, size)) {
    const source = SOURCE_OF[chunk[0].kind];
    try {
      const keys = await read(chunk);
      for (const ref of chunk) {
        if (!keys.has(ref.arn)) {
          out.set(ref.arn, {
            encryptionKeySource: source,
            encryptionKeyError: toFactError(
              new NotFoundError(`${source} did not return ${ref.id}`),
            ),
          });
          continue;
        }
        const key = keys.get(ref.arn);
        out.set(ref.arn, {
          encryptionKeySource: source,
          ...(key ? { encryptionKeyArn: key } : {}),
        });
      }
    } catch (e) {
      for (const ref of chunk) {
        out.set(ref.arn, {
          encryptionKeySource: source,
          encryptionKeyError: toFactError(e),
        });
      }
    }
  }
}

/** Aurora, DocumentDB and Neptune clusters: DescribeDBClusters filtered by their ARNs. */
export function readRdsClusters(
  scope: Scope,
  { rds }: ScopeClients,
  refs: SourceRef[],
  out: Readings,
) {
  return perChunk(refs, SOURCE_FILTER_CHUNK.rds, out, async chunk => {
    const keys = new Map<string, string | undefined>();
    for await (const page of paginateDescribeDBClusters(
      { client: rds, pageSize: SOURCE_PAGE.rds },
      { Filters: [{ Name: 'db-cluster-id', Values: chunk.map(r => r.arn) }] },
    )) {
      for (const c of page.DBClusters ?? []) {
        if (!c.DBClusterArn) continue;
        keys.set(
          c.DBClusterArn,
          c.StorageEncrypted && c.KmsKeyId
            ? keyArnOf(c.KmsKeyId, scope)
            : undefined,
        );
      }
    }
    return keys;
  });
}

/** RDS DB instances: DescribeDBInstances filtered by their ARNs. */
export function readRdsInstances(
  scope: Scope,
  { rds }: ScopeClients,
  refs: SourceRef[],
  out: Readings,
) {
  return perChunk(refs, SOURCE_FILTER_CHUNK.rds, out, async chunk => {
    const keys = new Map<string, string | undefined>();
    for await (const page of paginateDescribeDBInstances(
      { client: rds, pageSize: SOURCE_PAGE.rds },
      { Filters: [{ Name: 'db-instance-id', Values: chunk.map(r => r.arn) }] },
    )) {
      for (const i of page.DBInstances ?? []) {
        if (!i.DBInstanceArn) continue;
        keys.set(
          i.DBInstanceArn,
          i.StorageEncrypted && i.KmsKeyId
            ? keyArnOf(i.KmsKeyId, scope)
            : undefined,
        );
      }
    }
    return keys;
  });
}

async function volumesFiltered(
  { ec2 }: ScopeClients,
  name: string,
  values: string[],
): Promise<Volume[]> {
  const volumes: Volume[] = [];
  for await (const page of paginateDescribeVolumes(
    { client: ec2, pageSize: SOURCE_PAGE.ec2 },
    { Filters: [{ Name: name, Values: values }] },
  )) {
    volumes.push(...(page.Volumes ?? []));
  }
  return volumes;
}

const volumeKey = (v: Volume, scope: Scope) =>
  v.Encrypted && v.KmsKeyId ? keyArnOf(v.KmsKeyId, scope) : undefined;

/** EBS volumes: DescribeVolumes filtered by volume id. */
export function readEbsVolumes(
  scope: Scope,
  clients: ScopeClients,
  refs: SourceRef[],
  out: Readings,
) {
  return perChunk(refs, SOURCE_FILTER_CHUNK.ec2, out, async chunk => {
    const byId = new Map(chunk.map(r => [r.id, r.arn]));
    const keys = new Map<string, string | undefined>();
    for (const v of await volumesFiltered(clients, 'volume-id', [
      ...byId.keys(),
    ])) {
      const arn = v.VolumeId && byId.get(v.VolumeId);
      if (arn) keys.set(arn, volumeKey(v, scope));
    }
    return keys;
  });
}

/** Root devices first: an AMI's (EC2 recovery point's) boot volume is the instance's key. */
const ROOT_DEVICES = ['/dev/xvda', '/dev/sda1', '/dev/sda'];
const deviceRank = (device = '') => {
  const i = ROOT_DEVICES.indexOf(device);
  return i < 0 ? `${ROOT_DEVICES.length}${device}` : `${i}`;
};

/**
 * EC2 instances: their key is the key of their root EBS volume, read with DescribeVolumes
 * filtered by attached instance id (no DescribeInstances needed).
 */
export function readEc2Instances(
  scope: Scope,
  clients: ScopeClients,
  refs: SourceRef[],
  out: Readings,
) {
  return perChunk(refs, SOURCE_FILTER_CHUNK.ec2, out, async chunk => {
    const byId = new Map(chunk.map(r => [r.id, r.arn]));
    const attached = new Map<string, Array<{ device: string; v: Volume }>>();
    for (const v of await volumesFiltered(clients, 'attachment.instance-id', [
      ...byId.keys(),
    ])) {
      for (const a of v.Attachments ?? []) {
        const arn = a.InstanceId && byId.get(a.InstanceId);
        if (!arn) continue;
        attached.set(arn, [
          ...(attached.get(arn) ?? []),
          { device: a.Device ?? '', v },
        ]);
      }
    }
    const keys = new Map<string, string | undefined>();
    for (const [arn, volumes] of attached) {
      const [root] = volumes.sort((a, b) =>
        deviceRank(a.device).localeCompare(deviceRank(b.device)),
      );
      keys.set(arn, volumeKey(root.v, scope));
    }
    return keys;
  });
}
