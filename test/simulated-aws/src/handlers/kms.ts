import { policyAllows } from '../derive/policy';
import { SimKmsKey } from '../model/types';
import { AwsError, epoch, jsonResponse } from './common/errors';
import { pageSize, paginate } from './common/pagination';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
  parseAwsJson,
} from './common/context';

const notFound = (message: string) =>
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
function resolveKey(
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

function keyMetadata(key: SimKmsKey) {
  const regionOf = (arn: string) => arn.split(':')[3];
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epoch(key.creationDate),
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.keyState,
    DeletionDate: epoch(key.deletionDate),
    PendingDeletionWindowInDays:
      key.keyState === 'PendingDeletion' ? 7 : undefined,
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: key.multiRegion !== undefined,
    MultiRegionConfiguration: key.multiRegion
      ? {
          MultiRegionKeyType: key.multiRegion.type,
          PrimaryKey: {
            Arn: key.multiRegion.primaryArn,
            Region: regionOf(key.multiRegion.primaryArn),
          },
          ReplicaKeys: key.multiRegion.replicaArns.map(a => ({
            Arn: a,
            Region: regionOf(a),
          })),
        }
      : undefined,
  };
}

function describeKey(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  const key = resolveKey(ctx, input.KeyId, 'DescribeKey');
  return jsonResponse('awsJson1_1', { KeyMetadata: keyMetadata(key) });
}

function getKeyRotationStatus(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  const key = resolveKey(ctx, input.KeyId, 'GetKeyRotationStatus');
  if (key.keyState === 'PendingDeletion' || key.keyState === 'Disabled') {
    throw new AwsError(
      'KMSInvalidStateException',
      `${key.arn} is ${key.keyState === 'Disabled' ? 'disabled' : 'pending deletion'}.`,
    );
  }
  // A replica shares its primary's rotation.
  const primary =
    key.multiRegion?.type === 'REPLICA'
      ? (ctx.estate.keys.find(k => k.arn === key.multiRegion!.primaryArn) ??
        key)
      : key;
  const next = new Date(Date.parse(primary.creationDate));
  while (next.toISOString() < ctx.estate.now)
    next.setUTCDate(next.getUTCDate() + (primary.rotationPeriodInDays ?? 365));
  return jsonResponse('awsJson1_1', {
    KeyRotationEnabled: primary.rotationEnabled,
    KeyId: key.arn,
    RotationPeriodInDays: primary.rotationEnabled
      ? primary.rotationPeriodInDays
      : undefined,
    NextRotationDate: primary.rotationEnabled
      ? epoch(next.toISOString())
      : undefined,
  });
}

function getKeyPolicy(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  // GetKeyPolicy is not a cross-account operation.
  const key = resolveKey(ctx, input.KeyId, 'GetKeyPolicy', {
    crossAccount: false,
  });
  const policyName = input.PolicyName ?? 'default';
  if (policyName !== 'default')
    throw notFound(`No such policy exists: ${policyName}`);
  return jsonResponse('awsJson1_1', {
    Policy: JSON.stringify(key.policy, null, 2),
    PolicyName: 'default',
  });
}

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

function listAliases(
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

function listKeys(input: Record<string, any>, ctx: RequestContext): Response {
  const limit = pageSize(input.Limit, {
    min: 1,
    max: 1000,
    default: 100,
    name: 'limit',
    error: m => new AwsError('ValidationException', m),
  });
  const keys = ctx.estate.keys.filter(
    k => k.accountId === ctx.caller.accountId && k.region === ctx.region,
  );
  const { page, nextToken } = paginate(keys, {
    token: input.Marker,
    pageSize: limit,
    binding: 'ListKeys',
    invalidTokenError: () =>
      new AwsError('InvalidMarkerException', 'Invalid marker'),
  });
  return jsonResponse('awsJson1_1', {
    Keys: page.map(k => ({ KeyId: k.keyId, KeyArn: k.arn })),
    NextMarker: nextToken,
    Truncated: nextToken !== undefined,
  });
}

/** KMS (awsJson1.1, `TrentService.*`). */
export const kmsSimulator: ServiceSimulator = {
  signingName: 'kms',
  protocol: 'awsJson1_1',
  parse: (request, _url, body) => parseAwsJson(request, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    switch (operation) {
      case 'DescribeKey':
        return describeKey(input, ctx);
      case 'GetKeyRotationStatus':
        return getKeyRotationStatus(input, ctx);
      case 'GetKeyPolicy':
        return getKeyPolicy(input, ctx);
      case 'ListAliases':
        return listAliases(input, ctx);
      case 'ListKeys':
        return listKeys(input, ctx);
      default:
        throw new AwsError(
          'UnknownOperationException',
          `Unknown operation ${operation}`,
        );
    }
  },
};
