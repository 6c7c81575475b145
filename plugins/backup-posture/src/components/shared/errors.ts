/** A 403 from the backend (ResponseError.statusCode) or a NotAllowedError. */
export function isForbidden(error: unknown): boolean {
  const e = error as {
    statusCode?: number;
    name?: string;
    cause?: { name?: string };
  };
  return (
    e?.statusCode === 403 ||
    e?.name === 'NotAllowedError' ||
    e?.cause?.name === 'NotAllowedError'
  );
}
