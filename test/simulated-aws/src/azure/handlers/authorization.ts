/**
 * `Microsoft.Authorization` on ARM, read-only: role assignments listed for a scope (with ARM's
 * `$filter`s) and role definitions by id, as `@azure/arm-authorization` 9.0.0 (api-version
 * 2022-04-01) reads them. Assignments live on the model's key vaults (their scope), plus the
 * subscriptions' Reader grants.
 */
import { createHash } from 'node:crypto';
import { AzureError } from '../errors';
import { keyVaultId } from '../model';
import { BUILT_IN_ROLES, roleByGuid, SimBuiltInRole } from '../roles';
import { SimAzureEstate } from '../types';

const CREATED = '2025-06-01T00:00:00.0000000Z';

function guidOf(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function roleDefinitionId(subscriptionId: string, guid: string) {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

/**
 * Every role assignment of the estate, as ARM renders it: the key vaults' own, and Reader on each
 * subscription for the service principals that hold it.
 */
function allAssignments(azure: SimAzureEstate) {
  const granted: Array<{
    subscriptionId: string;
    scope: string;
    principalId: string;
    role: SimBuiltInRole;
    condition?: string;
  }> = [
    ...azure.subscriptions.flatMap(sub =>
      azure.servicePrincipals
        .filter(sp => sub.readerClientIds.includes(sp.clientId))
        .map(sp => ({
          subscriptionId: sub.id,
          scope: `/subscriptions/${sub.id}`,
          principalId: sp.objectId,
          role: 'Reader' as const,
        })),
    ),
    ...azure.keyVaults.flatMap(kv =>
      kv.roleAssignments.map(ra => ({
        ...ra,
        subscriptionId: kv.subscriptionId,
        scope: keyVaultId(kv),
      })),
    ),
  ];
  return granted.map(ra => {
    const name = guidOf(`${ra.scope}|${ra.principalId}|${ra.role}`);
    return {
      properties: {
        roleDefinitionId: roleDefinitionId(
          ra.subscriptionId,
          BUILT_IN_ROLES[ra.role].guid,
        ),
        principalId: ra.principalId,
        principalType: 'ServicePrincipal',
        scope: ra.scope,
        condition: ra.condition ?? null,
        conditionVersion: ra.condition ? '2.0' : null,
        createdOn: CREATED,
        updatedOn: CREATED,
        createdBy: null,
        updatedBy: null,
        delegatedManagedIdentityResourceId: null,
        description: null,
      },
      id: `${ra.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      type: 'Microsoft.Authorization/roleAssignments',
      name,
    };
  });
}

const under = (child: string, parent: string) =>
  child === parent || child.startsWith(`${parent}/`);

/**
 * `GET {scope}/providers/Microsoft.Authorization/roleAssignments`: without a filter, those at,
 * above and below the scope; `atScope()`: at or above; `principalId eq '…'` /
 * `assignedTo('…')`: that principal's at, above and below.
 */
export function listRoleAssignmentsForScope(
  azure: SimAzureEstate,
  scope: string,
  filter: string | null,
): unknown[] {
  const s = scope.replace(/\/+$/, '').toLowerCase();
  let atScope = false;
  let principal: string | undefined;
  if (filter) {
    const m =
      /^\s*(?:principalId\s+eq\s+'([^']+)'|assignedTo\('([^']+)'\)|(atScope\(\)))\s*$/i.exec(
        filter,
      );
    if (!m)
      throw new AzureError(
        400,
        'InvalidFilterInQueryString',
        `The filter '${filter}' is not supported. Supported filters are 'atScope()', 'principalId eq {id}' and 'assignedTo({id})'.`,
      );
    principal = (m[1] ?? m[2])?.toLowerCase();
    atScope = !!m[3];
  }
  return allAssignments(azure).filter(a => {
    const at = a.properties.scope.toLowerCase();
    const related = atScope ? under(s, at) : under(s, at) || under(at, s);
    return (
      related &&
      (!principal || a.properties.principalId.toLowerCase() === principal)
    );
  });
}

/** `GET /[subscriptions/{sub}/]providers/Microsoft.Authorization/roleDefinitions/{guid}`. */
export function getRoleDefinition(
  subscriptionId: string | undefined,
  guid: string,
): unknown {
  const found = roleByGuid(guid);
  if (!found)
    throw new AzureError(
      404,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${guid}' does not exist.`,
    );
  const [roleName, def] = found;
  return {
    properties: {
      roleName,
      type: 'BuiltInRole',
      description: def.description,
      assignableScopes: ['/'],
      permissions: [
        {
          actions: def.actions,
          notActions: [],
          dataActions: def.dataActions,
          notDataActions: [],
        },
      ],
      createdOn: '2020-05-19T17:52:46.2349235Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
    id: subscriptionId
      ? roleDefinitionId(subscriptionId, def.guid)
      : `/providers/Microsoft.Authorization/roleDefinitions/${def.guid}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: def.guid,
  };
}
