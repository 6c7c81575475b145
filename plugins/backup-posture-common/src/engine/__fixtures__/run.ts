import { EntityInventory } from '../../inventory';
import { CheckResult, Finding } from '../../posture';
import { evaluatePosture } from '../evaluate';
import { EvaluateOptions } from '../options';
import { NOW } from './builders';

/** Evaluates the inventory and returns one check's result (throws when the check is absent). */
export function checkResult(
  inventory: EntityInventory,
  checkId: string,
  options: EvaluateOptions = {},
): CheckResult {
  const result = evaluatePosture(inventory, {
    now: NOW,
    ...options,
  }).checks.find(c => c.checkId === checkId);
  if (!result) throw new Error(`check ${checkId} did not run`);
  return result;
}

/** The single finding whose subject contains `fragment`. */
export function findingAbout(result: CheckResult, fragment: string): Finding {
  const matches = result.findings.filter(f => f.subject.includes(fragment));
  if (matches.length !== 1) {
    throw new Error(
      `expected one finding about ${fragment} in ${result.checkId}, got ${matches.length}: ${result.findings.map(f => f.subject).join(', ')}`,
    );
  }
  return matches[0];
}
