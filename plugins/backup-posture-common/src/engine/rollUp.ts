/**
 * The posture of a system, group or domain: its members' own results rolled up — each check's
 * findings as the members' evaluations gave them (their exceptions applied), the members' lineage
 * and their scores — never an evaluation of the union of their inventories.
 */
import {
  CheckResult,
  Finding,
  LineageChain,
  PostureEvaluation,
} from '../posture';
import { rollUpScores } from './score';
import { worstStatus } from './status';
import { summariseFindings } from './summary';

const findingKey = (f: Finding) =>
  `${f.subject}\u0000${f.status}\u0000${f.message}`;

/** Rolls member evaluations up into the evaluation of `entityRef`. @public */
export function rollUpEvaluations(
  entityRef: string,
  evaluatedAt: string,
  members: readonly PostureEvaluation[],
): PostureEvaluation {
  const checks = new Map<string, CheckResult>();
  const seen = new Map<string, Set<string>>();
  for (const member of members) {
    for (const c of member.checks) {
      let merged = checks.get(c.checkId);
      if (!merged) {
        merged = { ...c, findings: [] };
        checks.set(c.checkId, merged);
        seen.set(c.checkId, new Set());
      }
      const keys = seen.get(c.checkId)!;
      // A vault two members share is one subject: the same finding is listed once.
      for (const f of c.findings) {
        const key = findingKey(f);
        if (keys.has(key)) continue;
        keys.add(key);
        merged.findings.push(f);
      }
    }
  }
  const results = [...checks.values()].map(c => ({
    ...c,
    status: worstStatus(c.findings.map(f => f.status)),
    summary: summariseFindings(c.findings),
  }));
  const lineage = new Map<string, LineageChain>();
  for (const member of members)
    for (const chain of member.lineage)
      if (!lineage.has(chain.resourceArn))
        lineage.set(chain.resourceArn, chain);
  return {
    entityRef,
    evaluatedAt,
    lineage: [...lineage.values()],
    checks: results,
    score: rollUpScores(members.map(m => m.score)),
  };
}
