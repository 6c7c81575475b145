/**
 * Key Vault data plane (`{name}.vault.azure.net`): key attributes and rotation policies, as
 * `@azure/keyvault-keys` 4.10 reads them. Authentication (the 401 challenge) is done by the
 * simulator before these run; data-plane permissions (access policies or RBAC) and the key
 * vault firewall are checked here. A key vault that does not exist has no host: see `routeKeyVault`.
 */
import { createHash } from 'node:crypto';
import { AzureError, azureJson } from '../errors';
import {
  findKeyVault,
  keyVaultId,
  hasKeyPermission,
  recoveryLevel,
} from '../model';
import {
  SimAzureEstate,
  SimKeyPermission,
  SimKeyVault,
  SimKeyVaultKey,
  SimKeyVersion,
} from '../types';
import { AzureCaller, AzureRequestContext, AzureRoute } from './context';

const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A deterministic stand-in for the RSA modulus: the right length, never a real key. */
function fakeModulus(seed: string, bits: number): string {
  const out: Buffer[] = [];
  let h = seed;
  while (out.length * 32 < bits / 8) {
    h = createHash('sha256').update(h).digest('hex');
    out.push(Buffer.from(h, 'hex'));
  }
  const n = Buffer.concat(out).subarray(0, bits / 8);
  n[0] |= 0x80; // the top bit of a modulus is set
  return n.toString('base64url');
}

function renderKeyBundle(
  kv: SimKeyVault,
  key: SimKeyVaultKey,
  v: SimKeyVersion,
) {
  const kid = `https://${kv.name}.vault.azure.net/keys/${key.name}/${v.version}`;
  const rsa = v.kty.startsWith('RSA');
  return {
    key: rsa
      ? {
          kid,
          kty: v.kty,
          key_ops: [
            'encrypt',
            'decrypt',
            'sign',
            'verify',
            'wrapKey',
            'unwrapKey',
          ],
          n: fakeModulus(kid, v.size ?? 2048),
          e: 'AQAB',
        }
      : {
          kid,
          kty: v.kty,
          key_ops: ['sign', 'verify'],
          crv: 'P-256',
          x: fakeModulus(`${kid}x`, 256),
          y: fakeModulus(`${kid}y`, 256),
        },
    attributes: {
      enabled: v.enabled,
      ...(v.notBefore ? { nbf: epoch(v.notBefore) } : {}),
      ...(v.expires ? { exp: epoch(v.expires) } : {}),
      created: epoch(v.created),
      updated: epoch(v.created),
      recoveryLevel: recoveryLevel(kv),
      ...(kv.enableSoftDelete
        ? { recoverableDays: kv.softDeleteRetentionInDays }
        : {}),
      exportable: false,
    },
    tags: {},
  };
}

function renderRotationPolicy(kv: SimKeyVault, key: SimKeyVaultKey) {
  const id = `https://${kv.name}.vault.azure.net/keys/${key.name}/rotationpolicy`;
  const p = key.rotationPolicy;
  // A key whose policy was never set answers an empty policy (no actions, no attributes).
  if (!p) return { id, lifetimeActions: [], attributes: {} };
  const lifetimeActions: unknown[] = [];
  if (p.rotateAfterCreate)
    lifetimeActions.push({
      trigger: { timeAfterCreate: p.rotateAfterCreate },
      action: { type: 'Rotate' },
    });
  if (p.rotateBeforeExpiry)
    lifetimeActions.push({
      trigger: { timeBeforeExpiry: p.rotateBeforeExpiry },
      action: { type: 'Rotate' },
    });
  if (p.notifyBeforeExpiry)
    lifetimeActions.push({
      trigger: { timeBeforeExpiry: p.notifyBeforeExpiry },
      action: { type: 'Notify' },
    });
  return {
    id,
    lifetimeActions,
    attributes: {
      ...(p.expiryTime ? { expiryTime: p.expiryTime } : {}),
      created: epoch(p.created),
      updated: epoch(p.updated),
    },
  };
}

