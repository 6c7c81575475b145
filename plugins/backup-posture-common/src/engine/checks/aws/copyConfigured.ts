import { AwsResourceFact } from '../../../inventory';
import { Finding, LineageChain } from '../../../posture';
import { parseArn } from '../../aws/classify';
import { AwsContext } from '../../aws/context';
import { finding } from '../types';

/**
 * Shared by cross-region-copy-configured and cross-account-copy-configured: a resource has a copy
 * action whose destination differs in `dimension`, and the outcome of that copy (from lineage).
 */
export function evaluateCopyConfigured(
  ctx: AwsContext,
  lineage: LineageChain[],
  dimension: 'region' | 'account',
): Finding[] {
  const differs = (r: AwsResourceFact, arn: string) => {
    const p = parseArn(arn);
    return dimension === 'region'
      ? p?.region !== r.region
      : p?.account !== r.accountId;
  };
  return ctx.aws.resources.map(resource => {
    const rules = ctx.protectingRules(resource);
    const destinations = [
      ...new Set(
        rules
          .flatMap(r =>
            r.rule.copyActions.map(a => a.destinationBackupVaultArn),
          )
          .filter(d => differs(resource, d)),
      ),
    ].sort();
    const chain = lineage.find(c => c.resourceArn === resource.arn);
    if (destinations.length === 0) {
      const scopeError = ctx.scopeError(resource.accountId, resource.region);
      if (scopeError)
        return finding(
          resource.arn,
          'unknown',
          `plans not known: ${scopeError}`,
          {},
        );
      return finding(
        resource.arn,
        'fail',
        rules.length
          ? `no copy action to another ${dimension}`
          : `not protected by a plan, so no copy to another ${dimension}`,
        { destinations: [] },
      );
    }
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: every resource of the entity has a lineage chain
    const chainLinks = chain?.links ?? [];
    const links = chainLinks.filter(
      l => l.kind === 'copy' && l.vaultArn && destinations.includes(l.vaultArn),
    );
    const failed = links.filter(
      l => l.copyState === 'failed' || l.copyState === 'missing',
    );
    const evidence = {
      destinations,
      copyStates: links.map(l => `${l.vaultArn}: ${l.copyState}`),
    };
    if (failed.length) {
      return finding(
        resource.arn,
        'warn',
        `copy to another ${dimension} configured, but ${failed.map(l => `${l.vaultName ?? l.vaultArn} is ${l.copyState}${l.copyStatusMessage ? ` (${l.copyStatusMessage})` : ''}`).join('; ')}`,
        evidence,
      );
    }
    return finding(
      resource.arn,
      'pass',
      `copies to ${destinations.join(', ')}`,
      evidence,
    );
  });
}
