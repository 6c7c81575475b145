/**
 * Azure Resource Manager (`management.azure.com`): subscriptions, Recovery Services vaults, key
 * vaults, role assignments and role definitions, read-only. Lists page with an absolute
 * `nextLink` carrying a `$skipToken`.
 */
import { ARM_PAGE_SIZE, AZURE_HOSTS } from '../constants';
import { AzureError, azureJson } from '../errors';
import {
  SimAzureEstate,
  SimAzureSubscription,
  SimKeyVault,
  SimRecoveryVault,
} from '../types';
import { renderKeyVault, renderRecoveryVault } from './armRender';
import {
  getRoleDefinition,
  listRoleAssignmentsForScope,
} from './authorization';
import { AzureRequestContext, AzureRoute } from './context';

const SUB = '/subscriptions/([^/]+)';
const RG = '/resourceGroups/([^/]+)';
const RSV = '/providers/Microsoft\\.RecoveryServices/vaults';
const KV = '/providers/Microsoft\\.KeyVault/vaults';

interface ArmOperation {
  pattern: RegExp;
  /** How the match names its resource; default `{ sub: m[1], rg: m[2], name: m[3] }`. */
  params?: (m: RegExpExecArray) => ArmParams;
  operation: string;
  /** The action the caller needs, for `AuthorizationFailed`. */
  action: string;
  /** Readable by any signed-in caller (built-in role definitions). */
  tenantWide?: boolean;
  answer: (ctx: AzureRequestContext, p: ArmParams) => Response;
}

interface ArmParams {
  sub: string;
  rg?: string;
  name?: string;
}

const re = (s: string) => new RegExp(`^${s}/?$`, 'i');

const OPERATIONS: ArmOperation[] = [
  {
    pattern: re('/subscriptions'),
    operation: 'Subscriptions_List',
    action: 'Microsoft.Resources/subscriptions/read',
    answer: ctx => listSubscriptions(ctx),
  },
  {
    pattern: re(SUB),
    operation: 'Subscriptions_Get',
    action: 'Microsoft.Resources/subscriptions/read',
    answer: (ctx, p) =>
      azureJson(renderSubscription(ctx, subscription(ctx, p.sub)!)),
  },
  {
    pattern: re(SUB + RSV),
    operation: 'RecoveryServicesVaults_ListBySubscriptionId',
    action: 'Microsoft.RecoveryServices/vaults/read',
    answer: (ctx, p) =>
      page(
        ctx,
        ctx.azure.recoveryVaults
          .filter(v => same(v.subscriptionId, p.sub))
          .map(v => renderRecoveryVault(ctx.azure, v)),
      ),
  },
  {
    pattern: re(SUB + RG + RSV),
    operation: 'RecoveryServicesVaults_ListByResourceGroup',
    action: 'Microsoft.RecoveryServices/vaults/read',
    answer: (ctx, p) =>
      page(
        ctx,
        ctx.azure.recoveryVaults
          .filter(
            v => same(v.subscriptionId, p.sub) && same(v.resourceGroup, p.rg),
          )
          .map(v => renderRecoveryVault(ctx.azure, v)),
      ),
  },
  {
    pattern: re(`${SUB + RG + RSV}/([^/]+)`),
    operation: 'RecoveryServicesVaults_Get',
    action: 'Microsoft.RecoveryServices/vaults/read',
    answer: (ctx, p) => {
      const v = ctx.azure.recoveryVaults.find(
        x =>
          same(x.subscriptionId, p.sub) &&
          same(x.resourceGroup, p.rg) &&
          same(x.name, p.name),
      );
      if (!v) throw notFound('Microsoft.RecoveryServices/vaults', p);
      return azureJson(renderRecoveryVault(ctx.azure, v));
    },
  },
  {
    pattern: re(SUB + KV),
    operation: 'KeyVaults_ListBySubscription',
    action: 'Microsoft.KeyVault/vaults/read',
    answer: (ctx, p) =>
      page(
        ctx,
        ctx.azure.keyVaults
          .filter(kv => same(kv.subscriptionId, p.sub))
          .map(kv => renderKeyVault(ctx.azure, kv)),
      ),
  },
  {
    pattern: re(SUB + RG + KV),
    operation: 'KeyVaults_ListByResourceGroup',
    action: 'Microsoft.KeyVault/vaults/read',
    answer: (ctx, p) =>
      page(
        ctx,
        ctx.azure.keyVaults
          .filter(
            kv =>
              same(kv.subscriptionId, p.sub) && same(kv.resourceGroup, p.rg),
          )
          .map(kv => renderKeyVault(ctx.azure, kv)),
      ),
  },
  {
    pattern: re(`${SUB + RG + KV}/([^/]+)`),
    operation: 'KeyVaults_Get',
    action: 'Microsoft.KeyVault/vaults/read',
    answer: (ctx, p) => {
      const kv = ctx.azure.keyVaults.find(
        x =>
          same(x.subscriptionId, p.sub) &&
          same(x.resourceGroup, p.rg) &&
          same(x.name, p.name),
      );
      if (!kv) throw notFound('Microsoft.KeyVault/vaults', p);
      return azureJson(renderKeyVault(ctx.azure, kv));
    },
  },
  {
    // Any scope in a subscription: the subscription, a resource group or a resource (a key vault).
    pattern: re(
      `(${SUB}(?:${RG})?(?:/providers/[^/]+/[^/]+/[^/]+)*)/providers/Microsoft\\.Authorization/roleAssignments`,
    ),
    params: m => ({ sub: m[2], rg: m[3], name: m[1] }),
    operation: 'RoleAssignments_ListForScope',
    action: 'Microsoft.Authorization/roleAssignments/read',
    answer: (ctx, p) =>
      page(
        ctx,
        listRoleAssignmentsForScope(
          ctx.azure,
          p.name!,
          ctx.target.query.get('$filter'),
        ),
      ),
  },
  {
    pattern: re(
      `(?:${SUB})?/providers/Microsoft\\.Authorization/roleDefinitions/([^/]+)`,
    ),
    params: m => ({ sub: m[1], name: m[2] }),
    operation: 'RoleDefinitions_GetById',
    action: 'Microsoft.Authorization/roleDefinitions/read',
    tenantWide: true,
    answer: (_ctx, p) => azureJson(getRoleDefinition(p.sub, p.name!)),
  },
];

