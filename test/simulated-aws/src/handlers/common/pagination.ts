import { AwsError } from './errors';

/**
 * Opaque page tokens bound to the operation and filter, as AWS's are: a token from another
 * call is rejected.
 */
export function paginate<T>(
  items: T[],
  opts: {
    token: string | undefined | null;
    pageSize: number;
    binding: string;
    invalidTokenError: () => AwsError;
  },
): { page: T[]; nextToken?: string } {
  let offset = 0;
  if (opts.token) {
    try {
      const decoded = JSON.parse(
        Buffer.from(opts.token, 'base64url').toString('utf8'),
      );
      if (decoded.b !== opts.binding || typeof decoded.o !== 'number')
        throw new Error('mismatch');
      offset = decoded.o;
    } catch {
      throw opts.invalidTokenError();
    }
  }
  const page = items.slice(offset, offset + opts.pageSize);
  const next = offset + opts.pageSize;
  return {
    page,
    nextToken:
      next < items.length
        ? Buffer.from(JSON.stringify({ b: opts.binding, o: next })).toString(
            'base64url',
          )
        : undefined,
  };
}

/** Reads an integer page size and checks AWS's bounds. */
export function pageSize(
  raw: unknown,
  opts: {
    min: number;
    max: number;
    default: number;
    error: (message: string) => AwsError;
    name: string;
  },
): number {
  if (raw === undefined || raw === null || raw === '') return opts.default;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < opts.min || n > opts.max) {
    throw opts.error(
      `1 validation error detected: Value '${raw}' at '${opts.name}' failed to satisfy constraint: Member must have value ${n < opts.min ? `greater than or equal to ${opts.min}` : `less than or equal to ${opts.max}`}`,
    );
  }
  return n;
}
