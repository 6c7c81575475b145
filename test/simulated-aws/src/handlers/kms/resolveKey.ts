/**
 * How KMS finds the key a request names (key id, key ARN, alias name or alias ARN), and its errors.
 */
import { policyAllows } from '../../derive/policy';
import { SimKmsKey } from '../../model/types';
import { AwsError } from '../common/errors';
import { RequestContext } from '../common/context';

export const notFound = (message: string) =>
  new AwsError('NotFoundException', message);

function accessDenied(ctx: RequestContext, action: string, resource: string) {
  return new AwsError(
    'AccessDeniedException',
    `User: ${ctx.caller.principalArn} is not authorized to perform: kms:${action} on resource: ${resource} because no resource-based policy allows the kms:${action} action`,
  );
}

/**
 * Resolves a KeyId the way KMS does: key id, key ARN, alias name or alias ARN. Keys of another
 * account are reachable only by ARN and only when their key policy allows the caller.
 */
export function resolveKey(
  ctx: RequestContext,
  keyId: string | undefined,
  action: string,
  opts: { crossAccount: boolean } = { crossAccount: true },
): SimKmsKey {
  if (!keyId)
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  const { accountId, region } = {
    accountId: ctx.caller.accountId,
    region: ctx.region,
  };
  let owner = accountId;
  let keyRegion = region;
  let lookup: (k: SimKmsKey) => boolean;
  const arn = /^arn:aws:kms:([^:]+):(\d{12}):(key|alias)\/(.+)$/.exec(keyId);
  if (arn) {
    keyRegion = arn[1];
    owner = arn[2];
    lookup =
      arn[3] === 'key'
        ? k => k.keyId === arn[4]
        : k => k.aliases.includes(`alias/${arn[4]}`);
  } else if (keyId.startsWith('alias/')) {
    lookup = k => k.aliases.includes(keyId);
  } else {
    lookup = k => k.keyId === keyId;
  }
  if (keyRegion !== region) {
    throw notFound(`Invalid arn ${keyId}: the key is not in region ${region}`);
  }
  const key = ctx.estate.keys.find(
    k => k.accountId === owner && k.region === region && lookup(k),
  );
  if (owner !== accountId) {
    const allowed =
      opts.crossAccount &&
      key !== undefined &&
      policyAllows(key.policy, `kms:${action}`, {
        accountId,
        principalArn: ctx.caller.principalArn,
        organizationId: ctx.index.inOrganization(accountId)
          ? ctx.estate.organization.id
          : undefined,
      });
    if (!allowed) throw accessDenied(ctx, action, keyId);
  }
  if (!key) {
    throw notFound(
      keyId.startsWith('alias/') || arn?.[3] === 'alias'
        ? `Alias ${arn ? keyId : `arn:aws:kms:${region}:${accountId}:${keyId}`} is not found.`
        : `Key '${arn ? keyId : `arn:aws:kms:${region}:${accountId}:key/${keyId}`}' does not exist`,
    );
  }
  return key;
}
