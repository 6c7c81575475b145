// The hash mutation-results.json keeps of each measured file (scripts/test-mutation.mjs).
//
// It leaves out import and export-from statements: Stryker never mutates them, and a file moved to
// another folder changes only their relative paths, which is not a change of what was measured.
// So a moved file keeps its record (test-mutation.mjs re-keys it by this hash) and is marked
// "changed since" only when its code changed.
import { createHash } from 'node:crypto';

export const HASHED =
  'sha1 of the source without import and export-from statements';

export const withoutImports = text =>
  text
    .replace(/^import\s[^;'"]*?\bfrom\s*(['"])[^'"\n]*\1;?[ \t]*\r?\n?/gm, '')
    .replace(/^import\s*(['"])[^'"\n]*\1;?[ \t]*\r?\n?/gm, '')
    .replace(
      /^export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*(['"])[^'"\n]*\1;?[ \t]*\r?\n?/gm,
      '',
    );

export const sourceSha1 = text =>
  createHash('sha1').update(withoutImports(text)).digest('hex');
