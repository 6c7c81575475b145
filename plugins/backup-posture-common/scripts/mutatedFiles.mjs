// Which files `npm run test:mutation` (test-mutation.mjs) measures: the engine's files (what
// stryker.config.mjs `mutate` selects), and of them the ones a run mutated (the whole engine, or
// what its --mutate patterns select).
/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';

/** The engine's files: what stryker.config.mjs `mutate` selects. */
export function engineFilesOf(pkgDir) {
  const engineDir = path.join(pkgDir, 'src/engine');
  return fs
    .readdirSync(engineDir, { recursive: true })
    .map(f => `src/engine/${f.split(path.sep).join('/')}`)
    .filter(
      f =>
        f.endsWith('.ts') &&
        !f.endsWith('.test.ts') &&
        !/\/(__tests__|__fixtures__|__testUtils__)\//.test(f),
    )
    .sort((a, b) => a.localeCompare(b));
}

const globToRegExp = glob =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '%GLOBSTAR%')
      .replace(/\*\*/g, '.*')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')
      .replace(/%GLOBSTAR%/g, '(?:.*/)?')}$`,
  );

/**
 * The files the run with `args` mutated (none when there is no report), whether it was `partial`
 * (--mutate given); a --mutate range (file.ts:10-20) measures only part of a file and is not
 * recorded (said on the console).
 */
export function mutatedFiles(engineFiles, args, noReport) {
  const mutateAt = args.findIndex(
    a => a === '--mutate' || a === '-m' || a.startsWith('--mutate='),
  );
  const partial = mutateAt >= 0;
  let mutateArg = '';
  if (partial) {
    mutateArg = args[mutateAt].startsWith('--mutate=')
      ? args[mutateAt].slice('--mutate='.length)
      : (args[mutateAt + 1] ?? '');
  }
  const patterns = mutateArg
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  const ranged = patterns.filter(p => /:\d+(:\d+)?-\d+(:\d+)?$/.test(p));
  const positive = patterns
    .filter(p => !p.startsWith('!') && !ranged.includes(p))
    .map(globToRegExp);
  const negative = patterns
    .filter(p => p.startsWith('!'))
    .map(p => globToRegExp(p.slice(1)));
  const mutated = (noReport ? [] : engineFiles).filter(
    f =>
      !partial ||
      (positive.some(r => r.test(f)) && !negative.some(r => r.test(f))),
  );
  if (ranged.length) {
    console.log(
      `not recorded (only part of a file mutated): ${ranged.join(', ')}`,
    );
  }
  return { partial, mutated };
}
