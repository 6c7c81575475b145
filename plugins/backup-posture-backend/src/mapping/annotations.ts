import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_RESOURCE_ARNS,
  ANNOTATION_AWS_RESOURCE_TAGS,
  ANNOTATION_AZURE_VAULT_IDS,
  ANNOTATION_AZURE_VAULT_TAGS,
  EntityConfigurationProblem,
} from '@backup-posture/plugin-backup-posture-common';
import { TagSelector } from '../aws/types';

/** How one entity maps to AWS resources and Azure Recovery Services vaults. */
export interface EntityMapping {
  arns: string[];
  tagSelector?: TagSelector;
  /** Azure vault resource ids (lower case: ARM ids are case-insensitive). */
  azureVaultIds: string[];
  azureTagSelector?: TagSelector;
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

const VAULT_ID =
  /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+$/i;

export function parseVaultIdAnnotation(value: string) {
  const problems: EntityConfigurationProblem[] = [];
  const ids: string[] = [];
  for (const raw of value.split(',')) {
    const id = raw.trim();
    if (!id) continue;
    if (!VAULT_ID.test(id)) {
      problems.push({
        annotation: ANNOTATION_AZURE_VAULT_IDS,
        message: `'${id}' is not a Recovery Services vault resource id (expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<name>)`,
      });
    } else ids.push(id.toLowerCase());
  }
  if (ids.length === 0 && problems.length === 0) {
    problems.push({
      annotation: ANNOTATION_AZURE_VAULT_IDS,
      message:
        'The annotation is empty: list at least one vault resource id, comma separated',
    });
  }
  return { ids, problems };
}

export function parseTagAnnotation(
  value: string,
  annotation: string = ANNOTATION_AWS_RESOURCE_TAGS,
) {
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
        annotation,
        message: `'${pair}' is not a tag condition: expected key=value, e.g. app=payments`,
      });
      continue;
    }
    if (key in selector && selector[key] !== val) {
      problems.push({
        annotation,
        message: `Tag key '${key}' is given twice with different values`,
      });
    }
    selector[key] = val;
  }
  if (Object.keys(selector).length === 0 && problems.length === 0) {
    problems.push({
      annotation,
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
  const vaultIdValue = annotations[ANNOTATION_AZURE_VAULT_IDS];
  const vaultTagValue = annotations[ANNOTATION_AZURE_VAULT_TAGS];
  const mapping: EntityMapping = {
    arns: [],
    azureVaultIds: [],
    byDefaultConvention: false,
    problems: [],
  };
  const hasAzure = vaultIdValue !== undefined || vaultTagValue !== undefined;
  if (arnValue === undefined && tagValue === undefined) {
    if (!hasAzure) {
      if (defaultTagKey && entity.kind.toLowerCase() === 'component') {
        return {
          ...mapping,
          tagSelector: { [defaultTagKey]: entity.metadata.name },
          byDefaultConvention: true,
        };
      }
      return undefined;
    }
  }
  const exactlyOne = (a: string, b: string) =>
    mapping.problems.push({
      annotation: b,
      message: `Use exactly one of ${a} and ${b}, not both`,
    });
  if (arnValue !== undefined && tagValue !== undefined) {
    exactlyOne(ANNOTATION_AWS_RESOURCE_ARNS, ANNOTATION_AWS_RESOURCE_TAGS);
  }
  if (vaultIdValue !== undefined && vaultTagValue !== undefined) {
    exactlyOne(ANNOTATION_AZURE_VAULT_IDS, ANNOTATION_AZURE_VAULT_TAGS);
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
  if (vaultIdValue !== undefined) {
    const { ids, problems } = parseVaultIdAnnotation(String(vaultIdValue));
    mapping.azureVaultIds = ids;
    mapping.problems.push(...problems);
  }
  if (vaultTagValue !== undefined) {
    const { selector, problems } = parseTagAnnotation(
      String(vaultTagValue),
      ANNOTATION_AZURE_VAULT_TAGS,
    );
    mapping.azureTagSelector = selector;
    mapping.problems.push(...problems);
  }
  return mapping;
}

/**
 * One provider's view of an entity's mapping: the problems of its own annotations, and the
 * mapping when it maps that provider's cloud (or a problem says it tried to).
 */
export function providerMapping(
  mapping: EntityMapping | undefined,
  annotations: readonly string[],
  maps: (m: EntityMapping) => boolean,
):
  | { mapping: EntityMapping; problems: EntityConfigurationProblem[] }
  | undefined {
  if (!mapping) return undefined;
  const problems = mapping.problems.filter(p =>
    annotations.includes(p.annotation ?? ''),
  );
  if (!maps(mapping) && !problems.length) return undefined;
  return { mapping, problems };
}

/** Whether the mapping names AWS resources / Azure vaults. */
export const mapsAws = (m: EntityMapping) =>
  m.arns.length > 0 || Boolean(m.tagSelector);
export const mapsAzure = (m: EntityMapping) =>
  m.azureVaultIds.length > 0 || Boolean(m.azureTagSelector);

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