/** The action an ARM operation needs (for `AuthorizationFailed` messages). */
export function armActionOf(operation: string): string | undefined {
  return OPERATIONS.find(op => op.operation === operation)?.action;
}

/** ARM matches resource group and provider names case-insensitively. */
function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

function subscription(
  ctx: AzureRequestContext,
  id: string,
): SimAzureSubscription | undefined {
  return ctx.azure.subscriptions.find(s => same(s.id, id));
}

function renderSubscription(ctx: AzureRequestContext, s: SimAzureSubscription) {
  return {
    id: `/subscriptions/${s.id}`,
    subscriptionId: s.id,
    tenantId: ctx.azure.tenantId,
    displayName: s.name,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'EnterpriseAgreement_2014-09-01',
      spendingLimit: 'Off',
    },
    authorizationSource: 'RoleBased',
  };
}

/** Only subscriptions where the caller holds a role are listed, as ARM does. */
function listSubscriptions(ctx: AzureRequestContext): Response {
  const appid = ctx.claims?.appid ?? '';
  return page(
    ctx,
    ctx.azure.subscriptions
      .filter(s => s.readerClientIds.includes(appid))
      .map(s => renderSubscription(ctx, s)),
  );
}

function notFound(type: string, p: { rg?: string; name?: string }): AzureError {
  return new AzureError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${p.name}' under resource group '${p.rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** Pages of `ARM_PAGE_SIZE` (or `$top`); `nextLink` is absolute, on management.azure.com. */
function page(ctx: AzureRequestContext, items: unknown[]): Response {
  const { query, path } = ctx.target;
  const top = query.get('$top');
  const size = top
    ? Math.max(1, Math.min(Number(top) || 1, 1000))
    : ARM_PAGE_SIZE;
  const skip = query.get('$skipToken');
  let offset = 0;
  if (skip) {
    const decoded = Number(Buffer.from(skip, 'base64url').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0)
      throw new AzureError(
        400,
        'InvalidSkipToken',
        `The skip token '${skip}' is invalid.`,
      );
    offset = decoded;
  }
  const value = items.slice(offset, offset + size);
  const next = offset + size;
  let nextLink: string | undefined;
  if (next < items.length) {
    const q = new URLSearchParams(query);
    q.set('$skipToken', Buffer.from(String(next)).toString('base64url'));
    nextLink = `https://${AZURE_HOSTS.management}${path}?${q.toString()}`;
  }
  return azureJson(nextLink ? { value, nextLink } : { value });
}

/** The location of the one resource a `_Get` names; lists are `global`. */
function regionOf(
  azure: SimAzureEstate,
  operation: string,
  p: { sub: string; rg?: string; name?: string },
): string {
  const pools: Record<string, Array<SimRecoveryVault | SimKeyVault>> = {
    RecoveryServicesVaults_Get: azure.recoveryVaults,
    KeyVaults_Get: azure.keyVaults,
  };
  const pool = pools[operation] ?? [];
  return (
    pool.find(
      x =>
        same(x.subscriptionId, p.sub) &&
        same(x.resourceGroup, p.rg) &&
        same(x.name, p.name),
    )?.location ?? 'global'
  );
}

export function routeArm(
  method: string,
  path: string,
  azure: SimAzureEstate,
): AzureRoute {
  for (const op of OPERATIONS) {
    const m = op.pattern.exec(path);
    if (!m) continue;
    const p = op.params ? op.params(m) : { sub: m[1], rg: m[2], name: m[3] };
    const isList = op.operation.startsWith('Subscriptions_List');
    return {
      service: 'azure-arm',
      operation: op.operation,
      // Subscriptions_List names no subscription: it is logged under the tenant.
      account: p.sub ?? azure.tenantId,
      region: regionOf(azure, op.operation, p),
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
        if (!isList && !(op.tenantWide && !p.sub))
          authorize(ctx, p.sub, p.rg, op.action);
        return op.answer(ctx, p);
      },
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

/** Subscription exists and the caller holds Reader on it. */
function authorize(
  ctx: AzureRequestContext,
  sub: string,
  rg: string | undefined,
  action: string,
): void {
  const s = subscription(ctx, sub);
  if (!s)
    throw new AzureError(
      404,
      'SubscriptionNotFound',
      `The subscription '${sub}' could not be found.`,
    );
  const claims = ctx.claims!;
  if (!s.readerClientIds.includes(claims.appid)) {
    const scope = `/subscriptions/${sub}${rg ? `/resourceGroups/${rg}` : ''}`;
    throw new AzureError(
      403,
      'AuthorizationFailed',
      `The client '${claims.appid}' with object id '${claims.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
}
