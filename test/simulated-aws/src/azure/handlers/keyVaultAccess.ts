/**
 * Key Vault's data-plane checks after authentication (firewall, then access policy or RBAC
 * permission) and its answers when they fail.
 */
import { AzureError } from '../errors';
import { hasKeyPermission, keyVaultId } from '../model';
import { SimKeyPermission, SimKeyVault } from '../types';
import { AzureCaller, AzureRequestContext } from './context';

/** How Key Vault names a caller in its error messages. */
const callerText = (c: AzureCaller) =>
  `appid=${c.appid};oid=${c.oid};iss=https://sts.windows.net/${c.tid}/`;

/** The data-plane checks Key Vault makes after authentication: firewall, then permission. */
export function authorize(
  ctx: AzureRequestContext,
  kv: SimKeyVault,
  permission: SimKeyPermission,
  action: string,
  resourcePath: string,
): void {
  const c = ctx.claims!;
  const caller = callerText(c);
  // The scanner calls from outside the key vault's network rules.
  if (
    kv.publicNetworkAccess === 'Disabled' ||
    kv.networkDefaultAction === 'Deny'
  )
    throw new AzureError(
      403,
      'Forbidden',
      `Client address is not authorized and caller is not a trusted service.\r\nClient address: 203.0.113.10\r\nCaller: ${caller}\r\nVault: ${kv.name};location=${kv.location}`,
      { innerCode: 'ForbiddenByFirewall' },
    );
  if (hasKeyPermission(kv, c.oid, permission)) return;
  throw forbidden(c, kv, permission, action, resourcePath);
}

/** Key Vault's answer to a caller without `permission`, under the key vault's permission model. */
export function forbidden(
  c: AzureCaller,
  kv: SimKeyVault,
  permission: SimKeyPermission,
  action: string,
  resourcePath: string,
): AzureError {
  if (kv.enableRbacAuthorization)
    return new AzureError(
      403,
      'Forbidden',
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${callerText(c)}\r\nAction: '${action}'\r\nResource: '${keyVaultId(kv).toLowerCase()}${resourcePath}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: ${kv.name};location=${kv.location}\r\n`,
      { innerCode: 'ForbiddenByRbac' },
    );
  return forbiddenByPolicy(c, kv, permission);
}

/** Key Vault's answer to a caller whose access policy lacks `permission`. */
function forbiddenByPolicy(
  c: AzureCaller,
  kv: SimKeyVault,
  permission: SimKeyPermission,
): AzureError {
  return new AzureError(
    403,
    'Forbidden',
    `The user, group or application '${callerText(c)}' does not have keys ${permission} permission on key vault '${kv.name};location=${kv.location}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    { innerCode: 'ForbiddenByPolicy' },
  );
}
