// The Stryker run of `npm run test:mutation` (test-mutation.mjs), and reading back the last run:
// its report (reports/mutation/mutation.json) and what the driver noted of it (run.json), or, where
// there is none, what mutation-results.json kept of it.
/* eslint-disable no-console */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { incremental, pkgDir, report, runInfo } from './mutationPaths.mjs';

const require = createRequire(import.meta.url);
const strykerBin = path.join(
  path.dirname(require.resolve('@stryker-mutator/core/package.json')),
  'bin/stryker.js',
);

/** `stryker run --incremental` with `args`; exits when it fails, else notes the run in run.json. */
export function runStryker(args) {
  const wasIncremental = fs.existsSync(incremental);
  const started = Date.now();
  fs.rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [strykerBin, 'run', '--incremental', ...args],
    { cwd: pkgDir, stdio: 'inherit' },
  );
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.error(`stryker run failed (exit ${run.status}): docs not updated`);
    process.exit(run.status || 1);
  }
  fs.writeFileSync(
    runInfo,
    JSON.stringify({
      seconds: Math.round((Date.now() - started) / 1000),
      incremental: wasIncremental,
      args,
      date: new Date().toISOString(),
    }),
  );
}

/**
 * The last run: `info` (run.json) and `result` (Stryker's report). With --report-only where the
 * last run's report is not (a fresh clone or another worktree: reports/ is git-ignored), nothing
 * to merge (`noReport`): both come from what mutation-results.json (`store`) kept of it.
 */
export function lastRunOf(store, reportOnly) {
  const noReport =
    reportOnly && !(fs.existsSync(report) && fs.existsSync(runInfo));
  const lastRun = store.lastRun ?? {};
  const info = noReport
    ? {
        seconds: lastRun.seconds ?? 0,
        incremental: lastRun.incremental ?? false,
        args: [],
        date: lastRun.date ?? new Date().toISOString(),
      }
    : JSON.parse(fs.readFileSync(runInfo, 'utf8'));
  const result = noReport
    ? {
        files: {},
        framework: {
          version: lastRun.stryker,
          dependencies: { jest: lastRun.jest },
        },
      }
    : JSON.parse(fs.readFileSync(report, 'utf8'));
  return { noReport, lastRun, info, result };
}
