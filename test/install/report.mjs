// The install test's report: the ok / FAIL lines, the steps' times, the versions met, and
// docs/install-test.md written from them at the end.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './config.mjs';

export const started = Date.now();
export const lines = [];
export const times = [];
export const versions = {};
/** Steps passed and failed so far. */
export const tally = { passed: 0, failed: 0 };
export function say(line) {
  lines.push(line);
  console.log(line);
}
export function ok(name) {
  tally.passed += 1;
  say(`  ok  ${name}`);
}
export function fail(name, problem) {
  tally.failed += 1;
  say(`  FAIL  ${name}`);
  // eslint-disable-next-line no-control-regex
  const plain = String(problem).replace(/\x1b\[[0-9;]*m/g, '');
  for (const l of plain.split('\n').slice(0, 30)) say(`        ${l}`);
}
export const seconds = ms => `${(ms / 1000).toFixed(0)} s`;
/** Runs one step; a failure is a FAIL line and, unless `soft`, ends the test. */
export async function step(name, fn, { soft = false } = {}) {
  const t0 = Date.now();
  try {
    const result = await fn();
    times.push([name, Date.now() - t0]);
    ok(`${name} (${seconds(Date.now() - t0)})`);
    return result;
  } catch (e) {
    times.push([name, Date.now() - t0]);
    fail(`${name} (${seconds(Date.now() - t0)})`, e.message);
    if (!soft) throw Object.assign(e, { reported: true });
    return undefined;
  }
}

/**
 * Writes docs/install-test.md: the result, the versions, each step's time and the output;
 * `total` is the run's time, `appVersions` what the app resolved.
 */
export function writeInstallDoc(total, appVersions) {
  const doc = [
    '# Install test: last result',
    '',
    '`npm run test:install` (test/install/run.mjs; see [test/install/README.md](../test/install/README.md))',
    'scaffolds an app with the current `@backstage/create-app`, installs the packed plugins with the',
    "README's steps, starts it against the simulated estate and checks the pages in headless Chromium.",
    'This file is rewritten by every run.',
    '',
    `- date: ${new Date(started).toISOString()}`,
    `- result: **${tally.failed === 0 ? 'PASS' : 'FAIL'}** (${tally.passed} passed, ${tally.failed} failed) in ${seconds(total)}`,
    `- @backstage/create-app ${versions.createApp ?? '?'}, Backstage release ${versions.backstage ?? '?'} (app's backstage.json), Node ${versions.node ?? '?'} for the app`,
    `- the app resolved: ${appVersions}`,
    '',
    '## Steps and times',
    '',
    '| step | time |',
    '| --- | --- |',
    ...times.map(
      ([name, ms]) => `| ${name.replaceAll('|', '\\|')} | ${seconds(ms)} |`,
    ),
    `| total | ${seconds(total)} |`,
    '',
    '## Output',
    '',
    '```text',
    ...lines,
    '```',
    '',
  ].join('\n');
  writeFileSync(join(root, 'docs', 'install-test.md'), doc);
  // As the repo's `prettier --check .` wants it (table columns aligned).
  try {
    execFileSync(
      join(root, 'node_modules', '.bin', 'prettier'),
      ['--write', join(root, 'docs', 'install-test.md')],
      { stdio: 'ignore' },
    );
  } catch {
    console.log('  (prettier could not format docs/install-test.md)');
  }
}
