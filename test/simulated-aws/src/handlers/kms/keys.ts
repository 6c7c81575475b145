/** KMS operations on keys: DescribeKey, GetKeyRotationStatus, GetKeyPolicy and ListKeys. */
import { SimKmsKey } from '../../model/types';
import { AwsError, epoch, jsonResponse } from '../common/errors';
import { pageSize, paginate } from '../common/pagination';
import { RequestContext } from '../common/context';
import { notFound, resolveKey } from './resolveKey';

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

export function describeKey(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  const key = resolveKey(ctx, input.KeyId, 'DescribeKey');
  return jsonResponse('awsJson1_1', { KeyMetadata: keyMetadata(key) });
}

export function getKeyRotationStatus(
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

export function getKeyPolicy(
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

export function listKeys(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
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
