/** KMS ListAliases, with the aliases AWS lists for AWS-managed keys not created yet. */
import { AwsError, epoch, jsonResponse } from '../common/errors';
import { pageSize, paginate } from '../common/pagination';
import { RequestContext } from '../common/context';
import { resolveKey } from './resolveKey';

interface AliasEntry {
  AliasName: string;
  AliasArn: string;
  TargetKeyId?: string;
  CreationDate?: number;
  LastUpdatedDate?: number;
}

/**
 * AWS lists the aliases of AWS-managed keys that a service has not created yet, without a
 * TargetKeyId: listing aliases is not proof that a key exists.
 */
const PREDEFINED_AWS_ALIASES = [
  'alias/aws/dynamodb',
  'alias/aws/elasticfilesystem',
  'alias/aws/redshift',
  'alias/aws/s3',
];

function withPredefinedAliases(
  aliases: AliasEntry[],
  ctx: RequestContext,
): AliasEntry[] {
  const present = new Set(aliases.map(a => a.AliasName));
  const missing = PREDEFINED_AWS_ALIASES.filter(a => !present.has(a)).map(
    alias => ({
      AliasName: alias,
      AliasArn: `arn:aws:kms:${ctx.region}:${ctx.caller.accountId}:${alias}`,
    }),
  );
  return [...aliases, ...missing].sort((a, b) =>
    a.AliasName.localeCompare(b.AliasName),
  );
}

export function listAliases(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  const limit = pageSize(input.Limit, {
    min: 1,
    max: 100,
    default: 50,
    name: 'limit',
    error: m => new AwsError('ValidationException', m),
  });
  const { accountId } = ctx.caller;
  let keys = ctx.estate.keys.filter(
    k => k.accountId === accountId && k.region === ctx.region,
  );
  if (input.KeyId) {
    if (String(input.KeyId).includes('alias/')) {
      throw new AwsError('InvalidArnException', `Invalid keyId ${input.KeyId}`);
    }
    const key = resolveKey(ctx, input.KeyId, 'ListAliases', {
      crossAccount: false,
    });
    keys = [key];
  }
  let aliases: AliasEntry[] = keys
    .flatMap(k =>
      k.aliases.map(alias => ({
        AliasName: alias,
        AliasArn: `arn:aws:kms:${ctx.region}:${accountId}:${alias}`,
        TargetKeyId: k.keyId,
        CreationDate: epoch(k.creationDate),
        LastUpdatedDate: epoch(k.creationDate),
      })),
    )
    .sort((a, b) => a.AliasName.localeCompare(b.AliasName));
  if (!input.KeyId) aliases = withPredefinedAliases(aliases, ctx);
  const { page, nextToken } = paginate(aliases, {
    token: input.Marker,
    pageSize: limit,
    binding: `ListAliases:${input.KeyId ?? ''}`,
    invalidTokenError: () =>
      new AwsError('InvalidMarkerException', 'Invalid marker'),
  });
  return jsonResponse('awsJson1_1', {
    Aliases: page,
    NextMarker: nextToken,
    Truncated: nextToken !== undefined,
  });
}
