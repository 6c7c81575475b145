/**
 * Azure Resource Manager (`management.azure.com`): subscriptions, Recovery Services vaults, key
 * vaults, role assignments and role definitions, read-only. Lists page with an absolute
 * `nextLink` carrying a `$skipToken`.
 */
import { ARM_PAGE_SIZE, AZURE_HOSTS } from '../constants';
import { AzureError, azureJson } from '../errors';
import { SimAzureEstate, SimAzureSubscription } from '../types';
import { renderKeyVault, renderRecoveryVault } from './armRender';
import {
  getRoleDefinition,
  listRoleAssignmentsForScope,
} from './authorization';
import { AzureCaller, AzureRequestContext, AzureRoute } from './context';

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
  /** Without a subscription in the path, answered to any signed-in caller (role definitions, the subscription list). */
  tenantWide?: boolean;
  /** The one resource a `_Get` names (its location is the call log's region). */
  locate?: (
    azure: SimAzureEstate,
    p: ArmParams,
  ) => { location: string } | undefined;
  answer: (ctx: AzureRequestContext, p: ArmParams) => Response;
}

interface ArmParams {
  sub: string;
  rg?: string;
  name?: string;
}

const re = (s: string) => new RegExp(`^${s}/?$`, 'i');

interface ArmResource {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
}

/** A resource type's three read operations: list by subscription, by resource group, and get. */
function resourceOperations<T extends ArmResource>(r: {
  provider: string;
  type: string;
  operations: { bySubscription: string; byResourceGroup: string; get: string };
  pool: (azure: SimAzureEstate) => T[];
  render: (azure: SimAzureEstate, item: T) => Record<string, unknown>;
}): ArmOperation[] {
  const action = `${r.type}/read`;
  const inScope = (x: T, p: ArmParams) =>
    same(x.subscriptionId, p.sub) && (!p.rg || same(x.resourceGroup, p.rg));
  const list: ArmOperation['answer'] = (ctx, p) =>
    page(
      ctx,
      r
        .pool(ctx.azure)
        .filter(x => inScope(x, p))
        .map(x => r.render(ctx.azure, x)),
    );
  const find = (azure: SimAzureEstate, p: ArmParams) =>
    r.pool(azure).find(x => inScope(x, p) && same(x.name, p.name));
  return [
    {
      pattern: re(SUB + r.provider),
      operation: r.operations.bySubscription,
      action,
      answer: list,
    },
    {
      pattern: re(SUB + RG + r.provider),
      operation: r.operations.byResourceGroup,
      action,
      answer: list,
    },
    {
      pattern: re(`${SUB + RG + r.provider}/([^/]+)`),
      operation: r.operations.get,
      action,
      locate: find,
      answer: (ctx, p) => {
        const item = find(ctx.azure, p);
        if (!item) throw notFound(r.type, p);
        return azureJson(r.render(ctx.azure, item));
      },
    },
  ];
}

const OPERATIONS: ArmOperation[] = [
  {
    pattern: re('/subscriptions'),
    operation: 'Subscriptions_List',
    action: 'Microsoft.Resources/subscriptions/read',
    // Lists only the subscriptions where the caller holds a role.
    tenantWide: true,
    answer: ctx => listSubscriptions(ctx),
  },
  {
    pattern: re(SUB),
    operation: 'Subscriptions_Get',
    action: 'Microsoft.Resources/subscriptions/read',
    answer: (ctx, p) =>
      azureJson(renderSubscription(ctx, subscription(ctx, p.sub)!)),
  },
  ...resourceOperations({
    provider: RSV,
    type: 'Microsoft.RecoveryServices/vaults',
    operations: {
      bySubscription: 'RecoveryServicesVaults_ListBySubscriptionId',
      byResourceGroup: 'RecoveryServicesVaults_ListByResourceGroup',
      get: 'RecoveryServicesVaults_Get',
    },
    pool: azure => azure.recoveryVaults,
    render: renderRecoveryVault,
  }),
  ...resourceOperations({
    provider: KV,
    type: 'Microsoft.KeyVault/vaults',
    operations: {
      bySubscription: 'KeyVaults_ListBySubscription',
      byResourceGroup: 'KeyVaults_ListByResourceGroup',
      get: 'KeyVaults_Get',
    },
    pool: azure => azure.keyVaults,
    render: renderKeyVault,
  }),
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
  if (!s.readerClientIds.includes(claims.appid))
    throw authorizationFailed(claims, action, sub, rg);
}

/** ARM's answer to a caller without the role an action needs. */
function authorizationFailed(
  caller: AzureCaller,
  action: string,
  sub: string | undefined,
  rg: string | undefined,
): AzureError {
  const scope = sub
    ? `/subscriptions/${sub}${rg ? `/resourceGroups/${rg}` : ''}`
    : '/';
  return new AzureError(
    403,
    'AuthorizationFailed',
    `The client '${caller.appid}' with object id '${caller.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
