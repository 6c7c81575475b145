import { SimBackupSelection, SimCondition, SimResource } from '../model/types';
import { globMatch } from './policy';

function tagValue(
  resource: SimResource,
  conditionKey: string,
): string | undefined {
  const key = conditionKey.replace(/^aws:ResourceTag\//, '');
  return resource.tags[key];
}

const equals = (r: SimResource, c: SimCondition) =>
  tagValue(r, c.conditionKey) === c.conditionValue;
const like = (r: SimResource, c: SimCondition) => {
  const value = tagValue(r, c.conditionKey);
  return value !== undefined && globMatch(c.conditionValue, value);
};

/**
 * Whether a backup selection assigns a resource, as AWS Backup resolves it: `Resources` ARN
 * patterns ANDed with every `Conditions` entry, ORed with the legacy `ListOfTags`, minus
 * `NotResources`. With no `Resources` and no `ListOfTags`, conditions apply to every resource.
 */
export function selectionAssigns(
  selection: SimBackupSelection,
  resource: SimResource,
): boolean {
  if (selection.notResources.some(p => globMatch(p, resource.arn)))
    return false;
  const c = selection.conditions;
  const conditionsHold =
    c.stringEquals.every(x => equals(resource, x)) &&
    c.stringNotEquals.every(x => !equals(resource, x)) &&
    c.stringLike.every(x => like(resource, x)) &&
    c.stringNotLike.every(x => !like(resource, x));
  const hasConditions =
    c.stringEquals.length +
      c.stringNotEquals.length +
      c.stringLike.length +
      c.stringNotLike.length >
    0;
  const byTags = selection.listOfTags.some(t => equals(resource, t));
  if (selection.resources.length > 0) {
    const byArn = selection.resources.some(p => globMatch(p, resource.arn));
    return (byArn && conditionsHold) || byTags;
  }
  if (selection.listOfTags.length > 0)
    return byTags && (!hasConditions || conditionsHold);
  return hasConditions && conditionsHold;
}
