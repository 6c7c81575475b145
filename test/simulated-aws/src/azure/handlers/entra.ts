/**
 * Entra ID (`login.microsoftonline.com`): the client-credentials token endpoint that
 * `ClientSecretCredential` calls (`POST /{tenant}/oauth2/v2.0/token`).
 */
import { AZURE_AUDIENCES } from '../constants';
import { EntraError, azureJson, entraErrorResponse } from '../errors';
import { AzureRequestContext, AzureRoute } from './context';

const TOKEN_LIFETIME_S = 3599;

export function routeEntra(
  method: string,
  path: string,
): AzureRoute | undefined {
  const m = /^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/.exec(path);
  if (!m || method !== 'POST') return undefined;
  const tenant = decodeURIComponent(m[1]);
  return {
    service: 'azure-ad',
    operation: 'Token',
    account: tenant,
    region: 'global',
    auth: 'none',
    answer: ctx => token(ctx, tenant),
  };
}

async function token(
  ctx: AzureRequestContext,
  tenant: string,
): Promise<Response> {
  const { azure } = ctx;
  const form = new URLSearchParams(await ctx.request.text());
  try {
    if (tenant.toLowerCase() !== azure.tenantId.toLowerCase())
      throw new EntraError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      );
    if (form.get('grant_type') !== 'client_credentials')
      throw new EntraError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    const clientId = form.get('client_id') ?? '';
    const sp = azure.servicePrincipals.find(p => p.clientId === clientId);
    if (!sp)
      throw new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    if (form.get('client_secret') !== sp.clientSecret)
      throw new EntraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    const scope = (form.get('scope') ?? '')
      .split(' ')
      .find(s => s.endsWith('/.default'));
    const resource = scope?.slice(0, -'/.default'.length).replace(/\/+$/, '');
    if (!resource || !Object.values(AZURE_AUDIENCES).some(a => a === resource))
      throw new EntraError(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource ?? form.get('scope')} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    const now = Math.floor(ctx.wallClockNow().getTime() / 1000);
    const accessToken = ctx.issuer.issue({
      aud: resource,
      tid: azure.tenantId,
      appid: sp.clientId,
      oid: sp.objectId,
      iss: `https://sts.windows.net/${azure.tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + TOKEN_LIFETIME_S,
    });
    return azureJson({
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_S,
      ext_expires_in: TOKEN_LIFETIME_S,
      access_token: accessToken,
    });
  } catch (e) {
    if (e instanceof EntraError) return entraErrorResponse(e);
    throw e;
  }
}
