import {
  EvidenceValue,
  Finding,
  CheckDefinition,
  CheckStatus,
  LineageChain,
} from '../../posture';
import { AwsContext } from '../context';

/** What an AWS check sees: the inventory view and the lineage built from it. */
export interface AwsEvaluationInput {
  ctx: AwsContext;
  lineage: LineageChain[];
}

/** A check: its static definition (docs come from it) and its pure evaluation. */
export interface PostureCheck<I> {
  definition: CheckDefinition;
  evaluate(input: I): Finding[];
}

export type AwsCheck = PostureCheck<AwsEvaluationInput>;

/** Builds a finding, dropping undefined evidence values. */
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
