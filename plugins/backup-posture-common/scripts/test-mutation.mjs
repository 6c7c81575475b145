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
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { HASHED, sourceSha1 as sha } from './sourceHash.mjs';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(pkgDir, '../..');
const report = path.join(pkgDir, 'reports/mutation/mutation.json');
const incremental = path.join(
  pkgDir,
  'reports/mutation/stryker-incremental.json',
);
const doc = path.join(repoRoot, 'docs/testing.md');
const resultsFile = path.join(pkgDir, 'mutation-results.json');
const START =
  '<!-- mutation-summary:start (written by npm run test:mutation) -->';
const END = '<!-- mutation-summary:end -->';

const own = new Set(['--report-only', '--write-docs']);
const argv = process.argv.slice(2);
const args = argv.filter(a => !own.has(a));
const reportOnly = argv.includes('--report-only');
const writeDocs = argv.includes('--write-docs');
const runInfo = path.join(pkgDir, 'reports/mutation/run.json');
const require = createRequire(import.meta.url);
const strykerBin = path.join(
  path.dirname(require.resolve('@stryker-mutator/core/package.json')),
  'bin/stryker.js',
);

if (!reportOnly) {
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
const store = fs.existsSync(resultsFile)
  ? JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
  : { files: {} };
// --report-only where the last run's report is not (a fresh clone or another worktree: reports/
// is git-ignored): nothing to merge, summarise what mutation-results.json holds.
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
const { seconds } = info;
const wasIncremental = info.incremental;
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const count = mutants => {
  const c = {
    killed: 0,
    timeout: 0,
    survived: 0,
    noCoverage: 0,
    ignored: 0,
    errors: 0,
  };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed += 1;
    else if (m.status === 'Timeout') c.timeout += 1;
    else if (m.status === 'Survived') c.survived += 1;
    else if (m.status === 'NoCoverage') c.noCoverage += 1;
    else if (m.status === 'Ignored') c.ignored += 1;
    else c.errors += 1;
  }
  const detected = mutants.filter(m => DETECTED.has(m.status)).length;
  const valid = detected + mutants.filter(m => UNDETECTED.has(m.status)).length;
  c.valid = valid;
  c.score = valid ? (100 * detected) / valid : null;
  c.killedOnly = valid ? (100 * c.killed) / valid : null;
  return c;
};
const pct = s => (s === null ? 'n/a' : `${s.toFixed(1)}%`);

const result = noReport
  ? {
      files: {},
      framework: {
        version: lastRun.stryker,
        dependencies: { jest: lastRun.jest },
      },
    }
  : JSON.parse(fs.readFileSync(report, 'utf8'));
const version = result.framework?.version ?? 'unknown';
const jest = result.framework?.dependencies?.jest ?? 'unknown';
const minutes = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;

// The engine's files: what stryker.config.mjs `mutate` selects.
const engineDir = path.join(pkgDir, 'src/engine');
const engineFiles = fs
  .readdirSync(engineDir, { recursive: true })
  .map(f => `src/engine/${f.split(path.sep).join('/')}`)
  .filter(
    f =>
      f.endsWith('.ts') &&
      !f.endsWith('.test.ts') &&
      !/\/(__tests__|__fixtures__|__testUtils__)\//.test(f),
  )
  .sort((a, b) => a.localeCompare(b));

// The files this run mutated: the whole engine, or what its --mutate patterns select.
const mutateAt = info.args.findIndex(
  a => a === '--mutate' || a === '-m' || a.startsWith('--mutate='),
);
const partial = mutateAt >= 0;
let mutateArg = '';
if (partial) {
  mutateArg = info.args[mutateAt].startsWith('--mutate=')
    ? info.args[mutateAt].slice('--mutate='.length)
    : (info.args[mutateAt + 1] ?? '');
}
const patterns = mutateArg
  .split(',')
  .map(p => p.trim())
  .filter(Boolean);
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

// Merge: the mutated files get this run's counts and date; the others keep theirs.
const sourceOf = file => fs.readFileSync(path.join(pkgDir, file), 'utf8');
const currentSha = new Map(engineFiles.map(f => [f, sha(sourceOf(f))]));
// A file of the report that is no longer where it was measured (moved since): the engine file
// with the same code, if exactly one has it.
const movedTo = (file, source) => {
  if (engineFiles.includes(file) || source === undefined) return file;
  const same = engineFiles.filter(f => currentSha.get(f) === sha(source));
  return same.length === 1 ? same[0] : file;
};
const command = noReport
  ? lastRun.command
  : `npm run test:mutation${info.args.length ? ` -- ${info.args.join(' ')}` : ''}`;
const node = noReport ? lastRun.node : process.versions.node;
// The report's files under their current paths (a report of a run made before a move names the
// old ones).
const reported = Object.fromEntries(
  Object.entries(result.files).map(([f, r]) => [movedTo(f, r.source), r]),
);
const movedInReport = Object.keys(result.files).filter(
  f =>
    !engineFiles.includes(f) &&
    engineFiles.includes(movedTo(f, result.files[f].source)),
);
for (const file of movedInReport) {
  const now = movedTo(file, result.files[file].source);
  if (!mutated.includes(now)) mutated.push(now);
}
for (const file of mutated) {
  const mutants = reported[file]?.mutants ?? [];
  const { valid, score, killedOnly, ...counts } = count(mutants);
  store.files[file] = {
    measured: info.date,
    command,
    sourceSha1: sha(reported[file]?.source ?? sourceOf(file)),
    ...counts,
  };
}
// A record whose file moved follows it when exactly one unrecorded engine file has its code.
for (const [file, record] of Object.entries(store.files)) {
  if (engineFiles.includes(file)) continue;
  const same = engineFiles.filter(
    f => !store.files[f] && currentSha.get(f) === record.sourceSha1,
  );
  if (same.length === 1) store.files[same[0]] = record;
}
for (const file of Object.keys(store.files)) {
  if (!engineFiles.includes(file)) delete store.files[file];
}
store.files = Object.fromEntries(
  Object.entries(store.files).sort(([a], [b]) => a.localeCompare(b)),
);
store.sourceSha1 = HASHED;
if (!noReport) {
  store.lastRun = {
    date: info.date,
    command,
    seconds,
    incremental: wasIncremental,
    stryker: version,
    jest,
    node,
    filesMutated: mutated.length,
  };
}
fs.writeFileSync(resultsFile, `${JSON.stringify(store, null, 2)}\n`);

