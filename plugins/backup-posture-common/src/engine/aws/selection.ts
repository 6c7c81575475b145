/**
 * Resolves a backup selection against a resource the way AWS Backup does: (Resources OR ListOfTags)
 * AND every Conditions entry, minus NotResources. Patterns accept `*` wildcards.
 */
import { AwsBackupSelectionFact, AwsResourceFact } from '../../inventory';

/** @public */
export interface SelectionMatch {
  selected: boolean;
  selectionId: string;
  selectionName: string;
  /** Why, in plain words (e.g. `Resources matches arn:...`, `excluded by NotResources ...`). */
  reason: string;
  excludedByNotResources?: boolean;
  /**
   * The selection names this very resource (a Resources or NotResources ARN without wildcards, or a
   * ListOfTags tag it carries) but a condition or NotResources left it out: the plan is about this
   * resource even though it does not protect it. A wildcard such as `*` names nothing: it is how a
   * plan selects by condition, typically another team's resources.
   */
  named?: boolean;
}

const wildcard = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** A pattern that names one ARN rather than matching many. */
const isExact = (pattern: string | undefined): boolean =>
  Boolean(pattern && !pattern.includes('*'));

const tagKey = (conditionKey: string) =>
  conditionKey.replace(/^aws:ResourceTag\//, '');

/** @public */
export function selectionMatch(
  selection: AwsBackupSelectionFact,
  resource: AwsResourceFact,
): SelectionMatch {
  const base = {
    selectionId: selection.selectionId,
    selectionName: selection.selectionName,
  };
  const tag = (key: string) => resource.tags[tagKey(key)];
  const byResource = selection.resources.find(p =>
    wildcard(p).test(resource.arn),
  );
  const byTag = selection.listOfTags.find(
    t => tag(t.conditionKey) === t.conditionValue,
  );
  const c = selection.conditions;
  const hasConditions =
    c.stringEquals.length +
      c.stringNotEquals.length +
      c.stringLike.length +
      c.stringNotLike.length >
    0;
  const baseSelected =
    Boolean(byResource || byTag) ||
    (selection.resources.length === 0 &&
      selection.listOfTags.length === 0 &&
      hasConditions);
  if (!baseSelected) {
    return {
      ...base,
      selected: false,
      reason: 'not listed in Resources or ListOfTags',
    };
  }
  const failed =
    c.stringEquals.find(x => tag(x.conditionKey) !== x.conditionValue) ??
    c.stringNotEquals.find(x => tag(x.conditionKey) === x.conditionValue) ??
    c.stringLike.find(
      x => !wildcard(x.conditionValue).test(tag(x.conditionKey) ?? ''),
    ) ??
    c.stringNotLike.find(x =>
      wildcard(x.conditionValue).test(tag(x.conditionKey) ?? ''),
    );
  const namesIt = Boolean(byTag) || isExact(byResource);
  if (failed) {
    return {
      ...base,
      selected: false,
      named: namesIt,
      reason: `condition on ${failed.conditionKey} (${failed.conditionValue}) not met`,
    };
  }
  const excluded = selection.notResources.find(p =>
    wildcard(p).test(resource.arn),
  );
  if (excluded) {
    return {
      ...base,
      selected: false,
      named: namesIt || isExact(excluded),
      excludedByNotResources: true,
      reason: `excluded by NotResources ${excluded}`,
    };
  }
  let reason = 'Conditions match';
  if (byResource) reason = `Resources matches ${byResource}`;
  else if (byTag) {
    reason = `ListOfTags ${byTag.conditionKey}=${byTag.conditionValue}`;
  }
  return { ...base, selected: true, reason };
}
