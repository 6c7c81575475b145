// The app's tools: Node 24 from the npm registry, a `yarn` first on PATH, and the environment
// that puts them there.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MAJOR, env, root } from './config.mjs';
import { run } from './processes.mjs';
import { versions } from './report.mjs';
import { appDir, work } from './workDirs.mjs';

export let nodeDir;
export let toolsBin;
/** The app's environment: Node 24 and a `yarn` first on PATH, the npm registry for yarn. */
export function appEnv(extra = {}) {
  return {
    ...env,
    PATH: `${nodeDir}/bin:${toolsBin}:${env.PATH}`,
    npm_config_nodedir: nodeDir, // node-gyp (better-sqlite3) builds against Node 24's headers
    YARN_NPM_REGISTRY_SERVER: 'https://registry.npmjs.org',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: '0',
    // Yarn 4.13 on Node 24 crashes when it retries a registry request ("The `onCancel` handler was
    // attached after the promise settled", yarnpkg/berry#7245): no retries.
    YARN_HTTP_RETRY: '0',
    BROWSER: 'none',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Makes the directory for the `yarn` that scaffold() writes (first on the app's PATH). */
export function makeToolsBin() {
  toolsBin = join(work, 'bin');
  mkdirSync(toolsBin, { recursive: true });
}

export async function fetchNode() {
  nodeDir = join(
    root,
    'node_modules',
    '.cache',
    'backup-posture-install',
    'node',
  );
  await run(
    'bash',
    [join(root, 'scripts', 'fetch-node.sh'), NODE_MAJOR, nodeDir],
    {
      cwd: root,
      log: 'fetch-node',
    },
  );
  versions.node = execFileSync(join(nodeDir, 'bin', 'node'), ['--version'], {
    encoding: 'utf8',
  }).trim();
}

export const yarn = (args, log) =>
  run('yarn', args, { cwd: appDir, log, env: appEnv() });