// Scores from the kept counts (the same arithmetic as count()).
const score = c => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return {
    ...c,
    valid,
    score: valid ? (100 * detected) / valid : null,
    killedOnly: valid ? (100 * c.killed) / valid : null,
  };
};
const KEYS = [
  'killed',
  'timeout',
  'survived',
  'noCoverage',
  'ignored',
  'errors',
];
const measured = engineFiles
  .filter(f => store.files[f])
  .map(f => ({
    file: f,
    ...score(store.files[f]),
    changed: store.files[f].sourceSha1 !== currentSha.get(f),
  }));
const unmeasured = engineFiles.filter(f => !store.files[f]);
const all = score(
  Object.fromEntries(
    KEYS.map(k => [k, measured.reduce((n, f) => n + f[k], 0)]),
  ),
);
const below = measured.filter(f => f.score !== null && f.score < 75);
const changed = measured.filter(f => f.changed);
const dates = measured
  .map(f => store.files[f.file].measured.slice(0, 10))
  .sort();
const short = f => f.replace(/^src\/engine\//, '');
let verdict = `${below.length} measured file(s) below 75%`;
if (below.length === 0) verdict = 'every measured file meets 75%';
let meetsOverall = 'is below';
if (all.score !== null && all.score >= 85) meetsOverall = 'meets';

const row = (name, date, c) =>
  `| ${name} | ${date} | ${pct(c.score)} | ${pct(c.killedOnly)} | ${KEYS.map(k => c[k]).join(' | ')} |`;
const summary = [
  START,
  '',
  `**${measured.length} of ${engineFiles.length}** files of \`src/engine\` measured` +
    `${dates.length ? ` (${dates[0] === dates[dates.length - 1] ? `on ${dates[0]}` : `between ${dates[0]} and ${dates[dates.length - 1]}`})` : ''}` +
    `${unmeasured.length ? `, ${unmeasured.length} not measured yet` : ''}. ` +
    `Over the measured files: **${pct(all.score)}** of ${all.valid} mutants killed (${pct(all.killedOnly)} if timeouts counted as survivors; ` +
    `${KEYS.reduce((n, k) => n + all[k], 0)} generated, ${all.ignored} ignored: string literals and check definitions), which ${meetsOverall} the 85% target overall; ${verdict}.` +
    `${changed.length ? ` ${changed.length} file(s) changed since they were measured (marked *changed since*).` : ''}`,
  '',
  `Runs accumulate (plugins/backup-posture-common/mutation-results.json, committed): each row is from the last run that mutated the file. ` +
    `Last run on ${info.date.slice(0, 10)} with StrykerJS ${version} (jest ${jest}, Node ${node}), ` +
    `${wasIncremental ? 'incremental (unchanged mutants reused from the previous run)' : 'full run'}, ${noReport ? lastRun.filesMutated : mutated.length} file(s) mutated in ${minutes}: \`${command}\`.`,
  '',
  '| file (src/engine/…) | measured | score | without timeouts | killed | timeout | survived | no coverage | ignored | errors |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  row('**all measured files**', '', all),
  ...engineFiles.map(f => {
    const m = measured.find(x => x.file === f);
    if (!m) return `| ${short(f)} | not measured | | | | | | | | |`;
    const date = store.files[f].measured.slice(0, 10);
    return row(short(f), m.changed ? `${date}, _changed since_` : date, m);
  }),
  '',
  END,
].join('\n');

console.log(
  `\n${noReport ? 'no report of a last run here, nothing merged' : `this run: ${mutated.length} file(s) mutated in ${minutes}`}; ` +
    `accumulated: ${measured.length} of ${engineFiles.length} engine files measured, ` +
    `${pct(all.score)} of ${all.valid} mutants killed; ${verdict}`,
);
for (const m of measured) {
  console.log(`  ${pct(m.score).padStart(6)}  ${short(m.file)}`);
}
if (partial && !writeDocs) {
  console.log(
    '--mutate given: docs/testing.md left as it is (--write-docs writes it)',
  );
  process.exit(0);
}
const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
const startAt = current.indexOf(START.slice(0, 30));
const endAt = current.indexOf(END);
const next =
  startAt >= 0 && endAt > startAt
    ? current.slice(0, startAt) + summary + current.slice(endAt + END.length)
    : `${current.trimEnd()}\n\n${summary}\n`;
fs.writeFileSync(doc, next);
execFileSync(
  process.execPath,
  [require.resolve('prettier/bin/prettier.cjs'), '--write', doc],
  {
    cwd: repoRoot,
    stdio: 'inherit',
  },
);
console.log(`summary written to ${path.relative(process.cwd(), doc)}`);
