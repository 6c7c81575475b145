import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Compressed on libuv's thread pool, so a scan's thousands of rows do not block the event loop. */
export const gzipJson = (value: unknown): Promise<Buffer> =>
  gzipAsync(Buffer.from(JSON.stringify(value), 'utf8'));

/** A JSON column's value, or `fallback` when it is empty. */
export const parseJson = <T>(
  text: string | null | undefined,
  fallback: T,
): T => (text ? (JSON.parse(text) as T) : fallback);
