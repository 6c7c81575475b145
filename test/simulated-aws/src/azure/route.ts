/**
 * Where an Azure request was meant to go. Requests arrive either directly
 * (`https://management.azure.com/subscriptions/…`, msw `setupServer`) or through an endpoint
 * override that prefixes the original host to the path
 * (`http://127.0.0.1:4566/management.azure.com/subscriptions/…`); both resolve to the same target.
 */
import { AZURE_HOSTS } from './constants';

export type AzureHostKind = 'login' | 'management' | 'keyvault';

export interface AzureTarget {
  kind: AzureHostKind;
  /** The original host, lower case, e.g. `kv-hr-prod-jpe.vault.azure.net`. */
  host: string;
  /** The original path, starting with `/` (trailing slash kept: Key Vault's `getKey` sends one). */
  path: string;
  query: URLSearchParams;
  /** For key vault hosts: the key vault name. */
  keyVaultName?: string;
}

function hostKind(
  host: string,
): { kind: AzureHostKind; keyVaultName?: string } | undefined {
  const h = host.toLowerCase().replace(/:443$/, '');
  if (h === AZURE_HOSTS.login) return { kind: 'login' };
  if (h === AZURE_HOSTS.management) return { kind: 'management' };
  const kv = /^([a-z0-9-]+)\.vault\.azure\.net$/.exec(h);
  if (kv) return { kind: 'keyvault', keyVaultName: kv[1] };
  return undefined;
}

export function azureTarget(url: URL): AzureTarget | undefined {
  const direct = hostKind(url.host);
  if (direct)
    return {
      ...direct,
      host: url.host.toLowerCase(),
      path: url.pathname || '/',
      query: url.searchParams,
    };
  // Endpoint override: `/{originalHost}{originalPath}`.
  const m = /^\/([^/]+)(\/.*)?$/.exec(url.pathname);
  const rewritten = m && hostKind(m[1]);
  if (!m || !rewritten) return undefined;
  return {
    ...rewritten,
    host: m[1].toLowerCase(),
    path: m[2] || '/',
    query: url.searchParams,
  };
}
