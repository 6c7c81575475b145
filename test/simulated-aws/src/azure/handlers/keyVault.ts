/**
 * Key Vault data plane (`{name}.vault.azure.net`): key attributes and rotation policies, as
 * `@azure/keyvault-keys` 4.10 reads them. Authentication (the 401 challenge) is done by the
 * simulator before these run; data-plane permissions (access policies or RBAC) and the key
 * vault firewall are checked here. A key vault that does not exist has no host: see `routeKeyVault`.
 */
import { AzureError, azureJson } from '../errors';
import { findKeyVault } from '../model';
import {
  SimAzureEstate,
  SimKeyPermission,
  SimKeyVault,
  SimKeyVaultKey,
} from '../types';
import { AzureRoute } from './context';
import { authorize, forbidden } from './keyVaultAccess';
import { renderKeyBundle, renderRotationPolicy } from './keyVaultRender';

function keyNotFound(name: string): AzureError {
  return new AzureError(
    404,
    'KeyNotFound',
    `A key with (name/id) ${name} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
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
