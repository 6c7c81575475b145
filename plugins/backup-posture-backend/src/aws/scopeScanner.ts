import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import pLimit from 'p-limit';
import { ScopeClients } from './clients';
import { MappedResources } from '../mapping/mappedResources';
import { readPlans } from './planReads';
import { readRegionSettings } from './regionSettings';
import {
  readCopyJobs,
  readProtectedResources,
  readTaggedResources,
  readVaultsAndPoints,
} from './scopeListings';
import { readSourceKeys } from './sourceKeys/readSourceKeys';
import { SourceRef, sourceRefOf } from './sourceKeys/sourceRef';
import {
  emptyScopeSnapshot,
  Scope,
  ScopeResource,
  ScopeSnapshot,
  TagSelector,
  toFactError,
} from './types';

export interface ScopeScanOptions {
  /** Distinct tag selectors of the catalog, resolved with the Tagging API. */
  tagSelectors: TagSelector[];
  /** Tag keys whose every tagged resource is wanted (default tag convention). */
  tagKeys: string[];
  copyJobsSince: Date;
  /** Parallel calls within the scope; the rate limiter bounds calls per second anyway. */
  parallelCalls?: number;
  /** Page size of Backup list calls (AWS maximum 1000); smaller only in tests. */
  pageSize?: number;
  /**
   * The resources mapped to catalog entities: their own keys are read (RDS, EC2, EFS, DynamoDB,
   * S3, Redshift describe calls) in the scope that owns them. Absent: no key is read.
   */
  mapped?: MappedResources;
}

/**
 * Reads everything AWS Backup knows in one account × region, with List/Get/Describe calls only.
 * Any error that is not an expected "absent"/"denied" on an optional part fails the whole scope, so
 * the caller keeps the previous snapshot instead of storing a partial one as if it were complete.
 */
export async function scanScope(
  scope: Scope,
  clients: ScopeClients,
  options: ScopeScanOptions,
): Promise<ScopeSnapshot> {
  const { backup } = clients;
  const limit = pLimit(options.parallelCalls ?? 4);
  const pageSize = options.pageSize ?? 1000;
  const snapshot = emptyScopeSnapshot(scope, new Date().toISOString());
  type Partial = ScopeSnapshot['partialErrors'][number];
  const partialOf =
    (into: Partial[]) => (operation: string, subject: string, e: unknown) =>
      into.push({ operation, subject, error: toFactError(e) });
  const vaultPartials: Partial[] = [];
  const settingsPartials: Partial[] = [];

  // The chains that need nothing from one another start together (each pages on its own); the
  // scope's quotas, not this order, decide how fast their calls go (./scopeQuotas.ts).
  const [vaultChain, plans, regionSettings, copyJobs, protectedPages, tagged] =
    await Promise.all([
      readVaultsAndPoints(
        scope,
        clients,
        limit,
        pageSize,
        partialOf(vaultPartials),
      ),
      readPlans(scope, clients, limit, pageSize),
      readRegionSettings(
        scope,
        clients,
        partialOf(settingsPartials),
        snapshot.collectedAt,
      ),
      readCopyJobs(scope, backup, pageSize, options.copyJobsSince),
      readProtectedResources(backup, pageSize),
      readTaggedResources(clients, options, pageSize),
    ]);
  snapshot.vaults = vaultChain.vaults;
  snapshot.recoveryPoints = vaultChain.points;
  snapshot.plans = plans;
  snapshot.regionSettings = regionSettings;
  snapshot.copyJobs = copyJobs;
  snapshot.partialErrors.push(...vaultPartials, ...settingsPartials);

  // Protected resources first, then what the tag selectors found: the order of one scan.
  const resources = new Map<string, ScopeResource>();
  const resource = (arn: string) => {
    let r = resources.get(arn);
    if (!r) {
      r = { arn };
      resources.set(arn, r);
    }
    return r;
  };
  for (const p of protectedPages) {
    const r = resource(p.arn);
    r.resourceType = p.resourceType;
    r.lastBackupTime = p.lastBackupTime;
    r.lastBackupVaultArn = p.lastBackupVaultArn;
  }
  for (const { arn, tags } of tagged) resource(arn).tags = tags;
  if (options.mapped) {
    await readMappedTags(scope, clients, snapshot, resources, options.mapped);
    const refs = sourceKeyTargets(scope, snapshot, resources, options.mapped);
    const readings = await readSourceKeys(scope, clients, refs, limit);
    for (const [arn, reading] of readings)
      Object.assign(resource(arn), reading);
  }
  snapshot.resources = [...resources.values()];
  return snapshot;
}

