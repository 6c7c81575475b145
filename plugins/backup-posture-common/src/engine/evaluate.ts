import { EntityInventory } from '../inventory';
import { CheckResult, LineageChain, PostureEvaluation } from '../posture';
import { builtInChecks } from './checks';
import { isAwsCheck, isAzureCheck } from './checks/backupPostureCheck';
import { providerCloudRuns } from './providerClouds';
import { PostureCheck } from './checks/types';
import { AwsContext } from './aws/context';
import { AzureContext } from './azure/context';
import { EvaluationClock } from './clock';
import { buildAzureLineage } from './azure/lineage';
import { applyExceptions } from './exceptions';
import { buildLineage } from './aws/lineage';
import { DEFAULT_POSTURE_LIMITS, EvaluateOptions } from './options';
import { scoreChecks } from './score';
import { worstStatus } from './status';
import { summariseFindings } from './summary';

function runCheck<I>(
  check: PostureCheck<I>,
  input: I,
  entityRef: string,
  options: EvaluateOptions,
  now: EvaluationClock,
): CheckResult {
  const def = check.definition;
  const findings = applyExceptions(
    entityRef,
    def.id,
    check.evaluate(input),
    // Stryker disable next-line ArrayDeclaration: an entry that is not an exception object matches no finding, so a filled default changes nothing
    options.exceptions ?? [],
    now,
  );
  return {
    checkId: def.id,
    title: def.title,
    cloud: def.cloud,
    severity: def.severity,
    rules: def.rules,
    status: worstStatus(findings.map(f => f.status)),
    summary: summariseFindings(findings),
    findings,
    remediation: def.remediation,
  };
}

/**
 * Evaluates one entity's inventory: key lineage, every check of each cloud the inventory covers
 * (`options.checks`, the built-in checks by default; AWS, Azure, then the clouds of backend
 * modules by name, each cloud's checks in the given order), exceptions and the score. Pure and deterministic when `options.now` is given.
 *
 * @public
 */
export function evaluatePosture(
  inventory: EntityInventory,
  options: EvaluateOptions = {},
): PostureEvaluation {
  const evaluatedAt = options.now ?? new Date().toISOString();
  // Every time comparison goes through it: it tells until when this evaluation holds.
  const now = new EvaluationClock(new Date(evaluatedAt));
  const limits = { ...DEFAULT_POSTURE_LIMITS, ...options.limits };
  const given = options.checks ?? builtInChecks;
  const awsChecks = given.filter(isAwsCheck);
  const azureChecks = given.filter(isAzureCheck);
  const checks: CheckResult[] = [];
  const aws = new AwsContext(inventory, now, limits);
  const lineage: LineageChain[] = aws.present ? buildLineage(aws) : [];
  if (aws.present) {
    for (const check of awsChecks) {
      checks.push(
        runCheck(
          check,
          { ctx: aws, lineage },
          inventory.entityRef,
          options,
          now,
        ),
      );
    }
  }
  const azure = new AzureContext(inventory, now, limits);
  if (azure.present) {
    lineage.push(...buildAzureLineage(azure));
    for (const check of azureChecks) {
      checks.push(
        runCheck(check, { ctx: azure }, inventory.entityRef, options, now),
      );
    }
  }
  for (const run of providerCloudRuns(inventory, given, options, now, limits)) {
    lineage.push(...run.input.lineage);
    for (const check of run.checks) {
      checks.push(
        runCheck(check, run.input, inventory.entityRef, options, now),
      );
    }
  }
  const validUntil = now.validUntil();
  return {
    entityRef: inventory.entityRef,
    evaluatedAt,
    ...(validUntil ? { validUntil } : {}),
    lineage,
    checks,
    score: scoreChecks(checks),
  };
}