function keyNotFound(name: string): AzureError {
  return new AzureError(
    404,
    'KeyNotFound',
    `A key with (name/id) ${name} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
  );
}

/** How Key Vault names a caller in its error messages. */
const callerText = (c: AzureCaller) =>
  `appid=${c.appid};oid=${c.oid};iss=https://sts.windows.net/${c.tid}/`;

/** The data-plane checks Key Vault makes after authentication: firewall, then permission. */
function authorize(
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
function forbidden(
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

interface KvOperation {
  pattern: RegExp;
  operation: string;
  permission: SimKeyPermission;
  action: string;
  answer: (kv: SimKeyVault, m: RegExpExecArray) => Response;
}

function findKey(kv: SimKeyVault, name: string): SimKeyVaultKey {
  const key = kv.keys.find(k => k.name.toLowerCase() === name.toLowerCase());
  if (!key) throw keyNotFound(name);
  return key;
}

const OPERATIONS: KvOperation[] = [
  {
    pattern: /^\/keys\/([^/]+)\/rotationpolicy\/?$/i,
    operation: 'Keys_GetRotationPolicy',
    permission: 'getrotationpolicy',
    action: 'Microsoft.KeyVault/vaults/keyrotationpolicies/read',
    answer: (kv, m) =>
      azureJson(
        renderRotationPolicy(kv, findKey(kv, decodeURIComponent(m[1]))),
      ),
  },
  {
    pattern: /^\/keys\/([^/]+)\/versions\/?$/i,
    operation: 'Keys_ListVersions',
    permission: 'list',
    action: 'Microsoft.KeyVault/vaults/keys/read',
    answer: (kv, m) => {
      const key = findKey(kv, decodeURIComponent(m[1]));
      return azureJson({
        value: key.versions.map(v => {
          const b = renderKeyBundle(kv, key, v);
          return { kid: b.key.kid, attributes: b.attributes, tags: b.tags };
        }),
        nextLink: null,
      });
    },
  },
  {
    pattern: /^\/keys\/?$/i,
    operation: 'Keys_List',
    permission: 'list',
    action: 'Microsoft.KeyVault/vaults/keys/read',
    answer: kv =>
      azureJson({
        value: kv.keys.map(key => {
          const current = key.versions[key.versions.length - 1];
          const b = renderKeyBundle(kv, key, current);
          return {
            kid: `https://${kv.name}.vault.azure.net/keys/${key.name}`,
            attributes: b.attributes,
            tags: b.tags,
          };
        }),
        nextLink: null,
      }),
  },
  {
    // `getKey(name)` sends `/keys/{name}/` (empty version); `/keys/{name}/{version}` with one.
    pattern: /^\/keys\/([^/]+)(?:\/([^/]*))?\/?$/i,
    operation: 'Keys_Get',
    permission: 'get',
    action: 'Microsoft.KeyVault/vaults/keys/read',
    answer: (kv, m) => {
      const name = decodeURIComponent(m[1]);
      const version = m[2] ? decodeURIComponent(m[2]) : undefined;
      const key = findKey(kv, name);
      const v = version
        ? key.versions.find(x => x.version === version.toLowerCase())
        : key.versions[key.versions.length - 1];
      if (!v) throw keyNotFound(`${name}/${version}`);
      return azureJson(renderKeyBundle(kv, key, v));
    },
  },
];

export function routeKeyVault(
  method: string,
  keyVaultName: string,
  path: string,
  azure: SimAzureEstate,
): AzureRoute {
  const kv = findKeyVault(azure, keyVaultName);
  const op = OPERATIONS.find(o => o.pattern.test(path));
  const route: AzureRoute = {
    service: 'azure-keyvault',
    operation: op?.operation ?? 'Unknown',
    account: kv?.subscriptionId ?? 'unknown',
    region: kv?.location ?? 'global',
    auth: 'keyvault',
  };
  // No such key vault: its DNS name does not resolve (no `answer`).
  if (!kv) return { ...route, auth: 'none' };
  return {
    ...route,
    answer: ctx => {
      if (!op)
        throw new AzureError(
          400,
          'BadParameter',
          `The simulated Key Vault does not serve ${method} ${path}.`,
        );
      if (method !== 'GET')
        throw new AzureError(
          405,
          'MethodNotAllowed',
          `${method} is not supported by the simulator.`,
        );
      authorize(ctx, kv, op.permission, op.action, path.replace(/\/+$/, ''));
      return op.answer(kv, op.pattern.exec(path)!);
    },
    ...(op
      ? {
          denied: c =>
            forbidden(
              c,
              kv,
              op.permission,
              op.action,
              path.replace(/\/+$/, ''),
            ),
        }
      : {}),
  };
}
