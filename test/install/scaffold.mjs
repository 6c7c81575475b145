// Making the app: create-app as a user runs it, and what its yarn.lock seed would have pinned.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { appEnv, toolsBin } from './appTools.mjs';
import { CREATE_APP, logsDir } from './config.mjs';
import { run } from './processes.mjs';
import { versions } from './report.mjs';
import { appDir, work } from './workDirs.mjs';

/** npx @backstage/create-app, as a user does, with its name from BACKSTAGE_APP_NAME. */
export async function scaffold() {
  // create-app checks `yarn -v` first; a user has Yarn installed. Here `yarn` is the Yarn release
  // that create-app bundles into the app (the app's .yarnrc.yml yarnPath uses it too).
  const caDir = join(work, 'create-app');
  mkdirSync(caDir, { recursive: true });
  const tgz = execFileSync(
    'npm',
    ['pack', '--silent', `@backstage/create-app@${CREATE_APP}`],
    { cwd: caDir, encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['xzf', tgz], { cwd: caDir });
  versions.createApp = JSON.parse(
    readFileSync(join(caDir, 'package', 'package.json'), 'utf8'),
  ).version;
  const releases = join(
    caDir,
    'package',
    'templates',
    'default-app',
    '.yarn',
    'releases',
  );
  const yarnCjs = join(
    releases,
    readdirSync(releases).find(f => f.endsWith('.cjs')),
  );
  writeFileSync(
    join(toolsBin, 'yarn'),
    `#!/bin/sh\nexec node "${yarnCjs}" "$@"\n`,
  );
  chmodSync(join(toolsBin, 'yarn'), 0o755);
  await run(
    'npm',
    [
      'exec',
      '--yes',
      '--package',
      join(caDir, tgz),
      '--',
      'backstage-create-app',
      '--path',
      appDir,
      '--skip-install',
    ],
    {
      cwd: work,
      log: 'create-app',
      env: appEnv({ BACKSTAGE_APP_NAME: 'backup-posture-install-test' }),
    },
  );
}

/**
 * What create-app's yarn.lock seed would do. create-app fetches the seed from GitHub (unreachable
 * here; it says "Failed to fetch the yarn.lock seed file"), so the template's caret ranges float to
 * the newest versions, and a newer Backstage release can mix in: with create-app 0.9.2 (release
 * 1.55), `@backstage/plugin-signals-backend` ^0.3.19 resolves to 0.3.21 (release 1.57), which calls
 * `httpRouter.addWebSocketHandler`, missing from the template's `@backstage/backend-defaults`
 * 0.18.0, and the backend does not start ("Plugin 'signals' startup failed"). Without the seed,
 * these packages are pinned to the version the template names.
 */
const SEED_STAND_IN = ['@backstage/plugin-signals-backend'];
export function seedStandIn() {
  const log = readFileSync(join(logsDir, 'create-app.log'), 'utf8');
  if (!/Failed to fetch the yarn\.lock seed/.test(log)) return [];
  const backend = JSON.parse(
    readFileSync(join(appDir, 'packages', 'backend', 'package.json'), 'utf8'),
  );
  const pins = {};
  for (const name of SEED_STAND_IN) {
    const range = backend.dependencies?.[name];
    if (range) pins[name] = range.replace(/^[\^~]/, '');
  }
  const pkgPath = join(appDir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.resolutions = { ...pkg.resolutions, ...pins };
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  return Object.entries(pins).map(([n, v]) => `${n}@${v}`);
}
