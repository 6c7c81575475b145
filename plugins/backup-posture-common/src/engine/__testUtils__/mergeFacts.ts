/** Generated services' facts merged into one estate, and its inventory. */
import { AwsInventory } from '../../inventory';
import { awsInventory } from '../__fixtures__/builders';
import { ServiceFacts } from './sharedFacts';

/** Facts merged in order, deduplicated by identity (shared vaults and keys appear once). */
export function mergeFacts(...parts: ServiceFacts[]): ServiceFacts {
  const uniq = <T>(items: T[], id: (t: T) => string) => {
    const seen = new Map<string, T>();
    for (const t of items) if (!seen.has(id(t))) seen.set(id(t), t);
    return [...seen.values()];
  };
  return {
    resources: uniq(
      parts.flatMap(p => p.resources),
      r => r.arn,
    ),
    plans: uniq(
      parts.flatMap(p => p.plans),
      p => p.planArn,
    ),
    vaults: uniq(
      parts.flatMap(p => p.vaults),
      v => v.arn,
    ),
    keys: uniq(
      parts.flatMap(p => p.keys),
      k => k.arn,
    ),
    recoveryPoints: uniq(
      parts.flatMap(p => p.recoveryPoints),
      p => p.recoveryPointArn,
    ),
    copyJobs: uniq(
      parts.flatMap(p => p.copyJobs),
      j => `${j.accountId}/${j.copyJobId}`,
    ),
  };
}

/** An inventory of `facts` with the organization and global settings every test estate has. */
export function inventoryOf(facts: ServiceFacts): AwsInventory {
  return awsInventory(facts);
}
