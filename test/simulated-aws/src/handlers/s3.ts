import { AwsError, escapeXml } from './common/errors';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from './common/context';

const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
/** Virtual-hosted style: `{bucket}.s3.{region}.amazonaws.com`, or `{bucket}.localhost`. */
const VIRTUAL_HOST =
  /^(.+?)\.(?:s3(?:[.-][\w-]+)*\.amazonaws\.com|localhost)(?::\d+)?$/;

/** The bucket a request names: from a virtual-hosted host, else the first path segment. */
function bucketOf(url: URL): { bucket: string; rest: string } {
  const hosted = VIRTUAL_HOST.exec(url.host);
  if (hosted) return { bucket: hosted[1], rest: url.pathname };
  const [, bucket = '', ...rest] = url.pathname.split('/');
  return { bucket: decodeURIComponent(bucket), rest: `/${rest.join('/')}` };
}

function getBucketEncryption(
  input: Record<string, any>,
  ctx: RequestContext,
): Response {
  const bucket = ctx.estate.resources.find(
    r => r.type === 'S3' && r.name === input.Bucket,
  );
  if (!bucket) {
    throw new AwsError(
      'NoSuchBucket',
      'The specified bucket does not exist',
      404,
    );
  }
  const expectedOwner = ctx.request.headers.get('x-amz-expected-bucket-owner');
  if (
    bucket.accountId !== ctx.caller.accountId ||
    (expectedOwner && expectedOwner !== bucket.accountId)
  ) {
    throw new AwsError('AccessDenied', 'Access Denied', 403);
  }
  if (bucket.region !== ctx.region) {
    throw new AwsError(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      301,
    );
  }
  if (!bucket.kmsKeyArn) {
    throw new AwsError(
      'ServerSideEncryptionConfigurationNotFoundError',
      'The server side encryption configuration was not found',
      404,
    );
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="${NAMESPACE}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${escapeXml(bucket.kmsKeyArn)}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`;
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'application/xml',
      'x-amz-request-id': `sim-${Math.random().toString(16).slice(2, 10)}`,
    },
  });
}

/** Amazon S3 (restXml): `GET /{Bucket}?encryption`, path-style or virtual-hosted. */
export const s3Simulator: ServiceSimulator = {
  signingName: 's3',
  protocol: 'restXml',
  /** IAM names GetBucketEncryption's permission s3:GetEncryptionConfiguration. */
  iamAction: operation =>
    operation === 'GetBucketEncryption'
      ? 's3:GetEncryptionConfiguration'
      : `s3:${operation}`,
  parse(request, url) {
    const { bucket, rest } = bucketOf(url);
    if (
      request.method === 'GET' &&
      bucket &&
      rest.replace(/\/+$/, '') === '' &&
      url.searchParams.has('encryption')
    ) {
      return { operation: 'GetBucketEncryption', input: { Bucket: bucket } };
    }
    return { operation: `${request.method} ${url.pathname}`, input: {} };
  },
  handle({ operation, input }: ParsedOperation, ctx) {
    if (operation === 'GetBucketEncryption')
      return getBucketEncryption(input, ctx);
    throw new AwsError(
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
      501,
    );
  },
};
