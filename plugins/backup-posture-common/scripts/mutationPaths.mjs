// Where `npm run test:mutation` (test-mutation.mjs) reads and writes: the last Stryker run's report
// and incremental file (git-ignored reports/), the committed per-file results, docs/testing.md and
// the markers between which its summary goes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const pkgDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
export const repoRoot = path.resolve(pkgDir, '../..');
export const report = path.join(pkgDir, 'reports/mutation/mutation.json');
export const incremental = path.join(
  pkgDir,
  'reports/mutation/stryker-incremental.json',
);
export const doc = path.join(repoRoot, 'docs/testing.md');
export const resultsFile = path.join(pkgDir, 'mutation-results.json');
export const runInfo = path.join(pkgDir, 'reports/mutation/run.json');
export const START =
  '<!-- mutation-summary:start (written by npm run test:mutation) -->';
export const END = '<!-- mutation-summary:end -->';
