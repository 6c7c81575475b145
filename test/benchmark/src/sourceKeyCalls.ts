import {
  DerivedBackups,
  Estate,
  ResourceType,
  SimResource,
} from '@internal/simulated-aws';

/**
 * The fewest calls that read the own key of each resource mapped to an entity, in the scope that
 * owns it (the scanner's contract, docs/configuration.md "IAM"): RDS clusters and instances by
 * ARN filter (≤ 100 ids per call, MaxRecords 100), EBS volumes and EC2 instances by a
 * DescribeVolumes filter (≤ 200 ids per call; one root volume per instance, MaxResults 500), one
 * call per EFS file system, DynamoDB table, S3 bucket and Redshift cluster. An S3 ARN names no
 * account or region: a bucket is read where the scanner finds it, i.e. where the Tagging API
 * lists it for a catalog selector or where its primary recovery points are. The same resources'
 * tags are read with the Tagging API's GetResources (`ResourceARNList`, ≤ 100 ARNs per call), as
 * plans select by tags.
 */
export const SOURCE_BATCH = { rds: 100, ec2: 200, tags: 100 } as const;

const OPERATION: Record<ResourceType, string> = {
  Aurora: 'rds:DescribeDBClusters',
  DocumentDB: 'rds:DescribeDBClusters',
  Neptune: 'rds:DescribeDBClusters',
  RDS: 'rds:DescribeDBInstances',
  EBS: 'ec2:DescribeVolumes',
  EC2: 'ec2:DescribeVolumes',
  EFS: 'elasticfilesystem:DescribeFileSystems',
  DynamoDB: 'dynamodb:DescribeTable',
  S3: 's3:GetBucketEncryption',
  Redshift: 'redshift:DescribeClusters',
};

/** Kinds read together in one filtered call: RDS clusters, RDS instances, volumes, instances. */
const BATCH_OF: Partial<Record<ResourceType, [string, number]>> = {
  Aurora: ['cluster', SOURCE_BATCH.rds],
  DocumentDB: ['cluster', SOURCE_BATCH.rds],
  Neptune: ['cluster', SOURCE_BATCH.rds],
  RDS: ['instance', SOURCE_BATCH.rds],
  EBS: ['volume', SOURCE_BATCH.ec2],
  EC2: ['ec2-instance', SOURCE_BATCH.ec2],
};

export interface SourceKeyWork {
  /** Calls by `service:operation`, per `account|region`. */
  callsByScope: Map<string, Record<string, number>>;
  /** Keys the reads name (with multi-region relatives), to describe like every key met. */
  keys: Set<string>;
}

export function sourceKeyCalls(
  estate: Estate,
  derived: DerivedBackups,
  opts: { scanned: Set<string>; mappedArns?: ReadonlySet<string> },
): SourceKeyWork {
  const primaryHere = new Set(
    derived.recoveryPoints
      .filter(p => !p.sourceBackupVaultArn)
      .map(p => `${p.accountId}|${p.region}|${p.resourceArn}`),
  );
  const read = (r: SimResource) =>
    opts.scanned.has(r.accountId) &&
    estate.regions.includes(r.region) &&
    (!opts.mappedArns || opts.mappedArns.has(r.arn)) &&
    (r.type !== 'S3' || primaryHere.has(`${r.accountId}|${r.region}|${r.arn}`));

  const batches = new Map<string, Map<string, number>>();
  const callsByScope = new Map<string, Record<string, number>>();
  const keysByArn = new Map(estate.keys.map(k => [k.arn, k]));
  const keys = new Set<string>();
  const taggedByScope = new Map<string, number>();
  for (const r of estate.resources) {
    if (!read(r)) continue;
    const scope = `${r.accountId}|${r.region}`;
    const calls = callsByScope.get(scope) ?? {};
    callsByScope.set(scope, calls);
    // Its tags (plans select by ListOfTags and Conditions): GetResources with ResourceARNList,
    // up to 100 ARNs a call, for every mapped resource of the scope (no catalog tag selectors here).
    const tagged = (taggedByScope.get(scope) ?? 0) + 1;
    taggedByScope.set(scope, tagged);
    if ((tagged - 1) % SOURCE_BATCH.tags === 0)
      calls['tagging:GetResources'] = (calls['tagging:GetResources'] ?? 0) + 1;
    const batch = BATCH_OF[r.type];
    if (batch) {
      const inScope = batches.get(scope) ?? new Map<string, number>();
      batches.set(scope, inScope);
      const n = (inScope.get(batch[0]) ?? 0) + 1;
      inScope.set(batch[0], n);
      // A new filtered call every `size` ids.
      if ((n - 1) % batch[1] === 0)
        calls[OPERATION[r.type]] = (calls[OPERATION[r.type]] ?? 0) + 1;
    } else {
      calls[OPERATION[r.type]] = (calls[OPERATION[r.type]] ?? 0) + 1;
    }
    if (!r.kmsKeyArn) continue;
    keys.add(r.kmsKeyArn);
    const model = keysByArn.get(r.kmsKeyArn);
    for (const arn of [
      model?.multiRegion?.primaryArn,
      ...(model?.multiRegion?.replicaArns ?? []),
    ])
      if (arn) keys.add(arn);
  }
  return { callsByScope, keys };
}
