// Where the install test works: a fresh temporary directory, or the one around a reused app
// (INSTALL_TEST_APP). Set by chooseWorkDirs() before any step runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { env } from './config.mjs';

export let work;
export let appDir;
export let tarballDir;
/** The packed plugins' tarballs, by key of PLUGINS (set by packPlugins). */
export const tarballs = {};

export function chooseWorkDirs() {
  work = env.INSTALL_TEST_APP
    ? resolve(env.INSTALL_TEST_APP, '..')
    : mkdtempSync(join(tmpdir(), 'backup-posture-install-'));
  appDir = env.INSTALL_TEST_APP
    ? resolve(env.INSTALL_TEST_APP)
    : join(work, 'app');
  tarballDir = join(work, 'tarballs');
}
