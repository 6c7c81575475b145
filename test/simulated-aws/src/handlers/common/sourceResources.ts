import { createHash } from 'node:crypto';
import { EstateIndex } from '../../derive/estateIndex';
import { ResourceType, SimResource } from '../../model/types';
import { RequestContext } from './context';

/** The model's resources by `account|region`, built once per estate (large estates stay fast). */
const byScope = new WeakMap<EstateIndex, Map<string, SimResource[]>>();

/** The caller's own resources of these types in the request's region. */
export function callerResources(
  ctx: RequestContext,
  types: readonly ResourceType[],
): SimResource[] {
  let index = byScope.get(ctx.index);
  if (!index) {
    index = new Map();
    for (const r of ctx.estate.resources) {
      const k = `${r.accountId}|${r.region}`;
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    byScope.set(ctx.index, index);
  }
  return (index.get(`${ctx.caller.accountId}|${ctx.region}`) ?? []).filter(r =>
    types.includes(r.type),
  );
}

/** The root EBS volume the simulator gives an EC2 instance: it carries the instance's key. */
export function rootVolumeId(instance: SimResource): string {
  return `vol-${createHash('sha256').update(instance.arn).digest('hex').slice(0, 17)}`;
}

/** A stable creation time for a resource: a year before the estate's clock. */
export function createdAt(ctx: RequestContext): string {
  return new Date(Date.parse(ctx.estate.now) - 365 * 86400_000).toISOString();
}