/** The Tagging API's limit on `ResourceARNList`. */
const TAGGED_ARNS_PER_CALL = 100;

/**
 * Tags of the resources mapped by ARN that this scope owns (and mapped S3 buckets with a primary
 * recovery point here), unless a catalog tag selector already read them: plans select resources by
 * `ListOfTags` and `Conditions` on tags, so without them a protected resource would look
 * unselected and its plan, vaults and copies unreachable. `GetResources` with `ResourceARNList`
 * (≤ 100 ARNs a call) answers only resources that have or had tags; the others have none.
 */
async function readMappedTags(
  scope: Scope,
  clients: ScopeClients,
  snapshot: ScopeSnapshot,
  resources: Map<string, ScopeResource>,
  mapped: MappedResources,
): Promise<void> {
  const primaries = new Set(
    snapshot.recoveryPoints
      .filter(p => !p.sourceBackupVaultArn)
      .map(p => p.resourceArn),
  );
  const wanted = new Set(mapped.arnsIn(scope));
  for (const r of resources.values())
    if (
      r.arn.startsWith('arn:aws:s3:::') &&
      primaries.has(r.arn) &&
      mapped.includes(r)
    )
      wanted.add(r.arn);
  const arns = [...wanted].filter(
    arn => resources.get(arn)?.tags === undefined,
  );
  for (let i = 0; i < arns.length; i += TAGGED_ARNS_PER_CALL) {
    for await (const page of paginateGetResources(
      { client: clients.tagging },
      { ResourceARNList: arns.slice(i, i + TAGGED_ARNS_PER_CALL) },
    )) {
      for (const m of page.ResourceTagMappingList ?? []) {
        if (!m.ResourceARN) continue;
        resources.set(m.ResourceARN, {
          ...resources.get(m.ResourceARN),
          arn: m.ResourceARN,
          tags: Object.fromEntries(
            (m.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']),
          ),
        });
      }
    }
  }
}

/**
 * The mapped resources this scope owns, whose keys it reads: those its ARN places here (also
 * annotated ones neither protected nor tagged, added to the snapshot), and S3 buckets (whose ARN
 * names no account or region) that the Tagging API listed here or that have a primary recovery
 * point here. A resource only seen through copies in another account is read by its own scope.
 */
function sourceKeyTargets(
  scope: Scope,
  snapshot: ScopeSnapshot,
  resources: Map<string, ScopeResource>,
  mapped: MappedResources,
): SourceRef[] {
  const primaries = new Set(
    snapshot.recoveryPoints
      .filter(p => !p.sourceBackupVaultArn)
      .map(p => p.resourceArn),
  );
  const refs = new Map<string, SourceRef>();
  const consider = (r: ScopeResource) => {
    const ref = sourceRefOf(r.arn);
    if (!ref || refs.has(r.arn) || !mapped.includes(r)) return;
    const owned = ref.accountId
      ? ref.accountId === scope.accountId && ref.region === scope.region
      : r.tags !== undefined || primaries.has(r.arn);
    if (owned) refs.set(r.arn, ref);
  };
  for (const r of resources.values()) consider(r);
  for (const arn of mapped.arnsIn(scope)) {
    if (!resources.has(arn) && sourceRefOf(arn)) consider({ arn });
  }
  return [...refs.values()];
}
