#!/usr/bin/env node
// `npm run test:mutation`: runs StrykerJS on the posture engine (stryker.config.mjs), incrementally
// (reports/mutation/stryker-incremental.json, git-ignored: a run without it is a full run), then
// writes the measured scores into docs/testing.md between the mutation-summary markers.
//
// Runs accumulate. Each run's per-file results are merged into mutation-results.json (in this
// package, committed: a few lines per file, so a fresh clone keeps what was measured; the big
// Stryker report and incremental file stay in git-ignored reports/): every file the run mutated
// gets its counts, the date it was measured and a hash of its source; files the run did not
// mutate keep what an earlier run measured, marked in the summary if their source changed since. The summary lists every file of src/engine (measured or not) and
// the overall score over the measured ones. A plain run mutates the whole engine and so measures
// every file afresh; on a fresh clone that is what reproduces the summary.
//
// Extra arguments go to `stryker run`. A run restricted with --mutate (paths or globs from the
// package, comma-separated) is merged but leaves docs/testing.md alone unless --write-docs is
// given; a --mutate range (file.ts:10-20) measures only part of a file and is not recorded.
// --report-only skips the run and merges and summarises the last one again
// (reports/mutation/mutation.json and run.json; merging the same run twice changes nothing).
/* eslint-disable no-console */
// The parts: mutationPaths.mjs (files and markers), mutationRun.mjs (the Stryker run, the last
// run's report), mutatedFiles.mjs (the engine's files, what --mutate selects), mutationCounts.mjs
// (counts and scores), mutationResults.mjs (merging into mutation-results.json), mutationTally.mjs
// (the scores summed up) and mutationSummary.mjs (the docs/testing.md summary).
import { pct } from './mutationCounts.mjs';
import { engineFilesOf, mutatedFiles } from './mutatedFiles.mjs';
import { pkgDir } from './mutationPaths.mjs';
import {
  currentHashes,
  mergeRun,
  readStore,
  saveStore,
} from './mutationResults.mjs';
import { lastRunOf, runStryker } from './mutationRun.mjs';
import { short, summaryOf, writeSummary } from './mutationSummary.mjs';
import { tally } from './mutationTally.mjs';

const own = new Set(['--report-only', '--write-docs']);
const argv = process.argv.slice(2);
const args = argv.filter(a => !own.has(a));
const reportOnly = argv.includes('--report-only');
const writeDocs = argv.includes('--write-docs');

if (!reportOnly) runStryker(args);
const store = readStore();
const { noReport, lastRun, info, result } = lastRunOf(store, reportOnly);
const { seconds } = info;
const wasIncremental = info.incremental;
const version = result.framework?.version ?? 'unknown';
const jest = result.framework?.dependencies?.jest ?? 'unknown';
const minutes = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;

const engineFiles = engineFilesOf(pkgDir);
const { partial, mutated } = mutatedFiles(engineFiles, info.args, noReport);

// Merge: the mutated files get this run's counts and date; the others keep theirs.
const currentSha = currentHashes(engineFiles);
const command = noReport
  ? lastRun.command
  : `npm run test:mutation${info.args.length ? ` -- ${info.args.join(' ')}` : ''}`;
const node = noReport ? lastRun.node : process.versions.node;
mergeRun(store, { result, info, command, engineFiles, currentSha, mutated });
saveStore(
  store,
  noReport
    ? undefined
    : {
        date: info.date,
        command,
        seconds,
        incremental: wasIncremental,
        stryker: version,
        jest,
        node,
        filesMutated: mutated.length,
      },
);

const t = tally(store, engineFiles, currentSha);
const summary = summaryOf(
  { store, engineFiles, tally: t },
  {
    date: info.date,
    version,
    jest,
    node,
    wasIncremental,
    filesMutated: noReport ? lastRun.filesMutated : mutated.length,
    minutes,
    command,
  },
);

console.log(
  `\n${noReport ? 'no report of a last run here, nothing merged' : `this run: ${mutated.length} file(s) mutated in ${minutes}`}; ` +
    `accumulated: ${t.measured.length} of ${engineFiles.length} engine files measured, ` +
    `${pct(t.all.score)} of ${t.all.valid} mutants killed; ${t.verdict}`,
);
for (const m of t.measured) {
  console.log(`  ${pct(m.score).padStart(6)}  ${short(m.file)}`);
}
if (partial && !writeDocs) {
  console.log(
    '--mutate given: docs/testing.md left as it is (--write-docs writes it)',
  );
  process.exit(0);
}
writeSummary(summary);
