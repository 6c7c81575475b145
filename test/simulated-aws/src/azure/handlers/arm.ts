/**
 * Azure Resource Manager (`management.azure.com`): subscriptions, Recovery Services vaults, key
 * vaults, role assignments and role definitions, read-only. Lists page with an absolute
 * `nextLink` carrying a `$skipToken`.
 */
import { AzureError } from '../errors';
import { SimAzureEstate } from '../types';
import { AzureRoute } from './context';
import { authorizationFailed, authorize } from './armAccess';
import { OPERATIONS } from './armOperations';

export function routeArm(
  method: string,
  path: string,
  azure: SimAzureEstate,
): AzureRoute {
  for (const op of OPERATIONS) {
    const m = op.pattern.exec(path);
    if (!m) continue;
    const p = op.params ? op.params(m) : { sub: m[1], rg: m[2], name: m[3] };
    return {
      service: 'azure-arm',
      operation: op.operation,
      // Subscriptions_List names no subscription: it is logged under the tenant.
      account: p.sub ?? azure.tenantId,
      region: op.locate?.(azure, p)?.location ?? 'global',
      auth: 'arm',
      answer: ctx => {
        if (method !== 'GET')
          throw new AzureError(
            405,
            'MethodNotAllowed',
            `The simulated ARM is read-only: ${method} is not supported.`,
          );
        if (!ctx.target.query.get('api-version'))
          throw new AzureError(
            400,
            'MissingApiVersionParameter',
            'The api-version query parameter (?api-version=) is required for all requests.',
          );
        if (!(op.tenantWide && !p.sub)) authorize(ctx, p.sub, p.rg, op.action);
        return op.answer(ctx, p);
      },
      denied: caller => authorizationFailed(caller, op.action, p.sub, p.rg),
    };
  }
  return {
    service: 'azure-arm',
    operation: 'Unknown',
    account: /^\/subscriptions\/([^/]+)/i.exec(path)?.[1] ?? 'unknown',
    region: 'global',
    auth: 'arm',
    answer: () => {
      throw new AzureError(
        400,
        'InvalidResourceType',
        `The simulated ARM does not serve '${path}'.`,
      );
    },
  };
}
