import { ARM_PAGE_SIZE, AZURE_HOSTS } from '../constants';
import { AzureError, azureJson } from '../errors';
import { AzureRequestContext } from './context';

/** Pages of `ARM_PAGE_SIZE` (or `$top`); `nextLink` is absolute, on management.azure.com. */
export function page(ctx: AzureRequestContext, items: unknown[]): Response {
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
