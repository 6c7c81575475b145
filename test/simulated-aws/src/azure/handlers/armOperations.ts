/**
 * The read operations the simulated ARM serves: each one's path pattern, name, required action and
 * answer.
 */
import { azureJson } from '../errors';
import { SimAzureEstate, SimAzureSubscription } from '../types';
import { renderKeyVault, renderRecoveryVault } from './armRender';
import {
  getRoleDefinition,
  listRoleAssignmentsForScope,
} from './authorization';
import { AzureRequestContext } from './context';
import { notFound, same, subscription } from './armAccess';
import { page } from './armPaging';

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

export const OPERATIONS: ArmOperation[] = [
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
