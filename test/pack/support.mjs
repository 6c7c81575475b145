// Shared by the packaging test's steps: the plugins to pack, the TypeScript of the repo, the
// pass / fail tally and helpers to run commands.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
const requireFromRoot = createRequire(join(root, 'package.json'));
export const ts = requireFromRoot('typescript');

export const PLUGINS = [
  'backup-posture-common',
  'backup-posture-node',
  'backup-posture-backend',
  'backup-posture',
  'tech-insights-backend-module-backup-posture',
].map(dir => {
  const pluginDir = join(root, 'plugins', dir);
  const pkg = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8'));
  return { dir, pluginDir, name: pkg.name };
});
export const OWN = new Set(PLUGINS.map(p => p.name));
export const byDir = Object.fromEntries(PLUGINS.map(p => [p.dir, p]));

/** Checks passed and failed so far (a step that throws adds a failure here too). */
export const tally = { passed: 0, failed: 0 };
export function check(name, problems) {
  const list = [problems].flat().filter(Boolean);
  if (list.length === 0) {
    tally.passed += 1;
    console.log(`  ok  ${name}`);
  } else {
    tally.failed += 1;
    console.log(`  FAIL  ${name}`);
    for (const p of list) console.log(`        - ${p}`);
  }
}
export const bin = name => join(root, 'node_modules', '.bin', name);
export function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
  });
}
const execFileAsync = promisify(execFile);
export async function runAsync(cmd, args, opts = {}) {
  try {
    return await execFileAsync(cmd, args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      ...opts,
    });
  } catch (e) {
    e.message = `${cmd} ${args.join(' ')} (in ${opts.cwd}) failed: ${e.message}`;
    throw e;
  }
}
export async function timedAsync(label, fn) {
  const start = Date.now();
  const result = await fn();
  console.log(`  (${label}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return result;
}
export function timed(label, fn) {
  const start = Date.now();
  const result = fn();
  console.log(`  (${label}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return result;
}
