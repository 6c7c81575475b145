import pLimit from 'p-limit';
import { ScopeClients } from '../clients';
import { Scope, toFactError } from '../types';
import {
  readEbsVolumes,
  readEc2Instances,
  readRdsClusters,
  readRdsInstances,
} from './batchedReaders';
import {
  PerResourceReader,
  readDynamoDb,
  readEfs,
  readRedshift,
  readS3,
} from './perResourceReaders';
import {
  SourceKeyReading,
  SourceKind,
  SourceRef,
  SOURCE_OF,
} from './sourceRef';

const BATCHED = {
  'rds-cluster': readRdsClusters,
  'rds-instance': readRdsInstances,
  'ebs-volume': readEbsVolumes,
  'ec2-instance': readEc2Instances,
} as const;

const PER_RESOURCE: Record<
  Exclude<SourceKind, keyof typeof BATCHED>,
  PerResourceReader
> = {
  efs: readEfs,
  dynamodb: readDynamoDb,
  s3: readS3,
  redshift: readRedshift,
};

/**
 * Reads the own key of each resource (all of one account × region) with read-only describe calls:
 * one filtered call per chunk where the API filters by many ids (RDS, EC2), one call per resource
 * elsewhere. Never throws: a failed call becomes the `encryptionKeyError` of its resources.
 */
export async function readSourceKeys(
  scope: Scope,
  clients: ScopeClients,
  refs: SourceRef[],
  limit: pLimit.Limit = pLimit(4),
): Promise<Map<string, SourceKeyReading>> {
  const out = new Map<string, SourceKeyReading>();
  const byKind = new Map<SourceKind, SourceRef[]>();
  for (const ref of refs)
    byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref]);
  const work: Array<Promise<void>> = [];
  for (const [kind, list] of byKind) {
    if (kind in BATCHED) {
      const read = BATCHED[kind as keyof typeof BATCHED];
      work.push(limit(() => read(scope, clients, list, out)));
      continue;
    }
    const read = PER_RESOURCE[kind as keyof typeof PER_RESOURCE];
    for (const ref of list) {
      work.push(
        limit(async () => {
          const encryptionKeySource = SOURCE_OF[kind];
          try {
            const key = await read(scope, clients, ref);
            out.set(ref.arn, {
              encryptionKeySource,
              ...(key ? { encryptionKeyArn: key } : {}),
            });
          } catch (e) {
            out.set(ref.arn, {
              encryptionKeySource,
              encryptionKeyError: toFactError(e),
            });
          }
        }),
      );
    }
  }
  await Promise.all(work);
  return out;
}
