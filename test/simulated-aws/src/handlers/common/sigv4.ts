export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const AUTH_PATTERN =
  /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

/**
 * Reads the SigV4 credential scope from the Authorization header (or a presigned URL's
 * X-Amz-Credential). Signatures are not verified: the simulator only routes on them.
 */
export function credentialScope(request: Request): CredentialScope | undefined {
  const header = request.headers.get('authorization');
  let match = header ? AUTH_PATTERN.exec(header) : null;
  if (!match) {
    const credential = new URL(request.url).searchParams.get(
      'X-Amz-Credential',
    );
    if (credential) match = AUTH_PATTERN.exec(`Credential=${credential}`);
  }
  if (!match) return undefined;
  return {
    accessKeyId: match[1],
    date: match[2],
    region: match[3],
    service: match[4],
  };
}
