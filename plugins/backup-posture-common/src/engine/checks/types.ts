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
