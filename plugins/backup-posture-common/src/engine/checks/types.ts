import {
  EvidenceValue,
  Finding,
  CheckDefinition,
  CheckStatus,
  CloudProvider,
  LineageChain,
} from '../../posture';
import { AwsContext } from '../aws/context';

/**
 * What an AWS check sees: the inventory view (only what is reachable from the entity's own
 * resources) and the key lineage built from it.
 *
 * @public
 */
export interface AwsEvaluationInput {
  ctx: AwsContext;
  lineage: LineageChain[];
}

/**
 * A check: its static definition (docs and the UI come from it) and its pure evaluation, one
 * finding per subject. `C` is the cloud whose inventory the check reads: the engine runs it only
 * for entities that have that cloud's inventory.
 *
 * @public
 */
export interface PostureCheck<I, C extends CloudProvider = CloudProvider> {
  definition: CheckDefinition & { cloud: C };
  evaluate(input: I): Finding[];
}

/** A check over an entity's AWS inventory. @public */
export type AwsCheck = PostureCheck<AwsEvaluationInput, 'aws'>;

/**
 * Builds a finding, dropping undefined evidence values.
 *
 * @public
 */
export function finding(
  subject: string,
  status: CheckStatus,
  message: string,
  evidence: Record<string, EvidenceValue | undefined> = {},
  explanation?: string,
): Finding {
  const clean: Record<string, EvidenceValue> = {};
  for (const [k, v] of Object.entries(evidence))
    if (v !== undefined) clean[k] = v;
  return explanation
    ? { subject, status, message, evidence: clean, explanation }
    : { subject, status, message, evidence: clean };
}

/**
 * One `unknown` finding per vault the entity depends on that could not be read, so that a check
 * over vaults never passes, fails or says not-applicable for want of data. `onlyAirGapped` keeps
 * the vaults that are or may be logically air-gapped.
 *
 * @public
 */
export function unreadVaultFindings(
  ctx: AwsContext,
  onlyAirGapped = false,
  subjectSuffix = '',
): Finding[] {
  return ctx
    .unreadVaults()
    .filter(
      v =>
        !onlyAirGapped ||
        !v.vaultType ||
        v.vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    )
    .map(v =>
      finding(
        `${v.arn}${subjectSuffix}`,
        'unknown',
        `vault not read: ${v.reason}`,
        { backupVaultArn: v.arn, vaultType: v.vaultType },
      ),
    );
}

/**
 * A check over vaults that also answers `unknown` for each vault it depends on but could not read
 * (see {@link unreadVaultFindings}).
 *
 * @public
 */
export function alsoUnreadVaults(
  check: AwsCheck,
  onlyAirGapped = false,
): AwsCheck {
  return {
    definition: check.definition,
    evaluate: input => [
      ...check.evaluate(input),
      ...unreadVaultFindings(input.ctx, onlyAirGapped),
    ],
  };
}
