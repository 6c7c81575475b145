#!/usr/bin/env node
// `npm run test:mutation`: runs StrykerJS on the posture engine (stryker.config.mjs), incrementally
// (reports/mutation/stryker-incremental.json, git-ignored: a run without it is a full run), then
// writes the measured scores into docs/testing.md between the mutation-summary markers.
// Extra arguments go to `stryker run`; a run restricted with --mutate prints its summary but
// leaves docs/testing.md alone (its numbers would not be the engine's) unless --write-docs is
// given, and then says which files it measured. --report-only skips the run and summarises the
// last one (reports/mutation/mutation.json and run.json).
/* eslint-disable no-console */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(pkgDir, '../..');
const report = path.join(pkgDir, 'reports/mutation/mutation.json');
const incremental = path.join(
  pkgDir,
  'reports/mutation/stryker-incremental.json',
);
const doc = path.join(repoRoot, 'docs/testing.md');
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
const info = JSON.parse(fs.readFileSync(runInfo, 'utf8'));
const { seconds } = info;
const wasIncremental = info.incremental;
const mutateAt = info.args.findIndex(
  a => a === '--mutate' || a.startsWith('--mutate='),
);
const partial = mutateAt >= 0;

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

const result = JSON.parse(fs.readFileSync(report, 'utf8'));
const files = Object.entries(result.files)
  .map(([file, f]) => ({ file, ...count(f.mutants) }))
  .sort((a, b) => a.file.localeCompare(b.file));
const all = count(Object.values(result.files).flatMap(f => f.mutants));
const version = result.framework?.version ?? 'unknown';
const jest = result.framework?.dependencies?.jest ?? 'unknown';
const minutes = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
const below = files.filter(f => f.score !== null && f.score < 75);

const row = (name, c) =>
  `| ${name} | ${pct(c.score)} | ${pct(c.killedOnly)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | ${c.errors} |`;
const summary = [
  START,
  '',
  `${partial ? 'Partial run: only the files below were mutated. ' : ''}Last measured on ${info.date.slice(0, 10)} with StrykerJS ${version} (jest ${jest}, Node ${process.versions.node}), ` +
    `${wasIncremental ? 'incremental run (unchanged mutants reused from the previous run)' : 'full run'} in ${minutes}: ` +
    `**${pct(all.score)}** of ${all.valid} mutants killed (${pct(all.killedOnly)} if timeouts counted as survivors; ${all.killed + all.timeout + all.survived + all.noCoverage + all.ignored + all.errors} generated, ${all.ignored} ignored: string literals and check definitions). ` +
    `Command: \`npm run test:mutation${info.args.length ? ` -- ${info.args.join(' ')}` : ''}\`. Target: ≥ 85% overall, ≥ 75% in every file; ${below.length === 0 ? 'every file meets 75%' : `${below.length} file(s) below 75%`}.`,
  '',
  '| file (src/engine/…) | score | without timeouts | killed | timeout | survived | no coverage | ignored | errors |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  row('**all files**', all),
  ...files.map(f => row(f.file.replace(/^src\/engine\//, ''), f)),
  '',
  END,
].join('\n');

console.log(
  `\nmutation score ${pct(all.score)} (${all.valid} mutants) in ${minutes}`,
);
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
