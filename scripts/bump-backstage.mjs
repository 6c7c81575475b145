#!/usr/bin/env node
// Moves every @backstage/* dependency of the workspace to a Backstage release with the release's
// own command, `backstage-cli versions:bump`, then lets npm regenerate package-lock.json.
//
//   npm run backstage:bump                           # newest release (release line "main")
//   npm run backstage:bump -- --release 1.57.1       # a given release or release line
//   npm run backstage:bump -- --offline 1.57.1       # no release manifest reachable (see below)
//
// Why a wrapper: versions:bump is written for Yarn. It reads yarn.lock and fails without one (it
// uses it only to list the bumps that cross a major, so here that list stays empty: read the
// CHANGELOG.md of every package whose major moved), and it runs `yarn install` afterwards. This
// repository uses npm, so the wrapper gives it an empty yarn.lock for the run, passes
// --skip-install, removes the yarn.lock again and runs `npm install` and `npm dedupe` (npm install
// alone keeps the previous release's versions hoisted and nests the new ones under each dependent,
// leaving two copies of packages such as @backstage/frontend-plugin-api in the tree). Other
// arguments go to versions:bump unchanged (`--pattern`, `--skip-migrate`, ...). The command writes
// the release into backstage.json.
//
// versions:bump takes the release's package versions from its release manifest, which it fetches
// from the Backstage versions site (or GitHub); a package the manifest does not list it looks up
// with `yarn npm info`, which fails without Yarn. Where the manifest is out of reach, the command
// reads one from the file named by BACKSTAGE_MANIFEST_FILE instead. `--offline <release>` writes
// such a file from the npm registry: for every @backstage/* package the workspace depends on, the
// version its `latest` dist-tag names (what the newest release published), under the given release
// number. Check the number against the release notes, and check that the registry has every
// package of the release: it does not record which release a package version belongs to.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);

function run(command, commandArgs, env = process.env) {
  console.log(`$ ${command} ${commandArgs.join(' ')}`);
  execFileSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
}

function workspacePackageJsons() {
  const rootJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = execFileSync('npm', ['query', '.workspace'], {
    cwd: root,
    encoding: 'utf8',
  });
  return [rootJson, ...JSON.parse(out)];
}

function backstageDependencies() {
  const names = new Set();
  for (const pkg of workspacePackageJsons()) {
    for (const field of [
      'dependencies',
      'devDependencies',
      'peerDependencies',
    ]) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (name.startsWith('@backstage/')) names.add(name);
      }
    }
  }
  return [...names].sort();
}

function manifestFromRegistry(releaseVersion) {
  const packages = backstageDependencies().map(name => {
    const version = execFileSync('npm', ['view', name, 'dist-tags.latest'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    console.log(`${name}@${version}`);
    return { name, version };
  });
  return { releaseVersion, packages };
}

const env = { ...process.env };
const bumpArgs = [];
let tmp;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--offline') {
    const release = args[++i];
    if (!/^\d+\.\d+\.\d+$/.test(release ?? '')) {
      throw new Error(
        '--offline needs the release number, e.g. --offline 1.57.1',
      );
    }
    tmp = mkdtempSync(join(tmpdir(), 'backstage-manifest-'));
    env.BACKSTAGE_MANIFEST_FILE = join(tmp, 'manifest.json');
    writeFileSync(
      env.BACKSTAGE_MANIFEST_FILE,
      `${JSON.stringify(manifestFromRegistry(release), null, 2)}\n`,
    );
  } else {
    bumpArgs.push(args[i]);
  }
}

const yarnLock = join(root, 'yarn.lock');
const madeYarnLock = !existsSync(yarnLock);
if (madeYarnLock) writeFileSync(yarnLock, '');
try {
  run(
    'npx',
    [
      '--no-install',
      'backstage-cli',
      'versions:bump',
      '--skip-install',
      ...bumpArgs,
    ],
    env,
  );
} catch {
  console.error(
    env.BACKSTAGE_MANIFEST_FILE
      ? '\nversions:bump failed (see above).'
      : '\nversions:bump failed (see above). "fetch failed" means the release manifest could not be ' +
          'fetched: without a connection to the Backstage versions site, run this script with ' +
          '--offline <release>.',
  );
  process.exitCode = 1;
} finally {
  if (madeYarnLock) rmSync(yarnLock);
  if (tmp) rmSync(tmp, { recursive: true });
}
if (!process.exitCode) {
  run('npm', ['install']);
  run('npm', ['dedupe']);
}
