import { Scope, TagSelector } from '../aws/types';
import { EntityMapping, tagsMatch } from './annotations';
import { arnScope } from '../aws/resourceTypes';

/**
 * The AWS resources the catalog maps to entities (by ARN annotation, tag selector or the default
 * tag convention): discovery reads a resource's own key only when it is one of them.
 */
export class MappedResources {
  private readonly arns = new Set<string>();
  private readonly arnsByScope = new Map<string, string[]>();
  /** Selectors indexed by their first `key=value` pair, so a resource checks only candidates. */
  private readonly selectors = new Map<string, TagSelector[]>();

  constructor(mappings: Iterable<EntityMapping>) {
    for (const m of mappings) {
      for (const arn of m.arns) {
        if (this.arns.has(arn)) continue;
        this.arns.add(arn);
        const { accountId, region } = arnScope(arn);
        if (!accountId || !region) continue;
        const k = `${accountId}/${region}`;
        this.arnsByScope.set(k, [...(this.arnsByScope.get(k) ?? []), arn]);
      }
      const pairs = Object.entries(m.tagSelector ?? {});
      if (pairs.length === 0) continue;
      const first = `${pairs[0][0]}=${pairs[0][1]}`;
      this.selectors.set(first, [
        ...(this.selectors.get(first) ?? []),
        m.tagSelector!,
      ]);
    }
  }

  /** True when an entity names the resource's ARN or a selector matches its tags. */
  includes(resource: { arn: string; tags?: Record<string, string> }): boolean {
    if (this.arns.has(resource.arn)) return true;
    const tags = resource.tags ?? {};
    // An empty selector value matches any value of the key (indexed as `key=`).
    return Object.entries(tags).some(([k, v]) =>
      [
        ...(this.selectors.get(`${k}=${v}`) ?? []),
        ...(v ? (this.selectors.get(`${k}=`) ?? []) : []),
      ].some(selector => tagsMatch(tags, selector)),
    );
  }

  /** ARNs annotated on entities that name this account × region (S3 ARNs name neither). */
  arnsIn(scope: Scope): string[] {
    return this.arnsByScope.get(`${scope.accountId}/${scope.region}`) ?? [];
  }
}
