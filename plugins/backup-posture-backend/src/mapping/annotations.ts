import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  EntityConfigurationProblem,
} from '@backup-posture/plugin-backup-posture-common';
import { TagSelector } from '../discovery/types';

/** How one entity maps to AWS resources. */
export interface EntityMapping {
  arns: string[];
  tagSelector?: TagSelector;
  /** Set when no annotation is present and the default tag convention applies. */
  byDefaultConvention: boolean;
  problems: EntityConfigurationProblem[];
}

const ARN = /^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12})?:.+$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

export function parseArnAnnotation(value: string) {
  const problems: EntityConfigurationProblem[] = [];
  const arns: string[] = [];
  for (const raw of value.split(',')) {
    const arn = raw.trim();
    if (!arn) continue;
    if (!ARN.test(arn)) {
      problems.push({
        annotation: ANNOTATION_AWS_RESOURCE_ARNS,
        message: `'${arn}' is not an AWS ARN (expected arn:aws:<service>:<region>:<account>:<resource>)`,
      });
    } else arns.push(arn);
  }
  if (arns.length === 0 && problems.length === 0) {
    problems.push({
      annotation: ANNOTATION_AWS_RESOURCE_ARNS,
      message:
        'The annotation is empty: list at least one resource ARN, comma separated',
    });
  }
  return { arns, problems };
}

export function parseTagAnnotation(value: string) {
  const problems: EntityConfigurationProblem[] = [];
  const selector: TagSelector = {};
  for (const raw of value.split(',')) {
    const pair = raw.trim();
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const val = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (eq < 0 || !key || !val || !TAG_KEY.test(key)) {
      problems.push({
        annotation: ANNOTATION_AWS_RESOURCE_TAGS,
        message: `'${pair}' is not a tag condition: expected key=value, e.g. app=payments`,
      });
      continue;
    }
    if (key in selector && selector[key] !== val) {
      problems.push({
        annotation: ANNOTATION_AWS_RESOURCE_TAGS,
        message: `Tag key '${key}' is given twice with different values`,
      });
    }
    selector[key] = val;
  }
  if (Object.keys(selector).length === 0 && problems.length === 0) {
    problems.push({
      annotation: ANNOTATION_AWS_RESOURCE_TAGS,
      message: 'The annotation is empty: give key=value pairs, comma separated',
    });
  }
  return { selector, problems };
}

/**
 * Reads an entity's backup-posture annotations. Never throws: a malformed annotation becomes a
 * problem that the API reports as the `invalid-annotation` state.
 */
export function readEntityMapping(
  entity: Entity,
  defaultTagKey?: string,
): EntityMapping | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const arnValue = annotations[ANNOTATION_AWS_RESOURCE_ARNS];
  const tagValue = annotations[ANNOTATION_AWS_RESOURCE_TAGS];
  if (arnValue === undefined && tagValue === undefined) {
    if (defaultTagKey && entity.kind.toLowerCase() === 'component') {
      return {
        arns: [],
        tagSelector: { [defaultTagKey]: entity.metadata.name },
        byDefaultConvention: true,
        problems: [],
      };
    }
    return undefined;
  }
  const mapping: EntityMapping = {
    arns: [],
    byDefaultConvention: false,
    problems: [],
  };
  if (arnValue !== undefined && tagValue !== undefined) {
    mapping.problems.push({
      annotation: ANNOTATION_AWS_RESOURCE_TAGS,
      message: `Use exactly one of ${ANNOTATION_AWS_RESOURCE_ARNS} and ${ANNOTATION_AWS_RESOURCE_TAGS}, not both`,
    });
  }
  if (arnValue !== undefined) {
    const { arns, problems } = parseArnAnnotation(String(arnValue));
    mapping.arns = arns;
    mapping.problems.push(...problems);
  }
  if (tagValue !== undefined) {
    const { selector, problems } = parseTagAnnotation(String(tagValue));
    mapping.tagSelector = selector;
    mapping.problems.push(...problems);
  }
  return mapping;
}

/** True when a resource's tags satisfy every pair of the selector. */
export function tagsMatch(
  tags: Record<string, string> | undefined,
  selector: TagSelector,
): boolean {
  if (!tags) return false;
  return Object.entries(selector).every(([k, v]) =>
    v ? tags[k] === v : k in tags,
  );
}
