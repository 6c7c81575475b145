/**
 * ARM's name matching, subscription lookup, and its answers to a missing resource or a caller
 * without the role an action needs.
 */
import { AzureError } from '../errors';
import { SimAzureSubscription } from '../types';
import { AzureCaller, AzureRequestContext } from './context';

/** ARM matches resource group and provider names case-insensitively. */
export function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

export function subscription(
  ctx: AzureRequestContext,
  id: string,
): SimAzureSubscription | undefined {
  return ctx.azure.subscriptions.find(s => same(s.id, id));
}

export function notFound(
  type: string,
  p: { rg?: string; name?: string },
): AzureError {
  return new AzureError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${p.name}' under resource group '${p.rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** Subscription exists and the caller holds Reader on it. */
export function authorize(
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
export function authorizationFailed(
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
